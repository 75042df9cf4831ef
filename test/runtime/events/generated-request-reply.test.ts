/**
 * Generated request/reply on the real local brokers (RabbitMQ 5672, NATS
 * 4222): the requester generated from calc-client.yaml (a send operation with
 * a `reply` whose queue is named at run time) against the replier generated
 * from calc-server.yaml (a receive operation with a `reply`). Requests and
 * replies are validated, replies are typed by the reply messages, timeouts and
 * late replies surface as options. Every run uses its own queues, stream and
 * subjects, deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNatsTransport,
  createRabbitMqTransport,
  EventValidationError,
  reply,
  createEnvelope,
  RequestTimeoutError,
  UnexpectedReplyError,
  type LateReply,
  type Transport,
} from '@contractkit/runtime/events';
import { generateFixture } from '../../generators/events/helpers.js';

const AMQP = process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672';
const NATS = process.env.EVENTS_TEST_NATS ?? '127.0.0.1:4222';
const run = `g${randomUUID().slice(0, 8)}`;

/* eslint-disable @typescript-eslint/no-explicit-any -- the generated modules are imported at run time */
let client: any;
let server: any;

beforeAll(async () => {
  client = await import(join(await generateFixture('request-reply/calc-client.yaml', run, 'calc-client'), 'index.ts'));
  server = await import(join(await generateFixture('request-reply/calc-server.yaml', run, 'calc-server'), 'index.ts'));
}, 60_000);

interface Case {
  name: string;
  /** Whether the requester names its reply queue by the contract's parameter (else the broker chooses). */
  replyParams: boolean;
  open(): Promise<Transport & { cleanup(): Promise<void> }>;
}

const cases: Case[] = [
  {
    name: 'RabbitMQ',
    replyParams: true,
    async open() {
      const t = await createRabbitMqTransport({ url: AMQP, exchange: `ck-grr-${run}` });
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
    replyParams: false,
    async open() {
      const t = await createNatsTransport({ servers: NATS, stream: `CK_GRR_${run}`, subjects: [`rr.${run}.calc.>`] });
      return Object.assign(t, {
        async cleanup() {
          await t.deleteStreams();
          await t.close();
        },
      });
    },
  },
];

describe.each(cases)('generated request/reply on $name', (c) => {
  let t: Transport & { cleanup(): Promise<void> };
  let consumer: { close(): Promise<void> };
  // the replier's behaviour per correlationId: hold the reply, or answer with something the contract does not list
  const hold = new Map<string, Promise<void>>();
  const wrong = new Set<string>();

  beforeAll(async () => {
    t = await c.open();
    consumer = await server.consumeSum(t, {
      group: `grr-${run}`,
      handler: async (event: any, ctx: any) => {
        await hold.get(event.correlationId);
        if (wrong.has(event.correlationId)) {
          // a reply type the contract does not list, sent around the generated reply functions
          await reply(t, ctx, createEnvelope('calc.product-computed', 1, { result: 0 }, { aggregateId: 'calc', correlationId: event.correlationId }));
          return;
        }
        const numbers: number[] = event.payload.numbers;
        if (numbers.length === 0) await server.replySumCalcSumRefused(t, { event, headers: ctx.headers }, { reason: 'no numbers' });
        else await server.replySumCalcSumComputed(t, { event, headers: ctx.headers }, { result: numbers.reduce((a, b) => a + b, 0) });
      },
    });
  }, 30_000);
  afterAll(async () => {
    await consumer?.close();
    await t?.cleanup();
  });

  const requester = (options: Record<string, unknown> = {}) => client.createCalcClientRequester(t, { ...(c.replyParams ? { replyParams: { client: randomUUID().slice(0, 8) } } : {}), ...options });

  it('a generated requester gets the typed reply from a generated replier, matched by correlationId', async () => {
    const r = await requester();
    try {
      if (c.replyParams) expect(r.replyTo).toMatch(new RegExp(`^rr\\.${run}\\.replies\\.[0-9a-f]{8}$`));
      const res = await r.requestSum({ numbers: [4, 3] }, { aggregateId: 'calc' });
      expect(res).toMatchObject({ eventType: 'calc.sum-computed', eventVersion: 1, payload: { result: 7 }, aggregateId: 'calc' });
      const refused = await r.requestSum({ numbers: [] }, { aggregateId: 'calc', correlationId: 'c-refused' });
      expect(refused).toMatchObject({ eventType: 'calc.sum-refused', payload: { reason: 'no numbers' }, correlationId: 'c-refused' });
      const many = await Promise.all(Array.from({ length: 10 }, (_, i) => r.requestSum({ numbers: [i, 100] }, { aggregateId: 'calc' })));
      expect(many.map((x: any) => x.payload.result)).toEqual(Array.from({ length: 10 }, (_, i) => i + 100));
      expect(r.stats).toMatchObject({ sent: 12, replied: 12, timedOut: 0, late: 0 });
    } finally {
      await r.close();
    }
  });

  it('an invalid request is refused before it is sent', async () => {
    const r = await requester();
    try {
      await expect(r.requestSum({ numbers: ['four'] }, { aggregateId: 'calc' })).rejects.toBeInstanceOf(EventValidationError);
      expect(r.stats.sent).toBe(0);
    } finally {
      await r.close();
    }
  });

  it('the timeout and the late-reply policy are options: a request times out, its late reply is dropped and reported', async () => {
    const late: LateReply[] = [];
    const r = await requester({ timeoutMs: 300, onLateReply: (x: LateReply) => late.push(x) });
    try {
      let release!: () => void;
      hold.set('c-late', new Promise<void>((res) => (release = res)));
      const err = await r.requestSum({ numbers: [1] }, { aggregateId: 'calc', correlationId: 'c-late' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RequestTimeoutError);
      expect((err as RequestTimeoutError).timeoutMs).toBe(300);
      release();
      const end = Date.now() + 20_000;
      while (late.length === 0 && Date.now() < end) await new Promise((res) => setTimeout(res, 25));
      expect(late.map((x) => x.correlationId)).toEqual(['c-late']);
      expect(r.stats).toMatchObject({ timedOut: 1, late: 1 });
      // a per-request timeout overrides the requester's
      hold.delete('c-late');
      const ok = await r.requestSum({ numbers: [2, 2] }, { aggregateId: 'calc', timeoutMs: 20_000 });
      expect(ok.payload.result).toBe(4);
    } finally {
      await r.close();
    }
  });

  it('a reply the contract does not list rejects the request with UnexpectedReplyError', async () => {
    const r = await requester({ timeoutMs: 20_000 });
    try {
      wrong.add('c-wrong');
      const err = await r.requestSum({ numbers: [1] }, { aggregateId: 'calc', correlationId: 'c-wrong' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnexpectedReplyError);
      expect((err as Error).message).toContain('its type is calc.product-computed; expected calc.sum-computed or calc.sum-refused');
    } finally {
      await r.close();
    }
  });
});
