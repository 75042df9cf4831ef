/**
 * The outbox transport on the local PostgreSQL (5432, db test, a table per
 * run): publishes become outbox rows and reach subscribers only through the
 * relay, as the message a direct publish would have sent; a message id
 * published again is one row; publishes inside a caller's transaction commit
 * or roll back with it. Then with RabbitMQ as the inner transport and the
 * relay running.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createEnvelope,
  createMemoryTransport,
  createOutboxTransport,
  createRabbitMqTransport,
  encodeEvent,
  envelopeField,
  inTransaction,
  publishEvent,
  type Delivery,
  type EventBindings,
  type OutgoingMessage,
  type Transport,
} from '@contractkit/runtime/events';

const PG = process.env.EVENTS_TEST_PG ?? 'postgres://postgres:postgres@127.0.0.1:5432/test';
const AMQP = process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672';
const run = randomUUID().slice(0, 8);
const pool = new pg.Pool({ connectionString: PG, max: 4 });
const tables: string[] = [];
let n = 0;
/** A fresh outbox table for one test. */
const table = () => {
  const t = `ck_outbox_tr_${run}_${++n}`;
  tables.push(t);
  return t;
};

afterAll(async () => {
  for (const t of tables) await pool.query(`DROP TABLE IF EXISTS ${t}`);
  await pool.end();
});

const command = (eventId = randomUUID()) => createEnvelope('reserve.inventory', 1, { orderId: 'o-1', items: [{ productId: 'sku-1', quantity: 2 }] }, { eventId, aggregateId: 'o-1', correlationId: 'saga-1', causationId: 'cause-1' });

/** An inner transport that records what is published on it and delivers through a memory transport. */
function recording(): { transport: Transport; published: { address: string; message: OutgoingMessage }[] } {
  const memory = createMemoryTransport();
  const published: { address: string; message: OutgoingMessage }[] = [];
  return {
    published,
    transport: { ...memory, name: 'recording', publish: (address, message) => (published.push({ address, message }), memory.publish(address, message)), subscribe: memory.subscribe, close: memory.close },
  };
}

/** Subscribes and collects the event ids delivered. */
async function collect(transport: Transport, address: string): Promise<{ ids: string[]; close(): Promise<void> }> {
  const ids: string[] = [];
  const sub = await transport.subscribe({ address, group: `g-${randomUUID().slice(0, 6)}` }, async (d: Delivery) => {
    ids.push(d.headers['event-id']!);
    await d.ack();
  });
  return { ids, close: () => sub.close() };
}

const rows = async (t: string) => (await pool.query(`SELECT message_id, event_id, address, sent_at FROM ${t} ORDER BY id`)).rows;

