/**
 * The Redis processed-event store (`SET key 1 EX ttl NX`, best effort) on the
 * real local Redis (6379) with ioredis: once per consumer and eventId, the
 * mark released when the handler fails so the retry runs, the TTL, and a
 * redelivered event through generated code on RabbitMQ handled once.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRabbitMqTransport, createRedisProcessedStore, encodeEvent, type EventEnvelope, type RabbitMqTransport } from '@contractkit/runtime/events';
import { generateShop } from '../../generators/events/helpers.js';

const run = randomUUID().slice(0, 8);
const prefix = `ck-test:${run}:`;
const redis = new Redis(process.env.EVENTS_TEST_REDIS ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });

beforeAll(async () => {
  await redis.connect();
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('Redis processed-event store', () => {
  it('runs the work once per consumer and eventId, with the mark expiring after the TTL', async () => {
    const store = createRedisProcessedStore(redis, { prefix, ttlSeconds: 60 });
    const ran: string[] = [];
    expect(await store.runOnce('billing', 'e1', async () => void ran.push('billing:e1'))).toBe(true);
    expect(await store.runOnce('billing', 'e1', async () => void ran.push('billing:e1 again'))).toBe(false);
    // another consumer group has its own marks
    expect(await store.runOnce('shipping', 'e1', async () => void ran.push('shipping:e1'))).toBe(true);
    expect(ran).toEqual(['billing:e1', 'shipping:e1']);
    const ttl = await redis.ttl(`${prefix}billing:e1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('releases the mark when the work fails, so a retry runs it', async () => {
    const store = createRedisProcessedStore(redis, { prefix });
    await expect(store.runOnce('billing', 'e2', async () => { throw new Error('db down'); })).rejects.toThrow('db down');
    expect(await redis.exists(`${prefix}billing:e2`)).toBe(0);
    let ran = 0;
    expect(await store.runOnce('billing', 'e2', async () => void ran++)).toBe(true);
    expect(ran).toBe(1);
  });

  it('makes a generated consumer on RabbitMQ handle a redelivered event once', async () => {
    const gen = await import(join(await generateShop(), 'index.ts'));
    const t: RabbitMqTransport = await createRabbitMqTransport({ url: process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672', exchange: `ck-redis-${run}` });
    const handled: string[] = [];
    const outcomes: string[] = [];
    const c = await gen.consumeOnStockChanged(t, {
      group: `ck-redis-${run}`,
      store: createRedisProcessedStore(redis, { prefix }),
      handler: async (e: EventEnvelope) => void handled.push(e.eventId),
      onEvent: (info: { kind: string }) => void outcomes.push(info.kind),
    });
    const e = await gen.createShopEventsProducer(t).publishStockChanged({ sku: 'r1', quantity: 1 }, { aggregateId: 'r1', correlationId: 'c', params: { sku: 'r1' } });
    // the same event again under another broker message id (a producer retry or an outbox re-publish)
    await t.publish('shop.stock.r1.changed', { ...encodeEvent(e), messageId: `${e.eventId}-again` });
    const end = Date.now() + 20_000;
    while (outcomes.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    await c.close();
    await t.deleteTopology();
    await t.close();
    expect(handled).toEqual([e.eventId]);
    expect(outcomes.sort()).toEqual(['duplicate', 'handled']);
    expect(await redis.exists(`${prefix}ck-redis-${run}:${e.eventId}`)).toBe(1);
  });
});
