/**
 * In-memory saga store for unit tests and single-process experiments: the
 * same semantics as the SQL stores (leases, retry times, idempotent create),
 * nothing survives the process.
 */
import { ACTIVE_STATUSES, emptyCounts, sagaKind, type SagaInstance, type SagaStore } from './store.js';

/** Options of {@link createMemorySagaStore}. */
export interface MemorySagaStoreOptions {
  /** Milliseconds since the epoch (default `Date.now`); tests move it to pass deadlines. */
  clock?: () => number;
}

/** Creates an in-memory {@link SagaStore}. */
export function createMemorySagaStore(options: MemorySagaStoreOptions = {}): SagaStore {
  const clock = options.clock ?? Date.now;
  const rows = new Map<string, SagaInstance>();
  let seq = 0;
  const order = new Map<string, number>();
  // copies in and out, so callers never share state with the store (as with a database)
  const copy = (i: SagaInstance): SagaInstance => structuredClone(i);
  const now = () => new Date(clock());

  return {
    async init() {},
    async create(init) {
      const existing = rows.get(init.id);
      if (existing) return { instance: copy(existing), created: false };
      const t = now();
      const instance: SagaInstance = {
        id: init.id,
        saga: init.saga,
        version: init.version,
        status: 'running',
        step: 0,
        stepName: init.stepName,
        data: structuredClone(init.data),
        attempt: 0,
        attempts: {},
        leaseOwner: null,
        leaseExpiresAt: null,
        nextAttemptAt: t,
        deadlineAt: init.timeoutMs === undefined ? null : new Date(t.getTime() + init.timeoutMs),
        lastError: null,
        createdAt: t,
        updatedAt: t,
        traceContext: init.traceContext && Object.keys(init.traceContext).length > 0 ? { ...init.traceContext } : null,
      };
      rows.set(init.id, instance);
      order.set(init.id, seq++);
      return { instance: copy(instance), created: true };
    },
    async claim(owner, leaseMs, kinds, limit) {
      const t = clock();
      const picked = [...rows.values()]
        .filter(
          (r) =>
            ACTIVE_STATUSES.includes(r.status) &&
            kinds.includes(sagaKind(r.saga, r.version)) &&
            r.nextAttemptAt.getTime() <= t &&
            (r.leaseExpiresAt === null || r.leaseExpiresAt.getTime() < t),
        )
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || order.get(a.id)! - order.get(b.id)!)
        .slice(0, limit);
      for (const r of picked) {
        r.leaseOwner = owner;
        r.leaseExpiresAt = new Date(t + leaseMs);
        r.updatedAt = new Date(t);
      }
      return picked.map(copy);
    },
    async update(id, owner, leaseMs, u) {
      const r = rows.get(id);
      if (!r || r.leaseOwner !== owner) return false;
      const t = clock();
      Object.assign(r, {
        status: u.status,
        step: u.step,
        stepName: u.stepName,
        data: structuredClone(u.data),
        attempt: u.attempt,
        attempts: { ...u.attempts },
        lastError: u.lastError,
        updatedAt: new Date(t),
      });
      if (u.release) {
        r.leaseOwner = null;
        r.leaseExpiresAt = null;
        r.nextAttemptAt = new Date(t + u.release.retryInMs);
      } else {
        r.leaseExpiresAt = new Date(t + leaseMs);
      }
      return true;
    },
    async get(id) {
      const r = rows.get(id);
      return r && copy(r);
    },
    async list(filter = {}) {
      return [...rows.values()]
        .filter((r) => (!filter.status || filter.status.includes(r.status)) && (!filter.saga || r.saga === filter.saga))
        .sort((a, b) => order.get(b.id)! - order.get(a.id)!)
        .slice(0, filter.limit ?? Infinity)
        .map(copy);
    },
    async counts() {
      const c = emptyCounts();
      for (const r of rows.values()) c[r.status]++;
      return c;
    },
    async resume(id) {
      const r = rows.get(id);
      if (!r || (r.status !== 'compensation_failed' && r.status !== 'failed')) return undefined;
      r.status = r.status === 'failed' ? 'running' : 'compensating';
      r.attempt = 0;
      r.leaseOwner = null;
      r.leaseExpiresAt = null;
      r.nextAttemptAt = now();
      r.updatedAt = now();
      return copy(r);
    },
    async close() {},
  };
}
