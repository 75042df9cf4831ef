/**
 * HTTP spans by the semantic conventions (stable HTTP conventions):
 * client spans `{method} {url.template}` (`GET /orders/{orderId}`) around
 * each attempt, with the W3C trace context injected into the request
 * headers; server spans `{method} {http.route}` for services that answer the
 * generated clients, continuing the caller's trace from the request headers.
 */
import { context, propagation, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import type { IncomingRequestLike, ServerResponseLike } from './node-like.js';
import { injectSpan, rawHeadersGetter, recordSetter, withSpan } from './carriers.js';
import { recordFailure } from './status.js';
import { runtimeTracer } from './tracer.js';

/** What an HTTP client span is about. */
export interface HttpClientSpanInfo {
  method: string;
  /** The path template (`/orders/{orderId}`), when the call has one. */
  template: string | undefined;
  /** The full URL of the attempt. */
  url: string;
}

/**
 * Starts the client span of one attempt under the active context and
 * returns it with the trace headers to send (undefined when there are none:
 * no propagator, or nothing to continue, as without an SDK).
 */
export function startHttpClientSpan(info: HttpClientSpanInfo): { span: Span; headers: Record<string, string> | undefined } {
  const active = context.active();
  const span = runtimeTracer().startSpan(info.template ? `${info.method} ${info.template}` : info.method, { kind: SpanKind.CLIENT, attributes: { 'http.request.method': info.method } }, active);
  if (span.isRecording()) {
    const u = new URL(info.url);
    span.setAttributes({ 'url.full': u.href, 'server.address': u.hostname, 'server.port': Number(u.port || (u.protocol === 'https:' ? 443 : 80)) });
    if (info.template) span.setAttribute('url.template', info.template);
  }
  const carrier: Record<string, string> = {};
  injectSpan(active, span, carrier, recordSetter);
  for (const _ in carrier) return { span, headers: carrier };
  return { span, headers: undefined };
}

/** Ends a client span with the response status (4xx and 5xx are errors for a client) or the attempt's error. */
export function endHttpClientSpan(span: Span, outcome: { status: number } | { error: unknown }): void {
  if (span.isRecording()) {
    if ('status' in outcome) {
      span.setAttribute('http.response.status_code', outcome.status);
      if (outcome.status >= 400) {
        span.setAttribute('error.type', String(outcome.status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
    } else recordFailure(span, outcome.error);
  }
  span.end();
}

/** A server span and the context to run the handler in. */
export interface HttpServerSpan {
  span: Span;
  /** The caller's context with the server span active: run the handler in it (`context.with`). */
  context: Context;
  /** Ends the span with the response status (5xx are errors for a server). */
  end(status: number): void;
}

/**
 * Starts the server span of a request matched to `route` (`/orders/{orderId}`),
 * as a child of the trace context the request carries (`traceparent`).
 */
export function startHttpServerSpan(req: IncomingRequestLike, route: string | undefined): HttpServerSpan {
  const parent = propagation.extract(context.active(), req.rawHeaders, rawHeadersGetter);
  const method = req.method ?? 'GET';
  const span = runtimeTracer().startSpan(route ? `${method} ${route}` : method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } }, parent);
  if (span.isRecording()) {
    const path = (req.url ?? '/').split('?')[0]!;
    span.setAttributes({ 'url.path': path, 'url.scheme': 'http' });
    if (route) span.setAttribute('http.route', route);
    const host = req.headers['host']; // recording: the headers object is worth building
    if (typeof host === 'string' && host) span.setAttribute('server.address', host.replace(/:\d+$/, ''));
  }
  return {
    span,
    context: withSpan(parent, span),
    end(status) {
      if (span.isRecording()) {
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) {
          span.setAttribute('error.type', String(status));
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
      }
      span.end();
    },
  };
}

/**
 * Runs `handle` for a request matched to `route` inside its server span and
 * ends the span when the response is finished (or the connection closes).
 */
export function withHttpServerSpan<T>(req: IncomingRequestLike, res: ServerResponseLike, route: string | undefined, handle: () => T): T {
  const s = startHttpServerSpan(req, route);
  // a span that records nothing (no SDK) needs no ending: no listeners per request then
  if (!s.span.isRecording()) return context.with(s.context, handle);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    s.end(res.statusCode);
  };
  res.once('finish', end);
  res.once('close', end);
  return context.with(s.context, handle);
}
