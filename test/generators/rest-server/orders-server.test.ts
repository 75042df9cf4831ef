/**
 * End to end: the committed, generated orders server (examples/orders) with
 * in-memory handlers, answered over real node:http and called with the
 * committed, generated orders client. Covers validation (400 naming the
 * pointer), coercion and defaults of parameters, the bearer hook (401),
 * 404/405/413/415/500 problem details, HEAD and OPTIONS, and `validateResponses`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpProblemError } from '@contractkit/runtime/http';
import { createMemoryIdempotencyStore, problem, type ListeningServer } from '@contractkit/runtime/http-server';
import { createOrdersAPIClient } from '../../../examples/orders/generated/rest-client/index.js';
import { createOrdersAPIServer, type Order } from '../../../examples/orders/generated/rest-server/index.js';
import { ordersHandlers } from './orders-handlers.js';

const customerId = '6c1f3a2e-4b7d-4f0a-9a61-2f9d1c8e7b34';
const newOrder = () => ({
  customerId,
  lineItems: [{ productId: 'sku-1', quantity: 2, unitPrice: { amount: '9.99', currency: 'USD' } }],
  shippingAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
  paymentMethod: { type: 'card' as const, token: 'tok_visa' },
});

const orders = new Map<string, Order>();
let creates = 0;
const seen: { limit?: unknown; auth?: unknown } = {};
const logged: string[] = [];
const handlers = ordersHandlers({
  createOrder: ({ body }, ctx) => {
    seen.auth = ctx.auth.bearerAuth;
    creates++;
    const now = new Date().toISOString();
    const { paymentMethod, ...rest } = body;
    const order: Order = { ...rest, id: randomUUID(), status: 'pending', total: { amount: '19.98', currency: 'USD' }, paymentMethod: paymentMethod.type === 'card' ? { type: 'card', last4: '4242' } : paymentMethod, createdAt: now, updatedAt: now };
    orders.set(order.id, order);
    return { status: 201, body: order, headers: { Location: `/api/v1/orders/${order.id}` } };
  },
  getOrder: ({ path }) => {
    const order = orders.get(path.orderId);
    if (path.orderId === '00000000-0000-4000-8000-000000000000') throw new Error('boom');
    // an answer the contract does not allow: caught by validateResponses
    if (path.orderId === '00000000-0000-4000-8000-000000000001') return { status: 200, body: { id: 'not an order' } as unknown as Order };
    return order ? { status: 200, body: order } : problem(404, `No order ${path.orderId}.`);
  },
  listCustomerOrders: ({ query }) => {
    seen.limit = query.limit;
    return { status: 200, body: { data: [...orders.values()].slice(0, query.limit), nextCursor: null, hasMore: false } };
  },
  createOrderExport: (req, ctx) =>
    ctx.accept(async () => ({ downloadUrl: `https://files.test/${req.path.orderId}.${req.body.format}`, expiresAt: '2030-01-01T00:00:00.000Z' }), { body: (job, statusUrl) => ({ requestId: job.id, statusUrl }), retryAfterSeconds: 0 }),
  getExportStatus: async ({ path }, ctx) => {
    const job = await ctx.jobs.get(path.exportId);
    if (!job) return problem(404, `No export ${path.exportId}.`);
    const status = job.status === 'succeeded' ? 'completed' : job.status;
    return { status: 200, body: { requestId: job.id, status, ...(job.status === 'succeeded' ? { result: job.result as { downloadUrl: string; expiresAt: string } } : {}) } };
  },
});

let server: ListeningServer;
beforeAll(async () => {
  const rest = createOrdersAPIServer(handlers, {
    security: { bearerAuth: (token) => (token === 'secret' ? { user: 'ada' } : undefined) },
    idempotency: { store: createMemoryIdempotencyStore() },
    validateResponses: true,
    bodyLimit: 4096,
    log: (message) => void logged.push(message),
  });
  server = await rest.listen();
});
afterAll(() => server.close());

const auth = { authorization: 'Bearer secret' };
const send = (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
  fetch(server.url + path, { method, headers: { ...auth, 'content-type': 'application/json', ...init.headers }, ...(init.body !== undefined ? { body: init.body } : {}) });

describe('generated orders server', () => {
  it('serves the generated client: create and read back, with the principal of the bearer hook', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url, auth: { type: 'bearer', token: () => 'secret' }, retry: false });
    const created = await api.orders.createOrder({ body: newOrder() });
    expect(created).toMatchObject({ status: 'pending', customerId });
    expect(seen.auth).toEqual({ user: 'ada' });
    expect(await api.orders.getOrder({ path: { orderId: created.id } })).toEqual(created);
    const missing = await api.orders.getOrder({ path: { orderId: randomUUID() } }).catch((e: unknown) => e);
    expect((missing as HttpProblemError).status).toBe(404);
  });

  it('replays the first answer for a repeated Idempotency-Key, and answers 409 for the key with another body', async () => {
    const key = randomUUID();
    const before = creates;
    const first = await send('POST', '/api/v1/orders', { body: JSON.stringify(newOrder()), headers: { 'idempotency-key': key } });
    const again = await send('POST', '/api/v1/orders', { body: JSON.stringify(newOrder()), headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(creates - before).toBe(1);
    const other = await send('POST', '/api/v1/orders', { body: JSON.stringify({ ...newOrder(), note: 'other' }), headers: { 'idempotency-key': key } });
    expect(other.status).toBe(409);
    expect(creates - before).toBe(1);
  });

  it('answers a 202 operation with Location and Retry-After, and the status operation from the job store', async () => {
    const api = createOrdersAPIClient({ baseUrl: server.url, auth: { type: 'bearer', token: () => 'secret' }, retry: false });
    const orderId = randomUUID();
    const res = await send('POST', `/api/v1/orders/${orderId}/exports`, { body: JSON.stringify({ format: 'pdf' }) });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { requestId: string; statusUrl: string };
    expect(accepted.statusUrl).toBe(`/api/v1/orders/${orderId}/exports/${accepted.requestId}`);
    expect(res.headers.get('location')).toBe(accepted.statusUrl);
    expect(res.headers.get('retry-after')).toBe('0');
    // the generated client polls the status URL until the job is done
    const handle = await api.exports.createOrderExport({ path: { orderId }, body: { format: 'csv' } });
    const done = await handle.wait({ intervalMs: 5 });
    expect(done).toMatchObject({ status: 'completed', result: { downloadUrl: `https://files.test/${orderId}.csv` } });
  });

  it('answers 401 problem details with WWW-Authenticate when the hook rejects or no token is sent', async () => {
    for (const headers of [{ authorization: 'Bearer wrong' }, { authorization: '' }]) {
      const res = await send('GET', `/api/v1/orders/${randomUUID()}`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('answers 400 naming the JSON pointer of an invalid body member, a missing one and a bad path parameter', async () => {
    const bad = { ...newOrder(), lineItems: [{ productId: 'sku-1', quantity: 0, unitPrice: { amount: '1.00', currency: 'USD' } }] };
    const res = await send('POST', '/api/v1/orders', { body: JSON.stringify(bad) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { pointer: string }[]; detail: string };
    expect(body.errors[0]!.pointer).toBe('/body/lineItems/0/quantity');
    expect(body.detail).toContain('/body/lineItems/0/quantity');
    const { customerId: _, ...noCustomer } = newOrder();
    const missing = await send('POST', '/api/v1/orders', { body: JSON.stringify(noCustomer) });
    expect(((await missing.json()) as { errors: { pointer: string; detail: string }[] }).errors[0]).toEqual({ pointer: '/body/customerId', detail: 'is required' });
    const path = await send('GET', '/api/v1/orders/not-a-uuid');
    expect(path.status).toBe(400);
    expect(((await path.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe('/path/orderId');
    const json = await send('POST', '/api/v1/orders', { body: '{"customerId":' });
    expect(json.status).toBe(400);
    const empty = await send('POST', '/api/v1/orders');
    expect(((await empty.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe('/body');
  });

  it('coerces query parameters to their schema types and fills in defaults', async () => {
    expect((await send('GET', `/api/v1/customers/${customerId}/orders?limit=5`)).status).toBe(200);
    expect(seen.limit).toBe(5);
    await send('GET', `/api/v1/customers/${customerId}/orders`);
    expect(seen.limit).toBe(20);
    const bad = await send('GET', `/api/v1/customers/${customerId}/orders?limit=many`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe('/query/limit');
    const enumBad = await send('GET', `/api/v1/customers/${customerId}/orders?status=lost`);
    expect(((await enumBad.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe('/query/status');
  });

  it('answers 404, 405 (with Allow), OPTIONS and HEAD from the route table', async () => {
    const none = await send('GET', '/api/v1/nothing');
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ status: 404, title: 'Not Found' });
    const wrong = await send('POST', `/api/v1/orders/${randomUUID()}`, { body: '{}' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PUT, DELETE, HEAD');
    const options = await send('OPTIONS', `/api/v1/orders/${randomUUID()}`);
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, PUT, DELETE, HEAD, OPTIONS');
    const api = createOrdersAPIClient({ baseUrl: server.url, auth: { type: 'bearer', token: () => 'secret' }, retry: false });
    const created = await api.orders.createOrder({ body: newOrder() });
    const head = await send('HEAD', `/api/v1/orders/${created.id}`);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json');
    expect(await head.text()).toBe('');
  });

  it('answers 415 for an undeclared media type and 413 past the body limit', async () => {
    const text = await send('POST', '/api/v1/orders', { body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
    const big = await send('POST', '/api/v1/orders', { body: JSON.stringify({ ...newOrder(), note: 'x'.repeat(5000) }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ status: 413 });
  });

  it('answers 500 problem details when a handler throws, and when validateResponses catches an answer the contract does not allow', async () => {
    const thrown = await send('GET', '/api/v1/orders/00000000-0000-4000-8000-000000000000');
    expect(thrown.status).toBe(500);
    expect(await thrown.json()).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(logged.some((l) => l.includes('getOrder failed'))).toBe(true);
    const wrong = await send('GET', '/api/v1/orders/00000000-0000-4000-8000-000000000001');
    expect(wrong.status).toBe(500);
    expect(logged.some((l) => l.includes('getOrder answered 200 with a body the contract does not allow'))).toBe(true);
  });
});
