/**
 * The WebSocket transport on loopback (a real `ws` server in the test): the
 * generated shop producers and consumers over it in both directions, with the
 * envelope, validation, upcasting, retries and the idempotent consumer;
 * reconnect; the handshake's query and headers. A publish resolves once the
 * peer has settled the message, so no test waits on a clock.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnvelope,
  createMemoryProcessedStore,
  createWebSocketClientTransport,
  createWebSocketServerTransport,
  encodeEvent,
  type EventEnvelope,
  type Transport,
} from '@contractkit/runtime/events';
import { join } from 'node:path';
import { generateShop } from '../../generators/events/helpers.js';

let gen: any;
beforeAll(async () => {
  gen = await import(join(await generateShop(), 'index.ts'));
}, 60_000);

const opened: Transport[] = [];
afterEach(async () => {
  for (const t of opened.splice(0).reverse()) await t.close();
});
async function pair(serverOptions = {}, clientOptions = {}) {
  const server = await createWebSocketServerTransport({ host: '127.0.0.1', ...serverOptions });
  opened.push(server);
  const client = await createWebSocketClientTransport({ url: `ws://127.0.0.1:${server.port}/events`, reconnect: { initialDelayMs: 10, maxDelayMs: 50 }, ...clientOptions });
  opened.push(client);
  return { server, client };
}
const v2 = (orderId: string) => ({ orderId, total: { amount: '10.00', currency: 'EUR' } });

describe('websocket transport', () => {
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
    // each publish resolved after the client settled it
    expect(seen.map((e) => `${(e.payload as any).orderId}:${e.eventVersion}`)).toEqual(['1:2', '3:2']);
    expect((seen[1]!.payload as any).total).toEqual({ amount: '1.00', currency: 'GBP' });
    expect(client.deadLetters.map((d) => d.reason)).toEqual([
      expect.stringMatching(/^invalid order\.placed v2: \/payload must have required property 'total'/),
      'order.placed version 7 is newer than the latest this consumer knows (2)',
    ]);
    await c.close();
  });

  it('a client publishes to a server consumer: retried until the handler succeeds, a repeat of the same event has no second effect', async () => {
    const { server, client } = await pair();
    const calls: number[] = [];
    const store = createMemoryProcessedStore();
    const c = await gen.consumeOnStockChanged(server, {
      group: 'stock',
      store,
      retry: { maxAttempts: 5, initialDelayMs: 5 },
      handler: async (_e: EventEnvelope, ctx: { attempt: number }) => {
        calls.push(ctx.attempt);
        if (calls.length <= 2) throw new Error('not yet');
      },
    });
    const p = gen.createShopEventsProducer(client);
    const e = await p.publishStockChanged({ sku: 'b', quantity: 1 }, { aggregateId: 'b', correlationId: 'c', params: { sku: 'b' } });
    expect(calls).toEqual([1, 2, 3]);
    await client.publish('shop.stock.b.changed', encodeEvent(e));
    expect(calls).toEqual([1, 2, 3]);
    expect(store.has('stock', e.eventId)).toBe(true);
    await c.close();
  });

  it('a message nobody subscribed to is acked at once, and a server with no subscribed client resolves a publish', async () => {
    const { server, client } = await pair();
    await client.publish('shop.nowhere', encodeEvent(createEnvelope('x', 1, {}, { aggregateId: 'a', correlationId: 'c' })));
    await server.publish('shop.order.placed', encodeEvent(createEnvelope('order.placed', 2, v2('1'), { aggregateId: '1', correlationId: 'c' })));
  });

  it('the client reconnects to a restarted server, subscribes again, and sends what it published while disconnected', async () => {
    const first = await createWebSocketServerTransport({ host: '127.0.0.1' });
    const port = first.port;
    const client = await createWebSocketClientTransport({ url: `ws://127.0.0.1:${port}`, reconnect: { initialDelayMs: 10, maxDelayMs: 50 } });
    opened.push(client);
    const seen: EventEnvelope[] = [];
    const c = await gen.consumeOnOrderPlaced(client, { group: 'ui', handler: async (e: EventEnvelope) => void seen.push(e) });
    await first.close();
    const received: EventEnvelope[] = [];
    const late = client.publish('shop.stock.z.changed', encodeEvent(createEnvelope('stock.changed', 1, { sku: 'z', quantity: 2 }, { aggregateId: 'z', correlationId: 'c' })));
    const second = await createWebSocketServerTransport({ host: '127.0.0.1', port });
    opened.push(second);
    const sc = await gen.consumeOnStockChanged(second, { group: 'stock', handler: async (e: EventEnvelope) => void received.push(e) });
    await client.connected();
    await late;
    expect(received.map((e) => e.payload)).toEqual([{ sku: 'z', quantity: 2 }]);
    expect(client.connects).toBe(2);
    // the subscription came back with the connection: its sub frame went ahead of the late publish the server acked
    await gen.createShopEventsProducer(second).publishOrderPlaced(v2('9'), { aggregateId: '9', correlationId: 'c' });
    expect(seen.map((e) => (e.payload as any).orderId)).toEqual(['9']);
    await sc.close();
    await c.close();
  });

  it("sends the handshake's query and headers (ws bindings), and a server's verifyClient refuses a client without them", async () => {
    const asked: string[] = [];
    const verifyClient = (req: import('node:http').IncomingMessage) => {
      asked.push(`${req.url} ${req.headers['x-api-key'] ?? '-'}`);
      return req.headers['x-api-key'] === 'k1';
    };
    const { server } = await pair({ verifyClient }, { query: { heartbeat: true, top_of_book: 'x' }, headers: { 'x-api-key': 'k1' } });
    expect(asked).toEqual(['/events?heartbeat=true&top_of_book=x k1']);
    // a refused first handshake is an error, not a drop to reconnect after
    await expect(createWebSocketClientTransport({ url: `ws://127.0.0.1:${server.port}/events` })).rejects.toThrow(/handshake .* refused: HTTP 401/);
    expect(asked.slice(1)).toEqual(['/events -']);
    expect(server.connections).toBe(1);
  });
});
