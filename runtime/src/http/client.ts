/**
 * `createHttpClient`: the fetch-based core generated clients call through.
 * Each call: build the request, apply auth and middleware, bound each attempt
 * by a timeout composed with the caller's signal, retry what is safe to retry,
 * fail fast while the host's circuit is open, and turn non-success statuses
 * into {@link HttpProblemError}s.
 *
 * The hot path is kept lean: URLs are built by string concatenation with a
 * compiled path template, headers are a plain record, and a call whose first
 * attempt succeeds while its host's breaker is quiet (closed, no failure
 * counted) never enters the cockatiel policies — recording that success
 * would change nothing. Any other outcome is replayed through the same
 * policies, so retries and breaker counting behave exactly as before.
 */
import { BrokenCircuitError } from 'cockatiel';
import { authorize } from './auth.js';
import { createDeadlines } from './deadline.js';
import { createUrlBuilder, decodeBody, encodeBody, headerRecord } from './encode.js';
import { CircuitOpenError, HttpProblemError, HttpTimeoutError } from './errors.js';
import { IDEMPOTENT_METHODS, createHostBreaker, createRetry, isTransientError, type HostBreaker, type Retry } from './policies.js';
import { endHttpClientSpan, startHttpClientSpan } from '../tracing/http.js';
import type { CallOptions, HttpClient, HttpClientOptions, HttpResult, RequestSpec, RetryOptions } from './types.js';

export type { HttpClient } from './types.js';

const DEFAULT_ACCEPT = 'application/json, application/problem+json;q=0.9, */*;q=0.8';

type Outcome = { ok: true; value: HttpResult } | { ok: false; error: unknown };

