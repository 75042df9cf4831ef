/**
 * Retry and circuit-breaker policies, built on cockatiel: exponential backoff
 * with full jitter that honors `Retry-After` on 429/503, and a consecutive-
 * failure breaker (closed → open → half-open) per upstream host.
 */
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, retry, type CircuitBreakerPolicy, type IBackoff, type IRetryBackoffContext, type RetryPolicy } from 'cockatiel';
import { HttpTimeoutError } from './errors.js';
import type { CircuitBreakerOptions, HttpResult, RetryOptions } from './types.js';

/** Statuses retried by default. */
export const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/** Methods that are safe to repeat without an idempotency key (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);

/** True for failures worth another attempt: timeouts and network errors (fetch's TypeError), never caller aborts. */
export function isTransientError(error: unknown): boolean {
  return error instanceof HttpTimeoutError || (error instanceof TypeError && !(error instanceof BrokenCircuitError));
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), if any. */
export function retryAfterMs(headers: Headers): number | undefined {
  const v = headers.get('retry-after');
  if (v === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The wait before retry `attempt` (1-based): full jitter, random(0, min(max, base·2^(attempt-1))). */
export function fullJitterDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

/** A retry policy with the status test it applies, so a client can tell a first-attempt success without running the policy. */
export interface Retry {
  policy: RetryPolicy;
  /** True when a response with `status` would be retried. */
  retriesStatus(status: number): boolean;
}

/** A {@link Retry} for one set of retry options. */
export function createRetry(options: RetryOptions): Retry {
  const statuses = new Set(options.statuses ?? RETRY_STATUSES);
  return { policy: createRetryPolicy(options), retriesStatus: (status) => statuses.has(status) };
}

/** A cockatiel retry policy for one set of retry options. */
export function createRetryPolicy(options: RetryOptions): RetryPolicy {
  const base = options.baseDelayMs ?? 100;
  const max = options.maxDelayMs ?? 10_000;
  const statuses = options.statuses ?? RETRY_STATUSES;
  const next = (ctx: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> => {
    let duration: number | undefined;
    if ('value' in ctx.result) {
      const result = ctx.result.value as HttpResult;
      if (result.status === 429 || result.status === 503) {
        const asked = retryAfterMs(result.headers);
        if (asked !== undefined) duration = Math.min(asked, max);
      }
    }
    return { duration: duration ?? fullJitterDelay(ctx.attempt, base, max), next };
  };
  return retry(
    handleWhen(isTransientError).orWhenResult((r) => statuses.includes((r as HttpResult).status)),
    { maxAttempts: options.maxRetries ?? 2, backoff: { next } },
  );
}

/** A cockatiel circuit breaker: opens after `threshold` consecutive transient errors or 5xx answers. */
export function createBreaker(options: CircuitBreakerOptions): CircuitBreakerPolicy {
  return createHostBreaker(options).policy;
}

/** A host's breaker policy and its consecutive-failure counter. */
export interface HostBreaker {
  policy: CircuitBreakerPolicy;
  /**
   * True when the circuit is closed with no failure counted since the last
   * success: recording a success then changes nothing, so a call that succeeds
   * at once may skip the policy.
   */
  isQuiet(): boolean;
}

/** A {@link HostBreaker}: the cockatiel policy plus a view of its ConsecutiveBreaker's count (`state`, public in cockatiel). */
export function createHostBreaker(options: CircuitBreakerOptions): HostBreaker {
  const counter = new ConsecutiveBreaker(options.threshold ?? 5);
  const policy = circuitBreaker(handleWhen(isTransientError).orWhenResult((r) => (r as HttpResult).status >= 500), { halfOpenAfter: options.halfOpenAfterMs ?? 10_000, breaker: counter });
  return { policy, isQuiet: () => counter.state === 0 && policy.state === CircuitState.Closed };
}
