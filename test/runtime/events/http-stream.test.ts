/**
 * The http-stream (server-sent events) transport on loopback: a real
 * `node:http` server pushing generated shop events to a client transport
 * that reads them with the runtime's SSE reader; the envelope, validation,
 * upcasting, retries and the idempotent consumer; reconnect with
 * Last-Event-ID replay from the server's buffer; the request's query and
 * headers. Tests wait on what the handler saw, never on a clock.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnvelope,
  createMemoryProcessedStore,
  createSseClientTransport,
  createSseServerTransport,
  encodeEvent,
  httpStreamRequest,
  type EventEnvelope,
  type Transport,
} from '@contractkit/runtime/events';
import { generateShop } from '../../generators/events/helpers.js';

let gen: any;
beforeAll(async () => {
  gen = await import(join(await generateShop(), 'index.ts'));
}, 60_000);

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const t of opened.splice(0).reverse()) await t.close();
});
const v2 = (orderId: string) => ({ orderId, total: { amount: '10.00', currency: 'EUR' } });

/** Resolves once `predicate` holds, checked on each turn of the event loop (no deadline: vitest's test timeout is the limit). */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((r) => setImmediate(r));
}

async function pair(serverOptions = {}, clientOptions = {}) {
  const server = await createSseServerTransport({ port: 0, host: '127.0.0.1', ...serverOptions });
  opened.push(server);
  const client = await createSseClientTransport({ url: `http://127.0.0.1:${server.port}/events`, reconnect: { initialDelayMs: 5, maxDelayMs: 20 }, ...clientOptions });
  opened.push(client);
  return { server, client };
}

