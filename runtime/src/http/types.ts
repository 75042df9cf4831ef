/**
 * The options and shapes of the HTTP runtime: what a client is created with,
 * what one call may override, and the request description generated code passes.
 */

/** How a client authenticates. A token may be a provider function (OAuth2 client credentials, refresh). */
export type HttpAuth =
  | { type: 'bearer'; token: string | TokenProvider }
  | { type: 'apiKey'; name: string; in?: 'header' | 'query' | 'cookie'; value: string | TokenProvider }
  | { type: 'basic'; username: string; password: string }
  | TokenProvider;

/** Returns a (fresh or cached) token; called before each attempt. */
export type TokenProvider = () => string | Promise<string>;

/** Retry settings. Exponential backoff with full jitter, capped at `maxDelayMs`. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 turns retries off). */
  maxRetries?: number;
  /** Backoff base in ms (default 100): attempt n waits random(0, min(max, base·2ⁿ⁻¹)). */
  baseDelayMs?: number;
  /** Upper bound of one wait in ms, also for `Retry-After` (default 10 000). */
  maxDelayMs?: number;
  /** Statuses that are retried (default 408, 429, 500, 502, 503, 504). */
  statuses?: number[];
}

/** Circuit breaker settings, one breaker per upstream host. */
export interface CircuitBreakerOptions {
  /** Consecutive failures (network errors, timeouts, 5xx) that open the circuit (default 5). */
  threshold?: number;
  /** How long the circuit stays open before a trial request (half-open), in ms (default 10 000). */
  halfOpenAfterMs?: number;
}

/** Middleware: sees every attempt's Request and Response (onion style). */
export type HttpMiddleware = (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Base URL the operation paths are appended to (`https://api.example.com`). */
  baseUrl: string;
  auth?: HttpAuth;
  /** Timeout of one attempt in ms (default 30 000; 0 disables). */
  timeoutMs?: number;
  /** Retry settings, or `false` to never retry. */
  retry?: RetryOptions | false;
  /** Circuit breaker settings, or `false` to disable it. */
  circuitBreaker?: CircuitBreakerOptions | false;
  middleware?: HttpMiddleware[];
  /** Headers sent on every request. */
  headers?: Record<string, string>;
  /** The fetch implementation (default: the platform's `fetch`). */
  fetch?: typeof fetch;
  /**
   * OpenTelemetry client spans and W3C `traceparent` propagation through
   * `@opentelemetry/api` (default true; a no-op until the application installs an SDK). `false` turns them off.
   */
  tracing?: boolean;
}

/** Per-call options; they override the client's. */
export interface CallOptions {
  /** Aborts the call (composed with the timeout). */
  signal?: AbortSignal;
  /** Timeout of one attempt in ms. */
  timeoutMs?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** The `Idempotency-Key` to send; makes a POST/PATCH retryable. */
  idempotencyKey?: string;
  /** Retry settings for this call, or `false`. */
  retry?: RetryOptions | false;
}

/** How a request body is encoded. */
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'binary' | 'text';

/** One request as generated code describes it. */
export interface RequestSpec {
  /** Upper-case method. */
  method: string;
  /** Path template (`/orders/{orderId}`), or an absolute/relative URL to call as is (`url`). */
  path?: string;
  url?: string;
  pathParams?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  cookies?: Record<string, unknown>;
  body?: unknown;
  bodyEncoding?: BodyEncoding;
  /** Media type sent as Content-Type (default by encoding). */
  mediaType?: string;
  /** The header the operation declares for idempotency (`Idempotency-Key`): a key is generated when the caller gives none. */
  idempotencyHeader?: string;
  /** Do not read the body (server-sent events, streams): the result carries the Response. */
  stream?: boolean;
  /** Read integers beyond 2^53 from JSON losslessly (as marked text for a revival plan) and write `bigint`s exactly. */
  preciseIntegers?: boolean;
}

/** A completed response with its parsed body. */
export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed body: JSON, text, Blob, or undefined when empty (or when streaming). */
  data: T;
  /** The final URL (after redirects). */
  url: string;
  /** The raw response (its body already consumed unless the request streams). */
  response: Response;
}

/**
 * A configured client; generated operation functions take one. It lives here,
 * with the shapes, so the modules that take a client (operations, pagination,
 * 202-and-poll, server-sent events) need not import the client's implementation.
 */
export interface HttpClient {
  readonly options: Readonly<HttpClientOptions>;
  /** Sends one request with the client's policies; resolves on 2xx, rejects with HttpProblemError otherwise. */
  call<T = unknown>(spec: RequestSpec, options?: CallOptions): Promise<HttpResult<T>>;
}

/** Turns a decoded response body into its typed value (for example `date-time` strings into `Date`s). */
export type Reviver = (value: unknown) => unknown;
