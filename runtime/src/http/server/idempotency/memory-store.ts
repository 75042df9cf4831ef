/**
 * The in-memory idempotency store: one process, lost on restart. For tests,
 * a single instance, or as the default when no database is configured.
 */
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from './types.js';

interface Entry {
  fingerprint: string;
  expiresAt: number;
  response?: StoredResponse;
}

/** Options of {@link createMemoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /** The clock (default `Date.now`), so expiry can be tested without waiting. */
  now?: () => number;
}

/** Creates the in-memory {@link IdempotencyStore}. */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // NUL cannot occur in a header value, so scope and key never run together
  const id = (scope: string, key: string) => `${scope}\u0000${key}`;
  // entries are kept in insertion order, which is expiry order for one ttl: drop expired ones from the front
  const sweep = (t: number) => {
    for (const [k, e] of entries) {
      if (e.expiresAt > t) break;
      entries.delete(k);
    }
  };
  return {
    async claim(scope, key, fingerprint, ttlMs): Promise<IdempotencyClaim> {
      const t = now();
      sweep(t);
      const k = id(scope, key);
      const e = entries.get(k);
      if (!e || e.expiresAt <= t) {
        entries.delete(k);
        entries.set(k, { fingerprint, expiresAt: t + ttlMs });
        return { state: 'claimed' };
      }
      if (e.fingerprint !== fingerprint) return { state: 'mismatch' };
      // a copy, so a caller changing what it replays does not change what is stored
      return e.response ? { state: 'replay', response: structuredClone(e.response) } : { state: 'in-flight' };
    },
    async complete(scope, key, response) {
      const e = entries.get(id(scope, key));
      if (e && !e.response) e.response = structuredClone(response);
    },
    async release(scope, key) {
      const k = id(scope, key);
      if (entries.get(k)?.response === undefined) entries.delete(k);
    },
    async close() {
      entries.clear();
    },
  };
}
