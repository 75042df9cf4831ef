/**
 * The events runtime and generated code against the real local brokers
 * (RabbitMQ 5672, NATS JetStream 4222, MQTT 1883) and PostgreSQL (5432, db
 * test). Every run uses its own exchange/stream/topic prefix and tables and
 * deletes them afterwards.
 */
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import amqp from 'amqplib';
import {
  createEnvelope,
  createMemoryProcessedStore,
  createMqttTransport,
  createNatsTransport,
  createOutboxRelay,
  createPgProcessedStore,
  createRabbitMqTransport,
  encodeEvent,
  inTransaction,
  migrate,
  type EventEnvelope,
  type Transport,
} from '@contractkit/runtime/events';
import { FIXTURES, generateShop } from '../../generators/events/helpers.js';

const AMQP = process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672';
const PG = process.env.EVENTS_TEST_PG ?? 'postgres://postgres:postgres@127.0.0.1:5432/test';
const run = randomUUID().slice(0, 8);

let gen: any;
let genDir: string;
beforeAll(async () => {
  genDir = await generateShop();
  gen = await import(join(genDir, 'index.ts'));
});

/** The generated validators.ts as a plain ES module the forked consumer (plain node) can import. */
function validatorsModule(): string {
  const out = join(genDir, 'validators.fork.mjs');
  writeFileSync(out, ts.transpileModule(readFileSync(join(genDir, 'validators.ts'), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  return out;
}

/** Polls until `check` holds (a safety timeout only: the tests assert counts, not timings). */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const v2 = (orderId: string) => ({ orderId, total: { amount: '10.00', currency: 'EUR' } });

interface BrokerCase {
  name: string;
  open(tag: string): Promise<Transport>;
  /** Reads the reasons of what a group dead-lettered. */
  deadLetters(t: Transport, group: string): Promise<string[]>;
  cleanup(t: Transport): Promise<void>;
}

// dead-letters read (and removed) from a RabbitMQ dead-letter queue so far, by group
const rabbitDead = new Map<string, string[]>();

const brokers: BrokerCase[] = [
  {
    name: 'RabbitMQ',
    open: (tag) => createRabbitMqTransport({ url: AMQP, exchange: `ck-test-${run}-${tag}` }),
    async deadLetters(_t, group) {
      const out = rabbitDead.get(group) ?? [];
      rabbitDead.set(group, out);
      const c = await amqp.connect(AMQP);
      const ch = await c.createChannel();
      for (;;) {
        const m = await ch.get(`${group}.dlq`, { noAck: true });
        if (!m) break;
        out.push(String(m.properties.headers?.['x-dead-letter-reason']));
      }
      await c.close();
      return out;
    },
    cleanup: (t) => (t as any).deleteTopology(),
  },
  {
    name: 'NATS JetStream',
    open: (tag) => createNatsTransport({ servers: '127.0.0.1:4222', stream: `CK_TEST_${run}_${tag}`, subjects: ['shop.order.placed', 'shop.stock.{sku}.changed'], subjectPrefix: `t${run}${tag}` }),
    async deadLetters(t, group) {
      const nats = await import('nats');
      const nc = await nats.connect({ servers: '127.0.0.1:4222' });
      const jsm = await nc.jetstreamManager();
      const out: string[] = [];
      const info = await jsm.streams.info((t as any).deadLetterStream);
      for (let seq = 1; seq <= info.state.last_seq; seq++) {
        const m = await jsm.streams.getMessage((t as any).deadLetterStream, { seq }).catch(() => undefined);
        if (m && m.subject === (t as any).deadLetterSubject(group)) out.push(m.header.get('x-dead-letter-reason'));
      }
      await nc.close();
      return out;
    },
    cleanup: (t) => (t as any).deleteStreams(),
  },
];

// MQTT has no broker-side dead-letter store: a listener on the dead-letter topic collects them.
const mqttDead = new Map<string, string[]>();
brokers.push({
  name: 'MQTT',
  async open(tag) {
    const t = await createMqttTransport({ url: 'mqtt://127.0.0.1:1883', topicPrefix: `ck-test-${run}-${tag}` });
    const mqtt = await import('mqtt');
    const listener = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { protocolVersion: 5 });
    await listener.subscribeAsync(`ck-test-${run}-${tag}/dead-letter/#`, { qos: 1 });
    listener.on('message', (topic, _p, packet) => {
      const group = topic.split('/').pop()!;
      const list = mqttDead.get(group) ?? [];
      list.push(String(packet.properties?.userProperties?.['x-dead-letter-reason']));
      mqttDead.set(group, list);
    });
    (t as any).listener = listener;
    return t;
  },
  deadLetters: async (_t, group) => mqttDead.get(group) ?? [],
  cleanup: (t) => (t as any).listener.endAsync(),
});

describe.each(brokers)('generated events on $name', (broker) => {
  let t: Transport;
  beforeAll(async () => {
    t = await broker.open('a');
  });
  afterAll(async () => {
    await t.close();
    await broker.cleanup(t);
  });

  it('publishes and consumes every generated event; v1 reaches the v2 handler through the upcaster; invalid and unknown versions are dead-lettered', async () => {
    const group = `ck-${run}-placed`;
    const seen: EventEnvelope[] = [];
    const stock: EventEnvelope[] = [];
    const c1 = await gen.consumeOnOrderPlaced(t, { group, handler: async (e: EventEnvelope) => void seen.push(e) });
    const c2 = await gen.consumeOnStockChanged(t, { group: `ck-${run}-stock`, handler: async (e: EventEnvelope) => void stock.push(e) });
    const p = gen.createShopEventsProducer(t);
    await p.publishOrderPlaced(v2('1'), { aggregateId: '1', correlationId: 'c' });
    await p.publishOrderPlaced(v2('2'), { aggregateId: '2', correlationId: 'c', alsoAs: { v1: { orderId: '2', totalAmount: 5, currency: 'USD' } } });
    await p.publishStockChanged({ sku: 'a1', quantity: 3 }, { aggregateId: 'a1', correlationId: 'c', params: { sku: 'a1' } });
    await t.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 1, { orderId: '3', totalAmount: 1, currency: 'GBP' }, { aggregateId: '3', correlationId: 'c' })));
    await t.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 2, { orderId: '4' }, { aggregateId: '4', correlationId: 'c' })));
    await t.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 7, {}, { aggregateId: '5', correlationId: 'c' })));
    await until(() => seen.length === 4 && stock.length === 1, 'deliveries');
    await until(async () => (await broker.deadLetters(t, group)).length >= 2, 'dead-letters');
    await c1.close();
    await c2.close();
    expect(seen.map((e) => `${(e.payload as any).orderId}:${e.eventVersion}`).sort()).toEqual(['1:2', '2:2', '2:2', '3:2']);
    expect((seen.find((e) => (e.payload as any).orderId === '3')!.payload as any).total).toEqual({ amount: '1.00', currency: 'GBP' });
    expect(stock[0]!.payload).toEqual({ sku: 'a1', quantity: 3 });
    const reasons = (await broker.deadLetters(t, group)).sort();
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/^invalid order\.placed v2: \/payload must have required property 'total'/);
    expect(reasons[1]).toBe('order.placed version 7 is newer than the latest this consumer knows (2)');
  });

  it('retries a handler that fails twice then succeeds, and de-duplicates a redelivery', async () => {
    const calls: number[] = [];
    const store = createMemoryProcessedStore();
    const c = await gen.consumeOnStockChanged(t, {
      group: `ck-${run}-retry`,
      store,
      retry: { maxAttempts: 5, initialDelayMs: 20 },
      handler: async (ev: EventEnvelope, ctx: { attempt: number }) => {
        if ((ev.payload as any).sku !== 'b') return; // earlier events on the channel (a new NATS durable reads the stream from the start)
        calls.push(ctx.attempt);
        if (calls.length <= 2) throw new Error('not yet');
      },
    });
    const p = gen.createShopEventsProducer(t);
    const e = await p.publishStockChanged({ sku: 'b', quantity: 1 }, { aggregateId: 'b', correlationId: 'c', params: { sku: 'b' } });
    await until(() => calls.length === 3, 'three attempts');
    // the same event once more (a broker redelivery or a producer retry): no second effect
    await t.publish('shop.stock.b.changed', { ...encodeEvent(e), messageId: `${e.eventId}-again` });
    await until(() => store.has(`ck-${run}-retry`, e.eventId), 'processed mark');
    await new Promise((r) => setTimeout(r, 200));
    await c.close();
    expect(calls).toEqual([1, 2, 3]);
  });
});

