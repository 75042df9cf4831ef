/**
 * End to end: the committed, generated orders client (examples/orders) and a
 * client generated from the `kinds` fixture, against a real node:http server.
 * Covers parameters and bodies, typed errors, retries, timeouts, the circuit
 * breaker, pagination, 202 polling and server-sent events.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitOpenError, HttpProblemError, HttpTimeoutError, isHttpProblem } from '@contractkit/runtime/http';
import { createOrdersAPIClient, type CreateOrderArgs, OrderStatusValues } from '../../../examples/orders/generated/rest-client/index.js';
import { generateRestClient } from '../../../generators/rest-client/index.js';
import { loadContract, root, writeFiles } from './helpers.js';
import { startOrdersServer, type OrdersServer } from './orders-server.js';

let server: OrdersServer;
beforeAll(async () => void (server = await startOrdersServer()));
afterAll(() => server.close());

const newOrder = (customerId = '6c1f3a2e-4b7d-4f0a-9a61-2f9d1c8e7b34'): CreateOrderArgs['body'] => ({
  customerId,
  lineItems: [{ productId: 'sku-1', quantity: 2, unitPrice: { amount: '9.99', currency: 'USD' } }],
  shippingAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
  paymentMethod: { type: 'card', token: 'tok_visa' },
});

const fastRetry = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5 };

describe('generated orders client', () => {
  it('creates, reads, replaces, changes status and deletes an order', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url, auth: { type: 'bearer', token: () => 'tkn' }, retry: fastRetry });
    const created = await api.orders.createOrder({ body: newOrder() });
    expect(created).toMatchObject({ status: 'pending', customerId: newOrder().customerId });
    expect(OrderStatusValues).toContain(created.status);
    const got = await api.orders.getOrder({ path: { orderId: created.id } });
    expect(got.id).toBe(created.id);
    const replaced = await api.orders.replaceOrder({ path: { orderId: created.id }, body: { ...newOrder(), note: 'ring twice' } });
    expect(replaced.note).toBe('ring twice');
    const confirmed = await api.orders.updateOrderStatus({ path: { orderId: created.id }, body: { status: 'confirmed' } });
    expect(confirmed.status).toBe('confirmed');
    await expect(api.orders.deleteOrder({ path: { orderId: created.id } })).resolves.toBeUndefined();
  });

  it('turns error statuses into typed HttpProblemErrors with the problem body', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url, retry: false });
    const missing = await api.orders.getOrder({ path: { orderId: 'nope' } }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(HttpProblemError);
    expect(isHttpProblem(missing, 404)).toBe(true);
    expect((missing as HttpProblemError).problem).toMatchObject({ status: 404, title: 'Order not found' });
    const bad = await api.orders.createOrder({ body: { ...newOrder(), customerId: undefined as unknown as string } }).catch((e: unknown) => e);
    expect((bad as HttpProblemError).status).toBe(400);
    const created = await api.orders.createOrder({ body: newOrder() });
    const conflict = await api.orders.updateOrderStatus({ path: { orderId: created.id }, body: { status: 'delivered' } }).catch((e: unknown) => e);
    expect((conflict as HttpProblemError).status).toBe(409);
  });

  it('retries a GET on a flaky server (honoring Retry-After)', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url, retry: fastRetry });
    const created = await api.orders.createOrder({ body: newOrder() });
    server.state.failGets = 2;
    const before = server.state.requests.length;
    await expect(api.orders.getOrder({ path: { orderId: created.id } })).resolves.toMatchObject({ id: created.id });
    expect(server.state.requests.length - before).toBe(3);
  });

  it('never retries a POST without an idempotency key', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url, retry: fastRetry });
    // replaceOrder is PUT; createOrder declares Idempotency-Key, so use the raw client for a key-less POST
    const creates = server.state.creates;
    const before = server.state.requests.length;
    server.state.failPosts = 1;
    const error = await api.client.call({ method: 'POST', path: '/api/v1/orders', body: newOrder() }).catch((e: unknown) => e);
    expect((error as HttpProblemError).status).toBe(503);
    expect(server.state.requests.length - before).toBe(1);
    expect(server.state.creates - creates).toBe(1);
  });

  it('retries a POST with an idempotency key (generated when not given) and the server de-duplicates it', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url, retry: fastRetry });
    const creates = server.state.creates;
    server.state.failPosts = 2;
    const order = await api.orders.createOrder({ body: newOrder() });
    expect(server.state.creates - creates).toBe(1);
    expect(server.state.orders.get(order.id)).toBeDefined();
    server.state.failPosts = 1;
    const again = await api.orders.createOrder({ body: newOrder() }, { idempotencyKey: 'key-1' });
    const repeat = await api.orders.createOrder({ body: newOrder() }, { idempotencyKey: 'key-1' });
    expect(repeat.id).toBe(again.id);
    expect(server.state.creates - creates).toBe(2);
  });

  it('times out a slow call, and the caller can abort', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url, retry: false, timeoutMs: 5_000 });
    const created = await api.orders.createOrder({ body: newOrder() });
    server.state.delayMs = 300;
    try {
      await expect(api.orders.getOrder({ path: { orderId: created.id } }, { timeoutMs: 50 })).rejects.toBeInstanceOf(HttpTimeoutError);
      const controller = new AbortController();
      const pending = api.orders.getOrder({ path: { orderId: created.id } }, { signal: controller.signal });
      controller.abort(new Error('caller gave up'));
      await expect(pending).rejects.toThrow('caller gave up');
    } finally {
      server.state.delayMs = 0;
    }
  });

  it('opens the circuit after consecutive failures, fails fast, and recovers half-open', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url, retry: false, circuitBreaker: { threshold: 3, halfOpenAfterMs: 100 } });
    const created = await api.orders.createOrder({ body: newOrder() });
    server.state.down = true;
    for (let i = 0; i < 3; i++) await expect(api.orders.getOrder({ path: { orderId: created.id } })).rejects.toBeInstanceOf(HttpProblemError);
    const before = server.state.requests.length;
    await expect(api.orders.getOrder({ path: { orderId: created.id } })).rejects.toBeInstanceOf(CircuitOpenError);
    expect(server.state.requests.length).toBe(before);
    server.state.down = false;
    await new Promise((r) => setTimeout(r, 150));
    await expect(api.orders.getOrder({ path: { orderId: created.id } })).resolves.toMatchObject({ id: created.id });
  });

  it('iterates every order of a customer over several cursor pages', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url });
    const customer = '11111111-2222-4333-8444-555555555555';
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await api.orders.createOrder({ body: newOrder(customer) })).id);
    const before = server.state.requests.length;
    const seen: string[] = [];
    for await (const order of api.orders.listCustomerOrders.all({ path: { customerId: customer }, query: { limit: 2 } })) seen.push(order.id);
    expect(seen).toEqual(ids);
    expect(server.state.requests.length - before).toBe(3);
    const page = await api.orders.listCustomerOrders({ path: { customerId: customer }, query: { limit: 2 } });
    expect(page).toMatchObject({ hasMore: true, nextCursor: '2' });
  });

  it('polls an accepted (202) export until it completes', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url });
    const handle = await api.exports.createOrderExport({ path: { orderId: 'o-1' }, body: { format: 'pdf' } });
    expect(handle.status).toBe(202);
    expect(handle.statusUrl).toBe(`${server.url}${handle.accepted.statusUrl}`);
    const final = await handle.wait({ intervalMs: 1, timeoutMs: 10_000 });
    expect(final).toMatchObject({ status: 'completed', result: { downloadUrl: 'https://files.test/x.pdf' } });
    expect(server.state.exportPolls.get(handle.accepted.requestId)).toBe(3);
  });
});

describe('generated client of every parameter and body kind', () => {
  // generated under node_modules/.cache so `@contractkit/runtime` resolves from there
  let kinds: Record<string, (...args: unknown[]) => unknown>;
  beforeAll(async () => {
    const contract = await loadContract(join(root, 'test/fixtures/rest-client/kinds.yaml'), 'kinds');
    const base = join(root, 'node_modules/.cache');
    mkdirSync(base, { recursive: true });
    const dir = writeFiles(generateRestClient(contract), mkdtempSync(join(base, 'ck-rest-kinds-')));
    const mod = (await import(join(dir, 'index.ts'))) as { createKindsClient: (o: object) => { default_: typeof kinds } };
    kinds = mod.createKindsClient({ baseUrl: server.url }).default_;
  });

  it('streams server-sent events with query arrays, cookies and headers', async () => {
    const events: { event: string; data: unknown; id?: string }[] = [];
    for await (const e of kinds.streamEvents!({ query: { topic: ['a', 'b'] }, cookies: { session: 's 1' }, headers: { 'X-Trace': 't-1' } }) as AsyncIterable<{ event: string; data: unknown; id?: string }>) events.push(e);
    expect(events[0]).toEqual({ event: 'meta', data: { n: 0, cookie: 'session=s%201', trace: 't-1', topics: ['a', 'b'] } });
    expect(events.slice(1)).toEqual([1, 2, 3].map((n) => ({ event: 'message', data: { n }, id: String(n) })));
  });

  it('sends multipart, form and binary bodies', async () => {
    const up = (await kinds.upload!({ body: { file: new Blob(['hello file'], { type: 'text/plain' }), note: 'n1' } })) as { contentType: string; body: string };
    expect(up.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(up.body).toContain('hello file');
    expect(up.body).toContain('name="note"');
    const form = (await kinds.submitForm!({ body: { name: 'Ada L', age: 36 } })) as { contentType: string; body: string };
    expect(form).toMatchObject({ contentType: 'application/x-www-form-urlencoded', body: 'name=Ada+L&age=36' });
    const blob = (await kinds.putBlob!({ path: { name: 'a b' }, body: new Uint8Array([104, 105]) })) as { contentType: string; body: string; path: string };
    expect(blob).toEqual({ contentType: 'application/octet-stream', body: 'hi', path: '/blobs/a%20b' });
  });
});
