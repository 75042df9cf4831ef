/** An AsyncAPI 2.6 document through the events generator: directions from publish/subscribe, oneOf versions, parameters, 2.x bindings — and the output running. */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryTransport, createEnvelope, encodeEvent, type EventEnvelope } from '@contractkit/runtime/events';
import { writeGeneratedFiles } from '../../../generators/core/writer.js';
import { FIXTURES, generateEvents, tempProject, typeCheck } from './helpers.js';

describe('events generator on AsyncAPI 2.6', () => {
  it('generates producers for `subscribe` and consumers for `publish` operations, with versions, parameters and bindings, that type-check and run', async () => {
    const out = join(tempProject('ck-events-26-'), 'gen');
    const files = await generateEvents(join(FIXTURES, 'shop-2.6.yaml'), out, 'shop26');
    writeGeneratedFiles(out, files);
    copyFileSync(join(FIXTURES, 'upcasters.ts'), join(out, 'upcasters.ts'));
    const read = (f: string) => readFileSync(join(out, f), 'utf8');

    // 2.x `subscribe` = this application sends; `publish` = it receives
    expect(read('producers.ts')).toContain('async publishOrderPlaced(payload: OrderPlacedV2, meta: PublishMeta & {');
    expect(read('producers.ts')).toContain('alsoAs?: { v1?: OrderPlacedV1 };');
    // the 2.x operation's summary comes through the model, as a 3.0 one does
    expect(read('producers.ts')).toContain('* Publish order.placed (v2, and v1 during the migration).');
    expect(read('producers.ts')).toContain('async publishStockChanged(payload: StockChanged, meta: PublishMeta & {');
    expect(read('producers.ts')).not.toContain('onOrderPlaced');
    expect(read('consumers.ts')).toContain('export function consumeOnOrderPlaced<Tx = undefined>');
    expect(read('consumers.ts')).toContain('upcasters: { 1: upcastOrderPlacedV1ToV2 }');
    expect(read('consumers.ts')).toContain('retry: options.retry ?? onStockChangedRetry,');
    expect(read('types.ts')).toContain('export interface Money {');
    expect(read('channels.ts')).toContain("return 'shop.stock.' + addressSegment(params['sku'], 'sku') + '.changed';");
    expect(read('bindings.ts')).toContain("amqp: { is: 'routingKey', exchange: { name: 'shop26.orders', type: 'topic', durable: true } },");
    expect(read('bindings.ts')).toContain('mqtt: { qos: 1, retain: true },');
    expect(read('bindings.ts')).toContain('export const onStockChangedRetry: RetryPolicy = { maxAttempts: 3 };');
    expect(typeCheck(out, ['index.ts'])).toBe('');

    // and it runs: v2 and v1 (upcast) reach the v2 handler; an invalid v2 is dead-lettered
    const gen = await import(join(out, 'index.ts'));
    const t = createMemoryTransport();
    const seen: EventEnvelope[] = [];
    await gen.consumeOnOrderPlaced(t, { handler: async (e: EventEnvelope) => void seen.push(e) });
    const p = gen.createShop26Producer(t);
    await p.publishOrderPlaced({ orderId: '1', total: { amount: '2.50', currency: 'EUR' } }, { aggregateId: '1', correlationId: 'c', alsoAs: { v1: { orderId: '1', totalAmount: 2.5, currency: 'EUR' } } });
    await t.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 2, { orderId: '2' }, { aggregateId: '2', correlationId: 'c' })));
    await t.idle();
    expect(seen.map((e) => [e.eventVersion, e.payload])).toEqual([
      [2, { orderId: '1', total: { amount: '2.50', currency: 'EUR' } }],
      [2, { orderId: '1', total: { amount: '2.50', currency: 'EUR' } }],
    ]);
    expect(t.deadLetters.map((d) => d.reason)).toEqual(["invalid order.placed v2: /payload must have required property 'total'"]);
  });
});