describe('http-stream (SSE) transport', () => {
  it('writes id = eventId, event = eventType and the envelope as data on a text/event-stream response', async () => {
    const server = await createSseServerTransport({ port: 0, host: '127.0.0.1' });
    opened.push(server);
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${server.port}/events?address=shop.order.placed`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const e = createEnvelope('order.placed', 2, v2('1'), { aggregateId: '1', correlationId: 'c' });
    await server.publish('shop.order.placed', encodeEvent(e));
    await server.publish('shop.other', encodeEvent(createEnvelope('other', 1, {}, { aggregateId: 'x', correlationId: 'c' })));
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const { value } = await reader.read();
    expect(value).toBe(`id: ${e.eventId}\nevent: order.placed\ndata: ${JSON.stringify(e)}\n\n`);
    abort.abort();
    // no address: a 400 that says what is missing
    const bad = await fetch(`http://127.0.0.1:${server.port}/events`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('`address` query parameter');
  });

  it('a server pushes generated events to a client consumer: v1 upcast for the v2 handler, invalid and unknown versions dead-lettered', async () => {
    const { server, client } = await pair();
    const seen: EventEnvelope[] = [];
    const c = await gen.consumeOnOrderPlaced(client, { group: 'ui', handler: async (e: EventEnvelope) => void seen.push(e) });
    expect(server.connections).toBe(1);
    const p = gen.createShopEventsProducer(server);
    await p.publishOrderPlaced(v2('1'), { aggregateId: '1', correlationId: 'c' });
    await server.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 1, { orderId: '3', totalAmount: 1, currency: 'GBP' }, { aggregateId: '3', correlationId: 'c' })));
    await server.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 2, { orderId: '4' }, { aggregateId: '4', correlationId: 'c' })));
    await server.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 7, {}, { aggregateId: '5', correlationId: 'c' })));
    await until(() => seen.length + client.deadLetters.length === 4);
    expect(seen.map((e) => `${(e.payload as any).orderId}:${e.eventVersion}`)).toEqual(['1:2', '3:2']);
    expect((seen[1]!.payload as any).total).toEqual({ amount: '1.00', currency: 'GBP' });
    expect(client.deadLetters.map((d) => d.reason)).toEqual([
      expect.stringMatching(/^invalid order\.placed v2: \/payload must have required property 'total'/),
      'order.placed version 7 is newer than the latest this consumer knows (2)',
    ]);
    await c.close();
  });

  it('retries a failing handler in process, and a repeated event has no second effect with a processed-event store', async () => {
    const { server, client } = await pair();
    const calls: number[] = [];
    const store = createMemoryProcessedStore();
    const c = await gen.consumeOnOrderPlaced(client, {
      group: 'ui',
      store,
      retry: { maxAttempts: 5, initialDelayMs: 1 },
      handler: async (_e: EventEnvelope, ctx: { attempt: number }) => {
        calls.push(ctx.attempt);
        if (calls.length <= 2) throw new Error('not yet');
      },
    });
    const e = await gen.createShopEventsProducer(server).publishOrderPlaced(v2('1'), { aggregateId: '1', correlationId: 'c' });
    await server.publish('shop.order.placed', encodeEvent(e));
    const marker = createEnvelope('order.placed', 2, v2('2'), { aggregateId: '2', correlationId: 'c' });
    await server.publish('shop.order.placed', encodeEvent(marker));
    await until(() => store.has('ui', marker.eventId));
    expect(calls).toEqual([1, 2, 3, 1]);
    expect(store.has('ui', e.eventId)).toBe(true);
    await c.close();
  });

  it('reconnects after the stream drops and resumes with Last-Event-ID: the events published meanwhile arrive once, from the buffer', async () => {
    const server = await createSseServerTransport();
    opened.push(server);
    const lastIds: (string | undefined)[] = [];
    // a reconnect waits at this gate, so the events published meanwhile can only come from the buffer
    let gate: Promise<void> = Promise.resolve();
    const http: Server = createServer((req, res) => {
      lastIds.push(req.headers['last-event-id'] as string | undefined);
      void gate.then(() => server.handle(req, res));
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    opened.push({ close: () => new Promise<void>((r) => (http.closeAllConnections(), http.close(() => r()))) });
    const client = await createSseClientTransport({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/`, reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
    opened.push(client);
    const seen: string[] = [];
    const c = await gen.consumeOnOrderPlaced(client, { group: 'ui', handler: async (e: EventEnvelope) => void seen.push((e.payload as any).orderId) });
    const p = gen.createShopEventsProducer(server);
    const first = await p.publishOrderPlaced(v2('1'), { aggregateId: '1', correlationId: 'c' });
    await until(() => seen.length === 1);
    // the connection drops; two events are published while no stream is open
    let open!: () => void;
    gate = new Promise<void>((r) => (open = r));
    http.closeAllConnections();
    await until(() => server.connections === 0);
    await p.publishOrderPlaced(v2('2'), { aggregateId: '2', correlationId: 'c' });
    await p.publishOrderPlaced(v2('3'), { aggregateId: '3', correlationId: 'c' });
    open();
    await until(() => seen.length === 3);
    expect(seen).toEqual(['1', '2', '3']);
    expect(client.connects).toBe(2);
    expect(lastIds).toEqual([undefined, first.eventId]);
    await p.publishOrderPlaced(v2('4'), { aggregateId: '4', correlationId: 'c' });
    await until(() => seen.length === 4);
    expect(seen).toEqual(['1', '2', '3', '4']);
    await c.close();
  });

  it("sends the request's method, query and headers (http bindings), and a server's verifyClient refuses a client without them", async () => {
    const asked: string[] = [];
    const verifyClient = (req: IncomingMessage) => {
      asked.push(`${req.method} ${req.url} ${req.headers['x-api-key'] ?? '-'}`);
      return req.headers['x-api-key'] === 'k1';
    };
    const binding = { method: 'POST' as const, query: { room: { required: true } }, headers: { 'x-api-key': { required: true } } };
    expect(() => httpStreamRequest(binding)).toThrow('The event stream request needs query parameter `room`, header `x-api-key`');
    const { server, client } = await pair({ verifyClient }, httpStreamRequest(binding, { query: { room: 'r1' }, headers: { 'x-api-key': 'k1' } }));
    const c = await gen.consumeOnOrderPlaced(client, { group: 'ui', handler: async () => undefined });
    expect(asked).toEqual(['POST /events?room=r1&address=shop.order.placed k1']);
    // a refused first request is an error, not a drop to reconnect after
    const anonymous = await createSseClientTransport({ url: `http://127.0.0.1:${server.port}/events` });
    opened.push(anonymous);
    await expect(gen.consumeOnOrderPlaced(anonymous, { group: 'ui', handler: async () => undefined })).rejects.toThrow(/Event stream .* refused: HTTP 401/);
    expect(server.connections).toBe(1);
    await c.close();
  });

  it('is one way: publishing on the client and subscribing on the server say so', async () => {
    const { server, client } = await pair();
    await expect(client.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 2, v2('1'), { aggregateId: '1', correlationId: 'c' })))).rejects.toThrow('server to client only');
    await expect(server.subscribe({ address: 'shop.order.placed', group: 'g' }, async () => undefined)).rejects.toThrow('server to client only');
  });

  it('a first subscribe to a port where nothing listens rejects with a message that says so', async () => {
    const gone = await createSseServerTransport({ port: 0, host: '127.0.0.1' });
    const port = gone.port;
    await gone.close();
    const client = await createSseClientTransport({ url: `http://127.0.0.1:${port}/events` });
    opened.push(client);
    await expect(client.subscribe({ address: 'shop.order.placed', group: 'g' }, async () => undefined)).rejects.toThrow(/could not be opened: .*is the SSE server listening there/);
  });
});
