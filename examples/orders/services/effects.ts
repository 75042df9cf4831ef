/**
 * Effect counters of the example services: how many times each idempotency
 * key really changed something. A participant that honors the key keeps every
 * count at 1, however often the saga retries or re-sends a call.
 */

/** Counts effects per idempotency key. */
export interface EffectLog {
  /** Records one applied effect under `key` (an operation name prefixes it). */
  apply(operation: string, key: string): void;
  /** Effects applied under `key` for `operation`. */
  count(operation: string, key: string): number;
  /** Keys whose effect was applied more than once (empty when idempotency held). */
  duplicates(): string[];
  /** Every `operation key` → count. */
  all(): Map<string, number>;
}

/** Creates an empty effect log. */
export function createEffectLog(): EffectLog {
  const counts = new Map<string, number>();
  const id = (operation: string, key: string) => `${operation} ${key}`;
  return {
    apply: (operation, key) => void counts.set(id(operation, key), (counts.get(id(operation, key)) ?? 0) + 1),
    count: (operation, key) => counts.get(id(operation, key)) ?? 0,
    duplicates: () => [...counts].filter(([, n]) => n > 1).map(([k]) => k),
    all: () => new Map(counts),
  };
}

/** A fault to inject: fail the next `times` calls with `code` (HTTP status or gRPC code). */
export interface Fault {
  code: number;
  times: number;
  message?: string;
}

/** Takes one failure from `faults[name]`, if any is left. */
export function takeFault(faults: Map<string, Fault>, name: string): Fault | undefined {
  const f = faults.get(name);
  if (!f || f.times <= 0) return undefined;
  f.times--;
  return f;
}
