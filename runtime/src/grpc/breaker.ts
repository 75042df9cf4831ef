/**
 * A circuit breaker per target (cockatiel): after consecutive failures that
 * mean "the server is in trouble" the breaker opens and calls fail fast with
 * `UNAVAILABLE` until a trial call after `halfOpenAfterMs` succeeds.
 *
 * cockatiel owns the state machine (closed → open → half-open → closed). The
 * per-call path is kept cheap: while the breaker is closed a call runs
 * directly and reports its outcome ({@link TargetBreaker.success},
 * {@link TargetBreaker.failure}); only calls made while it is open or
 * half-open go through `policy.execute`, where cockatiel fails them fast or
 * lets one trial through.
 */
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
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
  /**
   * True while the breaker is closed: the caller may run the call itself and
   * must then report how it ended with {@link success} or {@link failure}.
   */
  readonly closed: boolean;
  /**
   * Runs `fn` through cockatiel (for calls made while the breaker is not
   * closed): rejects with `UNAVAILABLE` when open, lets one trial through when
   * half-open. The outcome of `fn` is recorded; do not report it again.
   */
  execute<T>(fn: () => Promise<T>): Promise<T>;
  /** Records a call that ended well (resets the consecutive-failure count). */
  success(): void;
  /** Records a call that ended with status `code`; only failure codes count, and only while closed. */
  failure(code: number): void;
  /** `closed`, `open`, `halfOpen` or `isolated`. */
  readonly state: string;
}

const STATES = ['closed', 'open', 'halfOpen', 'isolated'];

function createTargetBreaker(target: string, options: BreakerOptions): TargetBreaker {
  const failures = new Set(options.failureCodes ?? DEFAULT_FAILURES);
  const counts = (e: unknown) => e instanceof GrpcError && failures.has(e.code);
  const consecutive = new ConsecutiveBreaker(options.threshold ?? 5);
  const policy: CircuitBreakerPolicy = circuitBreaker(handleWhen(counts), { halfOpenAfter: options.halfOpenAfterMs ?? 10_000, breaker: consecutive });
  const noop = () => {};
  return {
    get closed() {
      return policy.state === CircuitState.Closed;
    },
    async execute(fn) {
      try {
        return await policy.execute(fn);
      } catch (e) {
        // also IsolatedCircuitError, a subclass
        if (e instanceof BrokenCircuitError) {
          throw new GrpcError(Status.UNAVAILABLE, `circuit breaker for ${target} is open: failing fast`, { cause: e });
        }
        throw e;
      }
    },
    success() {
      // what cockatiel does for a success while closed: reset the count
      if (policy.state === CircuitState.Closed) consecutive.success();
    },
    failure(code) {
      // A call that ends after the breaker left the closed state no longer
      // matters to it (cockatiel judges the trial call instead).
      if (!failures.has(code as Status) || policy.state !== CircuitState.Closed) return;
      const error = new GrpcError(code as Status, `call to ${target} failed`);
      // Failures are rare: let cockatiel record this one, so it counts and opens
      // the breaker itself. The throwing function makes cockatiel settle within
      // one microtask, before the caller sees the call's rejection.
      policy
        .execute(() => {
          throw error;
        })
        .catch(noop);
    },
    get state() {
      return STATES[policy.state] ?? String(policy.state);
    },
  };
}

/** Breakers shared by target: every client of one target shares one breaker. */
export interface BreakerRegistry {
  /** The breaker of `target`, created with `options` on first use. */
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
