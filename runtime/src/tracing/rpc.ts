/**
 * gRPC spans by the RPC semantic conventions: `package.Service/Method`,
 * `rpc.system` grpc, `rpc.service`, `rpc.method`, `rpc.grpc.status_code`.
 * Clients inject the W3C trace context into the call's metadata; servers
 * continue it. Client spans fail on any status but OK; server spans on the
 * statuses that are the server's fault (UNKNOWN, DEADLINE_EXCEEDED,
 * UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS), as the conventions say.
 */
import { context, propagation, SpanKind, SpanStatusCode, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { injectSpan, metadataGetter, metadataSetter, withSpan, type MetadataLike } from './carriers.js';
import { runtimeTracer } from './tracer.js';

/** What the spans of one method say, worked out once per client or server. */
export interface RpcSpanInfo {
  /** `payments.v1.PaymentService/Charge`. */
  name: string;
  attributes: Attributes;
}

/** The span info of the method at grpc-js `path` (`/payments.v1.PaymentService/Charge`), with the client's target when a client. */
export function rpcSpanInfo(path: string, target?: string): RpcSpanInfo {
  const name = path.replace(/^\//, '');
  const slash = name.lastIndexOf('/');
  const attributes: Attributes = { 'rpc.system': 'grpc', 'rpc.service': name.slice(0, slash), 'rpc.method': name.slice(slash + 1) };
  if (target) {
    // `host:port`, `[::1]:port`, `dns:///host:port`, `ipv4:host:port`; a unix socket has no address to say
    const m = /^(?:(?:dns|ipv4|ipv6):(?:\/\/[^/]*\/)?)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?$/.exec(target);
    if (m) {
      attributes['server.address'] = m[1]!.replace(/^\[|\]$/g, '');
      if (m[2]) attributes['server.port'] = Number(m[2]);
    }
  }
  return { name, attributes };
}

/** Starts a client span under the active context and injects its context into `metadata`. */
export function startRpcClientSpan(info: RpcSpanInfo, metadata: MetadataLike): Span {
  const active = context.active();
  const span = runtimeTracer().startSpan(info.name, { kind: SpanKind.CLIENT, attributes: info.attributes }, active);
  injectSpan(active, span, metadata, metadataSetter);
  return span;
}

/** Ends a client span with the call's status code. */
export function endRpcClientSpan(span: Span, code: number, message?: string): void {
  if (span.isRecording()) {
    span.setAttribute('rpc.grpc.status_code', code);
    if (code !== 0) {
      span.setAttribute('error.type', String(code));
      span.setStatus({ code: SpanStatusCode.ERROR, ...(message ? { message } : {}) });
    }
  }
  span.end();
}

/** Statuses a server span counts as errors. */
const SERVER_ERRORS = new Set([2, 4, 12, 13, 14, 15]);

/** Starts a server span continuing the trace context the call's `metadata` carries; returns it and the context to run the handler in. */
export function startRpcServerSpan(info: RpcSpanInfo, metadata: MetadataLike): { span: Span; context: Context } {
  const parent = propagation.extract(context.active(), metadata, metadataGetter);
  const span = runtimeTracer().startSpan(info.name, { kind: SpanKind.SERVER, attributes: info.attributes }, parent);
  return { span, context: withSpan(parent, span) };
}

/** Ends a server span with the status the call ends with. */
export function endRpcServerSpan(span: Span, code: number, message?: string): void {
  if (span.isRecording()) {
    span.setAttribute('rpc.grpc.status_code', code);
    if (SERVER_ERRORS.has(code)) {
      span.setAttribute('error.type', String(code));
      span.setStatus({ code: SpanStatusCode.ERROR, ...(message ? { message } : {}) });
    }
  }
  span.end();
}
