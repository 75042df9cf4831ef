/**
 * Avro payloads in the events generator (AsyncAPI `schemaFormat:
 * application/vnd.apache.avro…`, a local `.avsc` by `$ref` or inline):
 * types from the Avro schema (records, enums, arrays, maps, unions with
 * null, logical types) that type-check under strict with code using them,
 * validation with avsc in the producer and the consumer, and findings for
 * what a JSON envelope cannot carry.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEnvelope, createMemoryTransport, encodeEvent, EventValidationError, type EventEnvelope } from '@contractkit/runtime/events';
import { UsageError } from '../../../contracts/errors.js';
import { generateEvents, generateFixture, tempProject, typeCheck } from './helpers.js';

const order = (over: Record<string, unknown> = {}) => ({
  orderId: '6f1c3e0a-4c1b-4a55-9a43-2f4d1b0f7a10',
  placedAt: 1_764_000_000_000,
  status: 'PLACED',
  lines: [{ sku: 'sku-1', quantity: 2, unitPrice: 9.5 }],
  ...over,
});

/** An AsyncAPI 3.0 document with one Avro message whose schema is `schema`. */
const withAvro = (schema: unknown) => `asyncapi: 3.0.0
info: { title: Avro, version: 1.0.0 }
channels:
  c:
    address: a.b
    messages:
      m:
        name: thing.happened
        payload:
          schemaFormat: application/vnd.apache.avro+json;version=1.9.0
          schema: ${JSON.stringify(schema)}
operations:
  send: { action: send, channel: { $ref: '#/channels/c' } }
`;

async function refusal(yaml: string): Promise<string[]> {
  const dir = tempProject('ck-events-avro-');
  writeFileSync(join(dir, 'api.yaml'), yaml);
  const err = await generateEvents(join(dir, 'api.yaml'), join(dir, 'gen'), 'avro').then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UsageError);
  return (err as UsageError).findings.map((f) => f.message);
}

