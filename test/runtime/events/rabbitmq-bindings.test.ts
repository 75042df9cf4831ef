/**
 * AsyncAPI amqp bindings and `x-` extensions through generated code on the
 * real local RabbitMQ (5672): the exchange a binding names is declared with
 * its type and durability, an `is: queue` channel is one queue with the
 * binding's durability and exclusivity (declared by the producer too, so
 * nothing published before the consumer starts is lost), and `x-max-attempts`,
 * `x-retry-delays` and `x-dead-letter` decide retries and where dead-letters go.
 * Properties the broker would refuse to redeclare are checked by redeclaring
 * them differently (RabbitMQ answers 406 PRECONDITION_FAILED): no management API needed.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRabbitMqTransport, type EventEnvelope, type RabbitMqTransport } from '@contractkit/runtime/events';
import { generateFixture } from '../../generators/events/helpers.js';

const AMQP = process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672';
const run = randomUUID().slice(0, 8);

let gen: any;
let t: RabbitMqTransport;
let probe: amqp.ChannelModel;
beforeAll(async () => {
  gen = await import(join(await generateFixture('bindings.yaml', run), 'index.ts'));
  t = await createRabbitMqTransport({ url: AMQP, exchange: `ck-bind-${run}.default` });
  probe = await amqp.connect(AMQP);
});
afterAll(async () => {
  await t.deleteTopology();
  await t.close();
  await probe.close();
});

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs `f` on a throwaway channel of the probe connection; resolves to the AMQP reply code of the error, or 0. */
async function replyCode(f: (ch: amqp.Channel) => Promise<unknown>): Promise<number> {
  const ch = await probe.createChannel();
  ch.on('error', () => undefined);
  try {
    await f(ch);
    await ch.close();
    return 0;
  } catch (err) {
    return (err as { code?: number }).code ?? -1;
  }
}

/** Reads (and removes) what a queue holds: `[reason header, body]` pairs. */
async function drain(queue: string): Promise<{ reason: string; event: EventEnvelope }[]> {
  const ch = await probe.createChannel();
  const out: { reason: string; event: EventEnvelope }[] = [];
  for (;;) {
    const m = await ch.get(queue, { noAck: true });
    if (!m) break;
    out.push({ reason: String(m.properties.headers?.['x-dead-letter-reason']), event: JSON.parse(m.content.toString()) });
  }
  await ch.close();
  return out;
}

describe('amqp bindings on RabbitMQ', () => {
  it('publishes to the exchange the channel binding names, declared with its type and durability', async () => {
    const seen: EventEnvelope[] = [];
    const c = await gen.consumeOnOrderPlaced(t, { handler: async (e: EventEnvelope) => void seen.push(e) });
    const p = gen.createBoundShopProducer(t);
    await p.publishOrderPlaced({ orderId: 'o1' }, { aggregateId: 'o1', correlationId: 'c' });
    await until(() => seen.length === 1, 'the event');
    await c.close();
    expect(seen[0]!.payload).toEqual({ orderId: 'o1' });
    const exchange = `ck-bind-${run}.orders`;
    expect(await replyCode((ch) => ch.checkExchange(exchange))).toBe(0);
    // declared non-durable topic: the same declaration passes, a durable or a direct one is refused
    expect(await replyCode((ch) => ch.assertExchange(exchange, 'topic', { durable: false }))).toBe(0);
    expect(await replyCode((ch) => ch.assertExchange(exchange, 'topic', { durable: true }))).toBe(406);
    expect(await replyCode((ch) => ch.assertExchange(exchange, 'direct', { durable: false }))).toBe(406);
    // nothing went through the transport's default exchange
    expect(await replyCode((ch) => ch.checkQueue('bound-shop.onOrderPlaced'))).toBe(0);
  });

  it('retries as x-retry-delays says, x-max-attempts times, then dead-letters to the x-dead-letter queue', async () => {
    const attempts: number[] = [];
    const c = await gen.consumeOnOrderPlaced(t, {
      group: `ck-bind-${run}.retries`,
      handler: async (e: EventEnvelope, ctx: { attempt: number }) => {
        if ((e.payload as { fail?: boolean }).fail) {
          attempts.push(ctx.attempt);
          throw new Error('refused');
        }
      },
    });
    const p = gen.createBoundShopProducer(t);
    const e = await p.publishOrderPlaced({ orderId: 'o2', fail: true }, { aggregateId: 'o2', correlationId: 'c' });
    const dead: { reason: string; event: EventEnvelope }[] = [];
    await until(async () => (dead.push(...(await drain(`ck-bind-${run}.placed.dead`))), dead.length === 1), 'the dead-letter');
    await c.close();
    expect(attempts).toEqual([1, 2]); // x-max-attempts: 2
    expect(dead[0]!.reason).toBe('handler failed 2 times; last error: refused');
    expect(dead[0]!.event.eventId).toBe(e.eventId);
    // the first retry waited in the 50 ms queue of x-retry-delays
    expect(await replyCode((ch) => ch.checkQueue(`ck-bind-${run}.retries.retry.50`))).toBe(0);
    expect(t.deadLetterQueue(`ck-bind-${run}.retries`)).toBe(`ck-bind-${run}.placed.dead`);
  });

  it('an `is: queue` channel is one queue, declared by the producer too, with the binding durability and exclusivity', async () => {
    const p = gen.createBoundShopProducer(t);
    // published before any consumer exists: the producer declared the queue, so nothing is lost
    await p.publishAudit({ text: 'first' }, { aggregateId: 'a', correlationId: 'c' });
    const seen: string[] = [];
    const c = await gen.consumeOnAudit(t, { handler: async (e: EventEnvelope) => void seen.push((e.payload as { text: string }).text) });
    await p.publishAudit({ text: 'second' }, { aggregateId: 'a', correlationId: 'c' });
    await until(() => seen.length === 2, 'both entries');
    await c.close();
    expect(seen).toEqual(['first', 'second']);
    const queue = `ck-bind-${run}.audit`;
    // exclusive to the transport's connection: another connection may not even look at it
    expect(await replyCode((ch) => ch.checkQueue(queue))).toBe(405);
    expect(t.deadLetterQueue('bound-shop.onAudit')).toBe(`ck-bind-${run}.audit.dead`);
  });
});
