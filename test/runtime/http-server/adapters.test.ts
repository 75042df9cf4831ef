/**
 * The fastify, express and hono adapters, each with the real framework on
 * loopback, serving the generated orders server: a created order reads back,
 * validation answers 400 with its pointer, the bearer hook answers 401, and
 * a path no operation answers is the framework's (express: next middleware)
 * or the router's 404.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createMemoryIdempotencyStore, problem } from '@contractkit/runtime/http-server';
import { fastifyPlugin } from '@contractkit/runtime/http-server/fastify';
import { expressMiddleware } from '@contractkit/runtime/http-server/express';
import { honoHandler } from '@contractkit/runtime/http-server/hono';
import { createOrdersAPIServer, type Order } from '../../../examples/orders/generated/rest-server/index.js';
import { ordersHandlers } from '../../generators/rest-server/orders-handlers.js';

const customerId = '6c1f3a2e-4b7d-4f0a-9a61-2f9d1c8e7b34';
const newOrder = {
  customerId,
  lineItems: [{ productId: 'sku-1', quantity: 2, unitPrice: { amount: '9.99', currency: 'USD' } }],
  shippingAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
  paymentMethod: { type: 'card', token: 'tok_visa' },
};

const orders = new Map<string, Order>();
const handlers = ordersHandlers({
  createOrder: ({ body }) => {
    const now = new Date().toISOString();
    const { paymentMethod: _, ...rest } = body;
    const order: Order = { ...rest, id: randomUUID(), status: 'pending', total: { amount: '19.98', currency: 'USD' }, paymentMethod: { type: 'card', last4: '4242' }, createdAt: now, updatedAt: now };
    orders.set(order.id, order);
    return { status: 201, body: order };
  },
  getOrder: ({ path }) => {
    const order = orders.get(path.orderId);
    return order ? { status: 200, body: order } : problem(404, `No order ${path.orderId}.`);
  },
});
const rest = createOrdersAPIServer(handlers, { security: { bearerAuth: (t) => t === 'secret' }, idempotency: { store: createMemoryIdempotencyStore() } });

const servers: { name: string; url: string; close: () => Promise<unknown> }[] = [];
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

beforeAll(async () => {
  const f = Fastify();
  await f.register(fastifyPlugin(rest));
  await f.listen({ port: 0, host: '127.0.0.1' });
  servers.push({ name: 'fastify', url: urlOf(f.server), close: () => f.close() });

  const app = express();
  app.use(expressMiddleware(rest));
  app.use((_req, res) => void res.status(418).send('express fallthrough'));
  const e = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push({ name: 'express', url: urlOf(e), close: () => new Promise((r) => e.close(r)) });

  const hono = new Hono();
  hono.all('*', honoHandler(rest));
  const h = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  servers.push({ name: 'hono', url: urlOf(h), close: () => new Promise((r) => h.close(r)) });
});
afterAll(async () => {
  for (const s of servers) await s.close();
});

const headers = { authorization: 'Bearer secret', 'content-type': 'application/json' };

describe.each(['fastify', 'express', 'hono'])('the %s adapter', (name) => {
  const url = () => servers.find((s) => s.name === name)!.url;

  it('creates an order and reads it back', async () => {
    const res = await fetch(`${url()}/api/v1/orders`, { method: 'POST', headers, body: JSON.stringify(newOrder) });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Order;
    const got = await fetch(`${url()}/api/v1/orders/${created.id}`, { headers });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toContain('application/json');
    expect(await got.json()).toEqual(created);
  });

  it('answers 400 naming the pointer, and 401 without a token', async () => {
    const bad = await fetch(`${url()}/api/v1/orders`, { method: 'POST', headers, body: JSON.stringify({ ...newOrder, customerId: 7 }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe('/body/customerId');
    const anon = await fetch(`${url()}/api/v1/orders/${randomUUID()}`);
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
  });

  it('leaves a path no operation answers to the framework (express) or answers 404', async () => {
    const res = await fetch(`${url()}/elsewhere`);
    expect(res.status).toBe(name === 'express' ? 418 : 404);
  });
});