describe('events generator: Avro payloads', () => {
  it('types records, enums, arrays, maps, unions with null and logical types from a referenced .avsc; the output and code using it type-check under strict', async () => {
    const out = await generateFixture('avro/shop-avro.yaml', 'a1', 'avro-shop');
    const types = readFileSync(join(out, 'types.ts'), 'utf8');
    expect(types).toContain("export type OrderStatus = 'PLACED' | 'PAID' | 'SHIPPED';");
    expect(types).toContain('export interface OrderLine {\n  sku: string;\n  quantity: number;\n  unitPrice: number;\n}');
    for (const line of ['  orderId: string;', '  placedAt: number;', '  deliveryDate?: null | number;', '  status: OrderStatus;', '  lines: OrderLine[];', '  previousStatus?: null | OrderStatus;', '  note?: null | string | number;', '  giftLine?: null | OrderLine;', '  /** Avro `timestamp-millis`: milliseconds since 1970-01-01T00:00:00Z. */']) expect(types).toContain(line);
    expect(types).toContain('export interface ShopStockReserved {\n  sku: string;\n  count: number;\n}');
    const validators = readFileSync(join(out, 'validators.ts'), 'utf8');
    expect(validators).toContain('export const validateShopOrderPlaced: EventValidator = avroValidator({"type":"record","name":"OrderPlaced"');
    writeFileSync(join(out, 'usage.ts'), `import { createAvroShopProducer, consumeOnOrderPlaced, type ShopOrderPlaced } from './index.js';
import type { Transport } from '@contractkit/runtime/events';
export async function use(t: Transport) {
  const o: ShopOrderPlaced = { orderId: 'x', placedAt: 1, status: 'PAID', lines: [], attributes: { a: 'b' }, note: 3 };
  // @ts-expect-error: an enum symbol the schema does not list
  const bad: ShopOrderPlaced = { ...o, status: 'LOST' };
  await createAvroShopProducer(t).publishOrderPlaced(o, { aggregateId: 'o', correlationId: 'c' });
  await consumeOnOrderPlaced(t, { handler: async (e) => void e.payload.lines.map((l) => l.quantity * l.unitPrice) });
  return bad;
}
`);
    expect(typeCheck(out, ['index.ts', 'usage.ts'])).toBe('');
  }, 120_000);

  it('validates with avsc in the producer (nothing sent) and in the consumer (dead-lettered with the path)', async () => {
    const gen = await import(join(await generateFixture('avro/shop-avro.yaml', 'a2', 'avro-shop'), 'index.ts'));
    const t = createMemoryTransport();
    const seen: EventEnvelope[] = [];
    const consumer = await gen.consumeOnOrderPlaced(t, { handler: async (e: EventEnvelope) => void seen.push(e), retry: { maxAttempts: 1 } });
    const producer = gen.createAvroShopProducer(t);
    await producer.publishOrderPlaced(order({ note: 'ring twice', giftLine: { sku: 'g', quantity: 1, unitPrice: 0 } }), { aggregateId: 'o-1', correlationId: 'c-1' });
    const err = await producer.publishOrderPlaced(order({ lines: [{ sku: 'sku-1', quantity: 1.5, unitPrice: 1 }] }), { aggregateId: 'o-2', correlationId: 'c-2' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventValidationError);
    expect((err as EventValidationError).errors).toEqual(['/payload/lines/0/quantity must be Avro int']);
    await expect(producer.publishOrderPlaced(order({ status: 'LOST' }), { aggregateId: 'o-3', correlationId: 'c-3' })).rejects.toThrow('/payload/status must be Avro com.example.shop.OrderStatus');
    // a producer that skipped validation: the consumer's avsc check dead-letters it
    await t.publish('shop.a2.order.placed', encodeEvent(createEnvelope('shop.order-placed', 1, order({ placedAt: 'yesterday' }), { aggregateId: 'o-4', correlationId: 'c-4' })));
    const end = Date.now() + 5000;
    while ((seen.length < 1 || t.deadLetters.length < 1) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(seen.map((e) => (e.payload as { note?: unknown }).note)).toEqual(['ring twice']);
    expect(t.deadLetters.map((d) => d.reason)).toEqual(['invalid shop.order-placed v1: /payload/placedAt must be Avro long']);
    await consumer.close();
  }, 60_000);

  it('bytes, fixed, decimal, recursive types, unions avsc cannot tell apart and other schema formats are findings; nothing is generated', async () => {
    const record = (fields: unknown[]) => ({ type: 'record', name: 'Thing', fields });
    expect(await refusal(withAvro(record([{ name: 'blob', type: 'bytes' }])))).toEqual(['Message `thing.happened`: its Avro payload cannot be generated: $.blob: `bytes` has no JSON value in the event envelope; use a string (base64) or move the payload to JSON Schema.']);
    expect(await refusal(withAvro(record([{ name: 'id', type: { type: 'fixed', name: 'Id', size: 16 } }, { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } }])))).toEqual([
      'Message `thing.happened`: its Avro payload cannot be generated: $.id: `fixed` has no JSON value in the event envelope.',
      'Message `thing.happened`: its Avro payload cannot be generated: $.price: the logical type `decimal` (on bytes or fixed) has no JSON value in the event envelope.',
    ]);
    expect(await refusal(withAvro(record([{ name: 'next', type: ['null', 'Thing'] }])))).toEqual(['Message `thing.happened`: its Avro payload cannot be generated: $.next[1]: `Thing` refers to itself; recursive Avro types are not supported.']);
    const ambiguous = await refusal(withAvro(record([{ name: 'who', type: ['null', { type: 'record', name: 'One', fields: [] }, { type: 'record', name: 'Other', fields: [] }] }])));
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatch(/^Message `thing.happened`: its Avro payload cannot be generated: avsc refuses the schema: ambiguous unwrapped union: .* \(its branches cannot be told apart by their JSON value/);
    const proto = withAvro({ type: 'record', name: 'X', fields: [] }).replace('application/vnd.apache.avro+json;version=1.9.0', 'application/vnd.google.protobuf;version=3');
    expect(await refusal(proto)).toEqual(['Message `thing.happened`: its payload is written in `application/vnd.google.protobuf;version=3`, a schema format the events generator does not read.']);
  }, 60_000);
});
