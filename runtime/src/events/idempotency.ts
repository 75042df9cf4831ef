/**
 * Idempotent consumer (inbox): a processed-event store remembers which
 * events a consumer group has handled, so a redelivery has no second effect.
 */

/** Runs a handler at most once per (consumer, eventId). */
export interface ProcessedEventStore<Tx = undefined> {
  /**
   * Runs `work` unless `eventId` was already processed by `consumer`; returns
   * false when it was (nothing ran). The record is kept only when `work`
   * succeeds; stores backed by a database pass the transaction to `work`.
   */
  runOnce(consumer: string, eventId: string, work: (tx: Tx) => Promise<void>): Promise<boolean>;
}

/** An in-memory store (one process; tests and the demo). */
export function createMemoryProcessedStore(): ProcessedEventStore & { has(consumer: string, eventId: string): boolean } {
  const seen = new Set<string>();
  const running = new Map<string, Promise<void>>();
  return {
    has: (c, id) => seen.has(`${c}\u0000${id}`),
    async runOnce(consumer, eventId, work) {
      const key = `${consumer}\u0000${eventId}`;
      // a concurrent duplicate waits for the first, then sees it as processed
      while (running.has(key)) await running.get(key)!.catch(() => undefined);
      if (seen.has(key)) return false;
      const p = work(undefined);
      running.set(key, p);
      try {
        await p;
        seen.add(key);
        return true;
      } finally {
        running.delete(key);
      }
    },
  };
}

/** The part of an ioredis / node-redis client the Redis store uses. */
export interface RedisLike {
  /** `SET key value EX seconds NX` (the shape ioredis types; node-redis users wrap theirs). */
  set(key: string, value: string, ex: 'EX', seconds: number, nx: 'NX'): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

/**
 * Redis `SET key NX EX ttl`: best effort only. The mark is taken before the
 * handler runs and removed if it fails; a crash between the handler's effect
 * and the mark leaves a window no key-value store can close (use the
 * PostgreSQL store when the effect is in PostgreSQL).
 */
export function createRedisProcessedStore(redis: RedisLike, options: { prefix?: string; ttlSeconds?: number } = {}): ProcessedEventStore {
  const prefix = options.prefix ?? 'contractkit:processed:';
  const ttl = options.ttlSeconds ?? 7 * 24 * 3600;
  return {
    async runOnce(consumer, eventId, work) {
      const key = `${prefix}${consumer}:${eventId}`;
      const res = await redis.set(key, '1', 'EX', ttl, 'NX');
      if (res === null || res === undefined) return false;
      try {
        await work(undefined);
        return true;
      } catch (err) {
        await redis.del(key).catch(() => undefined);
        throw err;
      }
    },
  };
}
