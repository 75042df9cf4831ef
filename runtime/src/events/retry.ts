/** Retry policy of a consumer: exponential backoff, then dead-letter. */
export interface RetryPolicy {
  /** Deliveries in total before the event is dead-lettered (default 5). */
  maxAttempts?: number;
  /** Delay before the first retry (default 200 ms). */
  initialDelayMs?: number;
  /** Upper bound of a delay (default 30 s). */
  maxDelayMs?: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** An explicit schedule instead (`x-retry-delays`): the delay before retry n is `delaysMs[n - 1]`, the last one repeating. */
  delaysMs?: number[];
}

/** Delay before delivery `attempt + 1` after delivery `attempt` failed. Deterministic so broker delay queues can be shared. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const schedule = policy.delaysMs;
  if (schedule && schedule.length > 0) return schedule[Math.min(Math.max(0, attempt - 1), schedule.length - 1)]!;
  const base = policy.initialDelayMs ?? 200;
  const d = base * Math.pow(policy.factor ?? 2, Math.max(0, attempt - 1));
  return Math.min(Math.round(d), policy.maxDelayMs ?? 30_000);
}
