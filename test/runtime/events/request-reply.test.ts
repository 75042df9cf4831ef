/**
 * Request/reply on the real local brokers (RabbitMQ 5672, NATS 4222): a reply
 * address chosen at run time, replies matched by correlationId, timeouts, and
 * late replies dropped and reported. Every run uses its own exchange, stream
 * and subjects, deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnvelope,
  createMemoryTransport,
  createNatsTransport,
  createRabbitMqTransport,
  createRequester,
  reply,
  request,
  RequestTimeoutError,
  bodyText,
  type Delivery,
  type EventEnvelope,
  type LateReply,
  type NatsTransport,
  type RabbitMqTransport,
  type Transport,
} from '@contractkit/runtime/events';

const AMQP = process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672';
const NATS = process.env.EVENTS_TEST_NATS ?? '127.0.0.1:4222';
const run = randomUUID().slice(0, 8);

interface Sum {
  a: number;
  b: number;
}

const ask = (correlationId: string, payload: Sum) => createEnvelope('calc.sum-requested', 1, payload, { aggregateId: 'calc', correlationId });

/** The responder's answer to a request envelope: same correlationId, caused by the request. */
const answer = (req: EventEnvelope<Sum>) => createEnvelope('calc.sum-computed', 1, { sum: req.payload.a + req.payload.b }, { aggregateId: 'calc', correlationId: req.correlationId, causationId: req.eventId });

interface Case {
  name: string;
  open(): Promise<Transport & { cleanup(): Promise<void> }>;
}

const cases: Case[] = [
  {
    name: 'RabbitMQ',
    async open() {
      const t: RabbitMqTransport = await createRabbitMqTransport({ url: AMQP, exchange: `ck-rr-${run}` });
      return Object.assign(t, {
        async cleanup() {
          await t.close();
          await t.deleteTopology();
        },
      });
    },
  },
  {
    name: 'NATS',
    async open() {
      const t: NatsTransport = await createNatsTransport({ servers: NATS, stream: `CK_RR_${run}`, subjects: [`rr.${run}.>`] });
      return Object.assign(t, {
        async cleanup() {
          await t.deleteStreams();
          await t.close();
        },
      });
    },
  },
];

describe.each(cases)('request/reply on $name', (c) => {
  let t: Transport & { cleanup(): Promise<void> };
  const address = `rr.${run}.sum`;
  // the responder's behaviour per request, by correlationId (default: answer at once)
  const hold = new Map<string, Promise<void>>();
  const seen: Delivery[] = [];

  beforeAll(async () => {
    t = await c.open();
    await t.subscribe({ address, group: `rr-${run}-calc` }, async (d) => {
      seen.push(d);
      const req = JSON.parse(bodyText(d.body)) as EventEnvelope<Sum>;
      await hold.get(req.correlationId);
      await reply(t, d, answer(req));
      await d.ack();
    });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('resolves with the reply matched by correlationId, on a broker-chosen reply address', async () => {
    const req = ask(randomUUID(), { a: 2, b: 3 });
    const res = await request<{ sum: number }>(t, address, req, { timeoutMs: 20_000 });
    expect(res.payload).toEqual({ sum: 5 });
    expect(res.correlationId).toBe(req.correlationId);
    expect(res.causationId).toBe(req.eventId);
    const d = seen.find((x) => x.headers['correlation-id'] === req.correlationId)!;
    expect(d.headers['reply-to']).toBeTruthy();
  });

  it('gives each of many concurrent requests its own reply over one inbox', async () => {
    const r = await createRequester(t, { timeoutMs: 20_000 });
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => r.request<{ sum: number }>(address, ask(randomUUID(), { a: i, b: 100 }))));
      expect(results.map((x) => x.payload.sum)).toEqual(Array.from({ length: 20 }, (_, i) => i + 100));
      expect(r.stats).toMatchObject({ sent: 20, replied: 20, timedOut: 0, late: 0 });
    } finally {
      await r.close();
    }
  });

  it('listens on a reply address the caller chose at run time', async () => {
    const replyTo = `rr.${run}.reply.${randomUUID().slice(0, 8)}`;
    const r = await createRequester(t, { replyTo, timeoutMs: 20_000 });
    try {
      expect(r.replyTo).toBe(replyTo);
      const req = ask(randomUUID(), { a: 40, b: 2 });
      const res = await r.request<{ sum: number }>(address, req);
      expect(res.payload.sum).toBe(42);
      expect(seen.find((x) => x.headers['correlation-id'] === req.correlationId)!.headers['reply-to']).toBe(replyTo);
    } finally {
      await r.close();
    }
  });

  it('rejects after the timeout, then drops the late reply and reports it', async () => {
    const late: LateReply[] = [];
    const r = await createRequester(t, { onLateReply: (x) => late.push(x) });
    try {
      const req = ask(randomUUID(), { a: 1, b: 1 });
      // the responder holds the reply until the requester has given up: ordered by the rejection, not by a clock
      let release!: () => void;
      hold.set(req.correlationId, new Promise<void>((res) => (release = res)));
      const err = await r.request(address, req, { timeoutMs: 300 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RequestTimeoutError);
      expect((err as RequestTimeoutError).correlationId).toBe(req.correlationId);
      release();
      const end = Date.now() + 20_000;
      while (late.length === 0 && Date.now() < end) await new Promise((res) => setTimeout(res, 25));
      expect(late).toHaveLength(1);
      expect(late[0]!.correlationId).toBe(req.correlationId);
      expect(r.stats).toMatchObject({ sent: 1, replied: 0, timedOut: 1, late: 1 });
    } finally {
      await r.close();
    }
  });

  it('refuses a second concurrent request with the same correlationId', async () => {
    const r = await createRequester(t, { timeoutMs: 20_000 });
    try {
      const id = randomUUID();
      const first = r.request(address, ask(id, { a: 1, b: 2 }));
      await expect(r.request(address, ask(id, { a: 3, b: 4 }))).rejects.toThrow(/already waiting/);
      expect((await first).payload).toEqual({ sum: 3 });
    } finally {
      await r.close();
    }
  });
});

describe('request/reply refusals', () => {
  it('reply() refuses a delivery without reply-to, and a reply whose correlationId is not the request\'s', async () => {
    const t = createMemoryTransport();
    const e = answer(ask('c-1', { a: 1, b: 1 }) as EventEnvelope<Sum>);
    await expect(reply(t, { headers: { 'correlation-id': 'c-1' } }, e)).rejects.toThrow(/no `reply-to`/);
    await expect(reply(t, { headers: { 'correlation-id': 'other', 'reply-to': 'x' } }, e)).rejects.toThrow(/not the request's/);
  });

  it('request() on a transport without request/reply says which', async () => {
    const t = createMemoryTransport();
    await expect(request(t, 'a.b', ask('c-2', { a: 1, b: 1 }))).rejects.toThrow(/`memory` does not support request\/reply/);
  });
});
