/**
 * A circuit breaker per target (cockatiel): after consecutive failures that
 * mean "the server is in trouble" the breaker opens and calls fail fast with
 * `UNAVAILABLE` until a trial call after `halfOpenAfterMs` succeeds.
 */
import { BrokenCircuitError, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { GrpcError, Status } from './errors.js';

/** Breaker settings. */
export interface BreakerOptions {
  /** Consecutive failures that open the breaker (default 5). */
  threshold?: number;
  /** Time the breaker stays open before a trial call, ms (default 10 000). */
  halfOpenAfterMs?: number;
  /** Codes that count as failures (default UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN). */
  failureCodes?: Status[];
}

const DEFAULT_FAILURES = [Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED, Status.RESOURCE_EXHAUSTED, Status.INTERNAL, Status.UNKNOWN];

/** A breaker guarding calls to one target. */
export interface TargetBreaker {
  /** Runs `fn` through the breaker; rejects with `UNAVAILABLE` when open. */
  execute<T>(fn: () => Promise<T>): Promise<T>;
  /** `closed`, `open`, `halfOpen` or `isolated`. */
  readonly state: string;
}

function createTargetBreaker(target: string, options: BreakerOptions): TargetBreaker {
  const failures = new Set(options.failureCodes ?? DEFAULT_FAILURES);
  const policy: CircuitBreakerPolicy = circuitBreaker(
    handleWhen((e) => e instanceof GrpcError && failures.has(e.code)),
    { halfOpenAfter: options.halfOpenAfterMs ?? 10_000, breaker: new ConsecutiveBreaker(options.threshold ?? 5) },
  );
  const states = ['closed', 'open', 'halfOpen', 'isolated'];
  return {
    async execute(fn) {
      try {
        return await policy.execute(fn);
      } catch (e) {
        if (e instanceof BrokenCircuitError) {
          throw new GrpcError(Status.UNAVAILABLE, `circuit breaker for ${target} is open: failing fast`, { cause: e });
        }
        throw e;
      }
    },
    get state() {
      return states[policy.state] ?? String(policy.state);
    },
  };
}

/** Breakers shared by target: every client of one target shares one breaker. */
export interface BreakerRegistry {
  get(target: string, options?: BreakerOptions): TargetBreaker;
}

/** A registry of breakers by target. */
export function createBreakerRegistry(): BreakerRegistry {
  const breakers = new Map<string, TargetBreaker>();
  return {
    get(target, options = {}) {
      let b = breakers.get(target);
      if (!b) breakers.set(target, (b = createTargetBreaker(target, options)));
      return b;
    },
  };
}

/** The process-wide registry clients use unless given their own. */
export const defaultBreakers: BreakerRegistry = createBreakerRegistry();