/** Creates a client. Policies (one breaker per upstream host) live as long as the client. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const breakers = new Map<string, HostBreaker>();
  const defaultRetry = options.retry === false ? undefined : createRetry(options.retry ?? {});
  const callRetries = new WeakMap<RetryOptions, Retry>();
  const middleware = options.middleware ?? [];
  const send = middleware.reduceRight<(r: Request) => Promise<Response>>((next, mw) => (r) => mw(r, next), (r) => fetchImpl(r));
  const urlOf = createUrlBuilder(options.baseUrl);
  const deadlines = createDeadlines();
  const tracing = options.tracing !== false;
  let baseHost: string | undefined;

  function hostOf(spec: RequestSpec, url: string): string {
    // every path-based call goes to the base URL's host: parse it once
    if (spec.url === undefined) return (baseHost ??= new URL(url).host);
    return new URL(url).host;
  }

  function breakerFor(host: string): HostBreaker | undefined {
    if (options.circuitBreaker === false) return undefined;
    let b = breakers.get(host);
    if (!b) breakers.set(host, (b = createHostBreaker(options.circuitBreaker ?? {})));
    return b;
  }

  function retryFor(retry: RetryOptions | false | undefined): Retry | undefined {
    if (retry === false) return undefined;
    if (retry === undefined) return defaultRetry;
    let r = callRetries.get(retry);
    if (!r) callRetries.set(retry, (r = createRetry(retry)));
    return r;
  }

  async function attempt(spec: RequestSpec, url: string, call: CallOptions, headers: Record<string, string>): Promise<HttpResult> {
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? 30_000;
    // attempts starting together share a deadline (one controller and timer); released once the body is read
    const deadline = timeoutMs > 0 ? deadlines(timeoutMs) : undefined;
    const timeout = deadline?.signal;
    const signal = call.signal && timeout ? AbortSignal.any([call.signal, timeout]) : (call.signal ?? timeout);
    let target = url;
    // a client span per attempt (each is one request on the wire); its context goes out as `traceparent`
    const traced = tracing ? startHttpClientSpan({ method: spec.method, template: spec.path, url }) : undefined;
    try {
      let sent = headers;
      if (options.auth) {
        // auth may change per attempt (token providers): a copy per attempt
        sent = { ...headers };
        target = await authorize(options.auth, url, sent);
      }
      if (traced?.headers) sent = { ...sent, ...traced.headers };
      const { body, contentType } = encodeBody(spec);
      if (contentType && sent['content-type'] === undefined) sent = { ...sent, 'content-type': contentType };
      const init: RequestInit & { duplex?: 'half' } = { method: spec.method, headers: sent, body, signal };
      if (body instanceof ReadableStream) init.duplex = 'half';
      const response = middleware.length ? await send(new Request(target, init)) : await fetchImpl(target, init);
      const ok = response.status >= 200 && response.status < 300;
      const data = spec.stream && ok ? undefined : await decodeBody(response, spec.preciseIntegers);
      if (traced) endHttpClientSpan(traced.span, { status: response.status });
      return { status: response.status, headers: response.headers, data, url: response.url || new URL(target).href, response };
    } catch (error) {
      const failure = timeout?.aborted && !call.signal?.aborted ? new HttpTimeoutError(timeoutMs, new URL(target).href) : error;
      if (traced) endHttpClientSpan(traced.span, { error: failure });
      throw failure;
    } finally {
      deadline?.release();
    }
  }

  async function call<T>(spec: RequestSpec, call: CallOptions = {}): Promise<HttpResult<T>> {
    const url = urlOf(spec);
    const method = spec.method.toUpperCase();
    // POST/PATCH are retried only with an idempotency key: the server can then deduplicate the retry.
    const keyHeader = spec.idempotencyHeader ?? 'Idempotency-Key';
    const given = call.idempotencyKey ?? findHeader(spec.headers, keyHeader);
    const key = given ?? (spec.idempotencyHeader ? crypto.randomUUID() : undefined);
    const headers = headerRecord(spec, options.headers, key !== undefined ? { [keyHeader]: String(key) } : undefined, call.headers);
    if (headers.accept === undefined) headers.accept = spec.stream ? 'text/event-stream' : DEFAULT_ACCEPT;
    const retryable = IDEMPOTENT_METHODS.has(method) || key !== undefined;
    const retry = retryable ? retryFor(call.retry) : undefined;
    const host = hostOf(spec, url);
    const breaker = breakerFor(host);
    const once = () => (breaker ? breaker.policy.execute(() => attempt(spec, url, call, headers), call.signal) : attempt(spec, url, call, headers));
    let result: HttpResult;
    try {
      if (!breaker || breaker.isQuiet()) {
        // fast path: the first attempt outside the policies; only a failure needs them
        const first = await settle(attempt(spec, url, call, headers));
        if (first.ok && first.value.status < 500 && !retry?.retriesStatus(first.value.status)) result = first.value;
        else if (!first.ok && !isTransientError(first.error)) throw first.error;
        else result = await replay(first, breaker, retry, once, call.signal);
      } else {
        result = retry ? await retry.policy.execute(once, call.signal) : await once();
      }
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new CircuitOpenError(host);
      if (call.signal?.aborted) throw call.signal.reason ?? error;
      throw error;
    }
    if (result.status < 200 || result.status >= 300) throw new HttpProblemError(result.status, result.data, result.headers, result.url);
    return result as HttpResult<T>;
  }

  return { options, call };
}

function settle(p: Promise<HttpResult>): Promise<Outcome> {
  return p.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/**
 * Feeds a first attempt's failure (a transient error, a 5xx or a retried
 * status) into the policies as if they had run it: the breaker records it, and
 * the retry policy counts it as its first attempt and goes on from there.
 */
function replay(first: Outcome, breaker: HostBreaker | undefined, retry: Retry | undefined, once: () => Promise<HttpResult>, signal: AbortSignal | undefined): Promise<HttpResult> {
  const outcome = () => (first.ok ? Promise.resolve(first.value) : Promise.reject(first.error));
  const firstThroughBreaker = () => (breaker ? breaker.policy.execute(outcome, signal) : outcome());
  if (!retry) return firstThroughBreaker();
  let replayed = false;
  return retry.policy.execute(() => {
    if (replayed) return once();
    replayed = true;
    return firstThroughBreaker();
  }, signal);
}

function findHeader(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  for (const k in headers) {
    const v = headers[k];
    if (k.toLowerCase() === lower && v !== undefined && v !== null) return String(v);
  }
  return undefined;
}
