/**
 * `createHttpClient`: the fetch-based core generated clients call through.
 * Each call: build the request, apply auth and middleware, bound each attempt
 * by a timeout composed with the caller's signal, retry what is safe to retry,
 * fail fast while the host's circuit is open, and turn non-success statuses
 * into {@link HttpProblemError}s.
 */
import { BrokenCircuitError, type CircuitBreakerPolicy, type RetryPolicy } from 'cockatiel';
import { applyAuth } from './auth.js';
import { buildHeaders, buildUrl, decodeBody, encodeBody } from './encode.js';
import { CircuitOpenError, HttpProblemError, HttpTimeoutError } from './errors.js';
import { IDEMPOTENT_METHODS, createBreaker, createRetryPolicy } from './policies.js';
import type { CallOptions, HttpClientOptions, HttpResult, RequestSpec } from './types.js';

/** A configured client; generated operation functions take one. */
export interface HttpClient {
  readonly options: Readonly<HttpClientOptions>;
  /** Sends one request with the client's policies; resolves on 2xx, rejects with HttpProblemError otherwise. */
  call<T = unknown>(spec: RequestSpec, options?: CallOptions): Promise<HttpResult<T>>;
}

const DEFAULT_ACCEPT = 'application/json, application/problem+json;q=0.9, */*;q=0.8';

/** Creates a client. Policies (one breaker per upstream host) live as long as the client. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const breakers = new Map<string, CircuitBreakerPolicy>();
  const defaultRetry = options.retry === false ? undefined : createRetryPolicy(options.retry ?? {});
  const middleware = options.middleware ?? [];
  const send = middleware.reduceRight<(r: Request) => Promise<Response>>((next, mw) => (r) => mw(r, next), (r) => fetchImpl(r));

  function breakerFor(host: string): CircuitBreakerPolicy | undefined {
    if (options.circuitBreaker === false) return undefined;
    let b = breakers.get(host);
    if (!b) breakers.set(host, (b = createBreaker(options.circuitBreaker ?? {})));
    return b;
  }

  async function attempt(spec: RequestSpec, url: URL, call: CallOptions, extraHeaders: Record<string, string>): Promise<HttpResult> {
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? 30_000;
    // a controller + timer is much cheaper than AbortSignal.timeout on hot paths; cleared once the body is read
    const timer = timeoutMs > 0 ? new AbortController() : undefined;
    const handle = timer ? setTimeout(() => timer.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs) : undefined;
    const timeout = timer?.signal;
    const signal = call.signal && timeout ? AbortSignal.any([call.signal, timeout]) : (call.signal ?? timeout);
    const target = new URL(url);
    const headers = buildHeaders(spec, options.headers, { ...extraHeaders, ...call.headers });
    if (!headers.has('accept')) headers.set('accept', spec.stream ? 'text/event-stream' : DEFAULT_ACCEPT);
    await applyAuth(options.auth, target, headers);
    const { body, contentType } = encodeBody(spec);
    if (contentType && !headers.has('content-type')) headers.set('content-type', contentType);
    const init: RequestInit & { duplex?: 'half' } = { method: spec.method, headers, body, signal };
    if (body instanceof ReadableStream) init.duplex = 'half';
    try {
      const response = middleware.length ? await send(new Request(target, init)) : await fetchImpl(target, init);
      const ok = response.status >= 200 && response.status < 300;
      const data = spec.stream && ok ? undefined : await decodeBody(response);
      return { status: response.status, headers: response.headers, data, url: response.url || target.href, response };
    } catch (error) {
      if (timeout?.aborted && !call.signal?.aborted) throw new HttpTimeoutError(timeoutMs, target.href);
      throw error;
    } finally {
      clearTimeout(handle);
    }
  }

  async function call<T>(spec: RequestSpec, call: CallOptions = {}): Promise<HttpResult<T>> {
    const url = buildUrl(options.baseUrl, spec);
    const method = spec.method.toUpperCase();
    const extra: Record<string, string> = {};
    // POST/PATCH are retried only with an idempotency key: the server can then deduplicate the retry.
    const keyHeader = spec.idempotencyHeader ?? 'Idempotency-Key';
    const given = call.idempotencyKey ?? findHeader(spec.headers, keyHeader);
    const key = given ?? (spec.idempotencyHeader ? crypto.randomUUID() : undefined);
    if (key !== undefined) extra[keyHeader] = String(key);
    const retryable = IDEMPOTENT_METHODS.has(method) || key !== undefined;
    const policy: RetryPolicy | undefined = !retryable || call.retry === false ? undefined : call.retry ? createRetryPolicy(call.retry) : defaultRetry;
    const breaker = breakerFor(url.host);
    const once = () => (breaker ? breaker.execute(() => attempt(spec, url, call, extra), call.signal) : attempt(spec, url, call, extra));
    let result: HttpResult;
    try {
      result = policy ? await policy.execute(once, call.signal) : await once();
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new CircuitOpenError(url.host);
      if (call.signal?.aborted) throw call.signal.reason ?? error;
      throw error;
    }
    if (result.status < 200 || result.status >= 300) throw new HttpProblemError(result.status, result.data, result.headers, result.url);
    return result as HttpResult<T>;
  }

  return { options, call };
}

function findHeader(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower && v !== undefined && v !== null) return String(v);
  return undefined;
}