/** Polls until `check` holds (a safety timeout only: the tests assert what arrived, not when). */
async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('outbox transport', () => {
  it('a publish is an outbox row, reaches a subscriber only through the relay, as the message a direct publish sends', async () => {
    const t = table();
    const inner = recording();
    const outbox = createOutboxTransport({ pool, inner: inner.transport, table: t, startRelay: false });
    const sub = await collect(outbox, 'reserve.inventory');
    const bindings: EventBindings = { amqp: { exchange: { name: 'orders', type: 'topic' }, deliveryMode: 2 }, kafka: { topic: 'inventory', key: envelopeField('payload.orderId') }, deadLetter: 'inventory.dlq' };
    const envelope = command();
    await publishEvent(outbox, 'reserve.inventory', envelope, undefined, { headers: { 'x-tenant': 't1' }, bindings });

    expect(await rows(t)).toEqual([expect.objectContaining({ message_id: envelope.eventId, event_id: envelope.eventId, address: 'reserve.inventory', sent_at: null })]);
    expect(inner.published).toHaveLength(0);
    expect(sub.ids).toEqual([]);

    expect(await outbox.relay.relayOnce()).toBe(1);
    await until(() => sub.ids.length === 1, 'the relayed command');
    expect(sub.ids).toEqual([envelope.eventId]);
    expect((await rows(t))[0].sent_at).toBeInstanceOf(Date);

    // what the relay sent is what publishing directly would have sent (bindings as data: the key function's result travels as the key)
    const direct = encodeEvent(envelope, { headers: { 'x-tenant': 't1' }, bindings });
    const [{ address, message }] = inner.published as [{ address: string; message: OutgoingMessage }];
    expect(address).toBe('reserve.inventory');
    expect(message.headers).toEqual(direct.headers);
    expect(message.key).toBe('o-1');
    expect(message.key).toBe(direct.key);
    expect(message.messageId).toBe(direct.messageId);
    expect(JSON.parse(Buffer.from(message.body).toString())).toEqual(envelope);
    const { kafka, ...rest } = bindings;
    expect(message.bindings).toEqual({ ...rest, kafka: { topic: kafka!.topic } });
    await sub.close();
    await outbox.close();
  });

  it('the same message id twice before the relay runs: one row, one delivery; again after it was sent: still one row, sent again', async () => {
    const t = table();
    const inner = recording();
    const outbox = createOutboxTransport({ pool, inner: inner.transport, table: t, startRelay: false });
    const sub = await collect(outbox, 'reserve.inventory');
    const envelope = command();
    await publishEvent(outbox, 'reserve.inventory', envelope, undefined);
    await publishEvent(outbox, 'reserve.inventory', envelope, undefined); // a step retried before the relay ran
    expect(await rows(t)).toHaveLength(1);
    expect(await outbox.relay.relayOnce()).toBe(1);
    expect(await outbox.relay.relayOnce()).toBe(0);
    await until(() => sub.ids.length === 1, 'the command');
    expect(inner.published).toHaveLength(1);

    // re-sent after it went out (a saga step retried after a crash): the row is armed again, as a direct re-publish would send it again
    await publishEvent(outbox, 'reserve.inventory', envelope, undefined);
    expect(await rows(t)).toHaveLength(1);
    expect(await outbox.relay.relayOnce()).toBe(1);
    await until(() => sub.ids.length === 2, 'the re-sent command');
    expect(sub.ids).toEqual([envelope.eventId, envelope.eventId]); // the same eventId: the participant's idempotent consumer applies it once
    await sub.close();
    await outbox.close();
  });

  it('within(tx): publishes commit and roll back with the caller’s transaction', async () => {
    const t = table();
    const inner = recording();
    const outbox = createOutboxTransport({ pool, inner: inner.transport, table: t, startRelay: false });
    const kept = command();
    const dropped = command();
    await inTransaction(pool, (tx) => publishEvent(outbox.within(tx), 'reserve.inventory', kept, undefined));
    await expect(
      inTransaction(pool, async (tx) => {
        await publishEvent(outbox.within(tx), 'reserve.inventory', dropped, undefined);
        throw new Error('business write failed');
      }),
    ).rejects.toThrow('business write failed');
    expect((await rows(t)).map((r) => r.event_id)).toEqual([kept.eventId]);
    expect(await outbox.relay.relayOnce()).toBe(1);
    expect(inner.published.map((p) => p.message.messageId)).toEqual([kept.eventId]);
    await outbox.close();
  });

  it('refuses what is not an event envelope, and bad options, saying what to do', async () => {
    const outbox = createOutboxTransport({ pool, inner: createMemoryTransport(), table: table(), startRelay: false });
    await expect(outbox.publish('raw.bytes', { body: Buffer.from('not json'), headers: {} })).rejects.toThrow(/raw\.bytes is not an event envelope .*inner transport/);
    await expect(outbox.publish('raw.json', { body: Buffer.from('{"a":1}'), headers: {} })).rejects.toThrow(/not an event envelope/);
    await outbox.close();
    expect(() => createOutboxTransport({ pool, inner: createMemoryTransport(), table: 'Bad-Name' })).toThrow(/Invalid table name/);
    expect(() => createOutboxTransport({ pool: undefined as never, inner: createMemoryTransport() })).toThrow(/`pool` must be a pg Pool/);
  });

  it('on RabbitMQ with the relay running: each command arrives once (a publish wakes the relay), the rows end sent', async () => {
    const t = table();
    const rabbit = await createRabbitMqTransport({ url: AMQP, exchange: `ck-test-${run}-outbox-tr` });
    // an interval no test would wait out: the publishes wake the relay, and stop() cuts its wait short
    const outbox = createOutboxTransport({ pool, inner: rabbit, table: t, pollIntervalMs: 3_600_000 });
    const sub = await collect(outbox, 'reserve.inventory');
    const sent = Array.from({ length: 20 }, () => command());
    for (const e of sent) await publishEvent(outbox, 'reserve.inventory', e, undefined);
    await until(() => sub.ids.length === sent.length, 'every command through the relay');
    await sub.close();
    await outbox.relay.stop(); // its last batch committed: every row marked sent
    expect(sub.ids.sort()).toEqual(sent.map((e) => e.eventId).sort());
    const r = await rows(t);
    expect(r).toHaveLength(sent.length);
    expect(r.every((row) => row.sent_at !== null)).toBe(true);
    await (rabbit as unknown as { deleteTopology(): Promise<void> }).deleteTopology();
    await outbox.close();
  });
});
