import { describe, expect, it, beforeAll } from 'vitest';
import {
  createEnvelope,
  createMemoryProcessedStore,
  createMemoryTransport,
  fromCloudEvent,
  fromKafkaHeaders,
  kafkaTopicOf,
  toCloudEvent,
  toKafkaMessage,
  encodeEvent,
  type EventEnvelope,
} from '@contractkit/runtime/events';
import { generateShop } from '../../generators/events/helpers.js';
import { join } from 'node:path';

let gen: any;
beforeAll(async () => {
  const out = await generateShop();
  gen = await import(join(out, 'index.ts'));
});

const v2 = (orderId: string) => ({ orderId, total: { amount: '10.00', currency: 'EUR' } });

describe('envelope and CloudEvents', () => {
  it('stamps an envelope and maps it to CloudEvents 1.0 and back', () => {
    const e = createEnvelope('order.placed', 2, { a: 1 }, { aggregateId: 'o-1', correlationId: 'c-1', causationId: 'x' });
    expect(e.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(e.timestamp).toISOString()).toBe(e.timestamp);
    const ce = toCloudEvent(e, '/orders');
    expect(ce).toMatchObject({ specversion: '1.0', id: e.eventId, type: 'order.placed.v2', subject: 'o-1', time: e.timestamp, correlationid: 'c-1', causationid: 'x', data: { a: 1 } });
    expect(fromCloudEvent(ce)).toEqual(e);
    expect(() => fromCloudEvent({ ...ce, type: 'order.placed' })).toThrow(/\.v<version>/);
  });

  it('maps transport messages for Kafka: keyed by aggregateId, envelope mirrored into headers', () => {
    const e = createEnvelope('order.placed', 2, {}, { aggregateId: 'o-9', correlationId: 'c' });
    const m = toKafkaMessage(encodeEvent(e));
    expect(m.key).toBe('o-9');
    expect(m.headers).toMatchObject({ 'event-id': e.eventId, 'event-type': 'order.placed', 'event-version': '2', 'correlation-id': 'c' });
    expect(fromKafkaHeaders({ a: Buffer.from('x'), b: ['y'] })).toEqual({ a: 'x', b: 'y' });
    const re = kafkaTopicOf('stock.{sku}.changed') as RegExp;
    expect(re.test('stock.a1.changed')).toBe(true);
    expect(re.test('stock.a.b.changed')).toBe(false);
  });
});

describe('generated producers and consumers on the in-memory transport', () => {
  it('delivers v2, upcasts v1 for the v2 handler, and dead-letters invalid, unknown and newer versions with a reason', async () => {
    const t = createMemoryTransport();
    const seen: EventEnvelope[] = [];
    await gen.consumeOnOrderPlaced(t, { handler: async (e: EventEnvelope) => void seen.push(e) });
    const p = gen.createShopEventsProducer(t);
    const sent = await p.publishOrderPlaced(v2('1'), { aggregateId: '1', correlationId: 'c' });
    await p.publishOrderPlaced(v2('2'), { aggregateId: '2', correlationId: 'c', alsoAs: { v1: { orderId: '2', totalAmount: 5, currency: 'USD' } } });
    // a v1-only producer (an old service) publishing directly
    const old = createEnvelope('order.placed', 1, { orderId: '3', totalAmount: 7.5, currency: 'GBP' }, { aggregateId: '3', correlationId: 'c' });
    await t.publish('shop.order.placed', encodeEvent(old));
    const bad = createEnvelope('order.placed', 2, { orderId: '4', total: { amount: 'ten', currency: 'EUR' } }, { aggregateId: '4', correlationId: 'c' });
    await t.publish('shop.order.placed', encodeEvent(bad));
    await t.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 3, {}, { aggregateId: '5', correlationId: 'c' })));
    await t.publish('shop.order.placed', { body: Buffer.from('{not json'), headers: {} });
    await t.idle();
    expect(seen.map((e) => [e.payload && (e.payload as any).orderId, e.eventVersion])).toEqual([['1', 2], ['2', 2], ['2', 2], ['3', 2]]);
    expect(seen[0]!.eventId).toBe(sent.eventId);
    expect(seen.find((e) => (e.payload as any).orderId === '3')!.payload).toEqual({ orderId: '3', total: { amount: '7.50', currency: 'GBP' } });
    const reasons = t.deadLetters.map((d) => d.reason);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^invalid order\.placed v2: \/payload\/total\/amount must match pattern/);
    expect(reasons[1]).toBe('order.placed version 3 is newer than the latest this consumer knows (2)');
    expect(reasons[2]).toMatch(/^malformed message: not JSON/);
  });

  it('refuses to publish an invalid event, with the schema errors', async () => {
    const p = gen.createShopEventsProducer(createMemoryTransport());
    await expect(p.publishStockChanged({ sku: 'a', quantity: -1 }, { aggregateId: 'a', correlationId: 'c', params: { sku: 'a' } })).rejects.toThrow(/\/payload\/quantity must be >= 0/);
    await expect(p.publishStockChanged({ sku: 'a', quantity: 1 }, { aggregateId: 'a', correlationId: 'c', params: { sku: 'a.b' } })).rejects.toThrow(/one non-empty address segment/);
  });

  it('retries a handler that fails twice, then succeeds; dead-letters after the last attempt; de-duplicates redeliveries', async () => {
    const t = createMemoryTransport();
    let calls = 0;
    const handled: number[] = [];
    await gen.consumeOnStockChanged(t, {
      retry: { maxAttempts: 3, initialDelayMs: 5 },
      store: createMemoryProcessedStore(),
      handler: async (e: EventEnvelope<{ quantity: number }>, ctx: { attempt: number }) => {
        if (e.payload.quantity === 1 && ++calls <= 2) throw new Error(`boom ${calls}`);
        if (e.payload.quantity === 2) throw new Error('always');
        handled.push(ctx.attempt);
      },
    });
    const p = gen.createShopEventsProducer(t);
    const first = await p.publishStockChanged({ sku: 'a', quantity: 1 }, { aggregateId: 'a', correlationId: 'c', params: { sku: 'a' } });
    await p.publishStockChanged({ sku: 'b', quantity: 2 }, { aggregateId: 'b', correlationId: 'c', params: { sku: 'b' } });
    await t.idle();
    // the same event again (a redelivery): no second effect
    await t.publish('shop.stock.a.changed', encodeEvent(first));
    await t.idle();
    expect(handled).toEqual([3]);
    expect(t.deadLetters.map((d) => d.reason)).toEqual(['handler failed 3 times; last error: always']);
  });

  it('graceful shutdown waits for in-flight handlers', async () => {
    const t = createMemoryTransport();
    let finished = false;
    const c = await gen.consumeOnStockChanged(t, { handler: async () => { await new Promise((r) => setTimeout(r, 50)); finished = true; } });
    await gen.createShopEventsProducer(t).publishStockChanged({ sku: 'a', quantity: 1 }, { aggregateId: 'a', correlationId: 'c', params: { sku: 'a' } });
    await new Promise((r) => setTimeout(r, 5));
    await c.close();
    expect(finished).toBe(true);
  });
});
