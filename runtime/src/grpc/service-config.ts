/**
 * Deadlines and retries. Retries are grpc-js's own (gRFC A6), configured
 * through the `grpc.service_config` channel option, and only for methods whose
 * proto declares `idempotency_level = NO_SIDE_EFFECTS` or `IDEMPOTENT`: a
 * retried non-idempotent call could act twice.
 */
import { MethodOptions_IdempotencyLevel } from '@bufbuild/protobuf/wkt';
import type { DescMethod, DescService } from '@bufbuild/protobuf';

/** Retry policy for idempotent methods. */
export interface RetryOptions {
  /** Attempts including the first (default 4; grpc-js caps it at 5 unless `grpc-node.retry_max_attempts_limit` is raised). */
  maxAttempts?: number;
  /** First backoff in ms (default 100). Backoff is randomized in [0, current] as gRFC A6 says. */
  initialBackoffMs?: number;
  /** Largest backoff in ms (default 2000). */
  maxBackoffMs?: number;
  /** Backoff growth per attempt (default 2). */
  backoffMultiplier?: number;
  /** Status names that are retried (default `['UNAVAILABLE']`). */
  retryableStatusCodes?: string[];
}

/** Deadline settings: a call never waits forever unless a caller says so with `timeoutMs: Infinity`. */
export interface DeadlineOptions {
  /** Default deadline of unary and client-streaming calls, ms (default 10 000). */
  defaultTimeoutMs?: number;
  /** Default deadline of server-streaming and bidi calls, ms (default 300 000). */
  streamTimeoutMs?: number;
  /** Per-method deadlines by local name (`getOrder`) or proto name (`GetOrder`), ms. */
  methodTimeoutsMs?: Record<string, number>;
}

/** Default deadlines. */
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_STREAM_TIMEOUT_MS = 300_000;

/** True when the method may be retried safely. */
export function isRetryable(method: DescMethod): boolean {
  return (
    method.idempotency === MethodOptions_IdempotencyLevel.NO_SIDE_EFFECTS || method.idempotency === MethodOptions_IdempotencyLevel.IDEMPOTENT
  );
}

/** The deadline of one call in ms from now, from call options over method settings over defaults. */
export function timeoutFor(method: DescMethod, deadlines: DeadlineOptions, callTimeoutMs?: number): number {
  if (callTimeoutMs !== undefined) return callTimeoutMs;
  const perMethod = deadlines.methodTimeoutsMs?.[method.localName] ?? deadlines.methodTimeoutsMs?.[method.name];
  if (perMethod !== undefined) return perMethod;
  const streaming = method.methodKind === 'server_streaming' || method.methodKind === 'bidi_streaming';
  return streaming ? (deadlines.streamTimeoutMs ?? DEFAULT_STREAM_TIMEOUT_MS) : (deadlines.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;

/**
 * The service config (JSON) with a retry policy for each idempotent method of
 * `services`; `retry: false` gives none.
 */
export function buildServiceConfig(services: readonly DescService[], retry: RetryOptions | false = {}): object {
  const methodConfig = [];
  if (retry !== false) {
    const names = services.flatMap((s) => s.methods.filter(isRetryable).map((m) => ({ service: s.typeName, method: m.name })));
    if (names.length > 0) {
      methodConfig.push({
        name: names,
        retryPolicy: {
          maxAttempts: retry.maxAttempts ?? 4,
          initialBackoff: seconds(retry.initialBackoffMs ?? 100),
          maxBackoff: seconds(retry.maxBackoffMs ?? 2000),
          backoffMultiplier: retry.backoffMultiplier ?? 2,
          retryableStatusCodes: retry.retryableStatusCodes ?? ['UNAVAILABLE'],
        },
      });
    }
  }
  return { loadBalancingConfig: [], methodConfig };
}