describe('crash safety with RabbitMQ and PostgreSQL', () => {
  const pool = new pg.Pool({ connectionString: PG, max: 6 });
  const processed = `ck_processed_${run}`;
  const effects = `ck_effects_${run}`;
  const outbox = `ck_outbox_${run}`;
  afterAll(async () => {
    for (const tbl of [processed, effects, outbox, `${effects}_orders`]) await pool.query(`DROP TABLE IF EXISTS ${tbl}`);
    await pool.end();
  });

  it('a consumer process killed mid-stream and restarted loses nothing and applies nothing twice', async () => {
    const exchange = `ck-test-${run}-crash`;
    const group = `ck-${run}-crash`;
    await pool.query(`CREATE TABLE ${effects} (event_id text NOT NULL)`);
    await migrate(pool, { processed });
    const t = await createRabbitMqTransport({ url: AMQP, exchange });
    const startChild = async () => {
      const child = fork(join(FIXTURES, 'crash-consumer.mjs'), [AMQP, exchange, group, validatorsModule(), processed, effects], { stdio: 'ignore' });
      let handled = 0;
      child.on('message', (m: any) => void (m.handled && handled++));
      await new Promise<void>((resolve) => child.on('message', (m: any) => m.ready && resolve()));
      return { child, handled: () => handled };
    };
    const first = await startChild();
    const p = gen.createShopEventsProducer(t);
    const N = 400;
    const ids: string[] = [];
    for (let i = 0; i < N; i++) ids.push((await p.publishStockChanged({ sku: `s${i}`, quantity: i }, { aggregateId: `s${i}`, correlationId: 'c', params: { sku: `s${i}` } })).eventId);
    await until(() => first.handled() >= 50, 'the first consumer to be mid-stream');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const second = await startChild();
    await until(async () => Number((await pool.query(`SELECT count(DISTINCT event_id) AS n FROM ${effects}`)).rows[0].n) === N, 'every event', 60_000);
    second.child.kill('SIGTERM');
    const rows = (await pool.query(`SELECT event_id, count(*)::int AS n FROM ${effects} GROUP BY event_id`)).rows;
    expect(rows).toHaveLength(N);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(ids));
    await (t as any).deleteTopology();
    await t.close();
  });

  it('an outbox relay that dies mid-batch and is restarted loses and duplicates nothing observable', async () => {
    const exchange = `ck-test-${run}-outbox`;
    const t = await createRabbitMqTransport({ url: AMQP, exchange });
    const orders = `${effects}_orders`;
    await pool.query(`CREATE TABLE ${orders} (id text PRIMARY KEY)`);
    await migrate(pool, { outbox, processed });
    const consumed: string[] = [];
    const c = await gen.consumeOnStockChanged(t, {
      group: `ck-${run}-outbox`,
      store: createPgProcessedStore({ pool, table: processed }),
      handler: async (e: EventEnvelope) => void consumed.push(e.eventId),
    });
    const p = gen.createShopEventsProducer(t);
    const N = 120;
    for (let i = 0; i < N; i++) {
      // the business write and the event row in one transaction
      await inTransaction(pool, async (tx) => {
        await tx.query(`INSERT INTO ${orders} (id) VALUES ($1)`, [`o${i}`]);
        await p.publishStockChanged({ sku: `o${i}`, quantity: i }, { aggregateId: `o${i}`, correlationId: 'c', params: { sku: `o${i}` }, outbox: tx, outboxTable: outbox });
      });
    }
    // a relay whose broker connection "dies" after 30 confirmed publishes, in the middle of its second batch
    let published = 0;
    const dying: Transport = { ...t, name: 'dying', publish: async (a, m) => { if (++published > 30) throw new Error('relay crashed'); await t.publish(a, m); } };
    const r1 = createOutboxRelay({ pool, transport: dying, table: outbox, batchSize: 25 });
    expect(await r1.relayOnce()).toBe(25);
    await expect(r1.relayOnce()).rejects.toThrow('relay crashed');
    const r2 = createOutboxRelay({ pool, transport: t, table: outbox, batchSize: 25 });
    while ((await r2.relayOnce()) > 0);
    await until(() => new Set(consumed).size === N, 'every outbox event');
    await new Promise((r) => setTimeout(r, 300));
    await c.close();
    expect(consumed).toHaveLength(N); // the 5 republished ones were de-duplicated
    const unsent = await pool.query(`SELECT count(*)::int AS n FROM ${outbox} WHERE sent_at IS NULL`);
    expect(unsent.rows[0].n).toBe(0);
    await (t as any).deleteTopology();
    await t.close();
  });
});
