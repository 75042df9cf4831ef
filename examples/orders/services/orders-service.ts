/**
 * The orders service of the example, on the server generated from
 * openapi/orders.yaml (`generated/rest-server`): the handlers below are the
 * whole service. Routing, request validation, problem details, the bearer
 * check, `Idempotency-Key` (a repeated key answers the first response and
 * applies nothing again; the same key with another body answers 409) and
 * 202-and-poll for exports come from the generated server and its runtime.
 */
import { randomUUID } from 'node:crypto';
import { createMemoryIdempotencyStore, problem } from '@contractkit/runtime/http-server';
import type { ExportResult, Order, Shipment } from '../generated/rest-server/index.js';
import { createOrdersAPIServer, type OrdersAPIHandlers } from '../generated/rest-server/index.js';
import { createEffectLog, takeFault, type EffectLog, type Fault } from './effects.js';

/** The bearer token the example's clients send (the service accepts no other). */
export const ORDERS_SERVICE_TOKEN = 'example-orders-token';

/** A running orders service. */
export interface OrdersService {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly orders: Map<string, Order>;
  readonly shipments: Map<string, Shipment>;
  readonly effects: EffectLog;
  /** Fails the next `times` calls of `operationId` with HTTP `status`. */
  fail(operationId: 'createOrder' | 'cancelOrder' | 'createShipment', status: number, times?: number): void;
  close(): Promise<void>;
}

function sum(items: Order['lineItems']): Order['total'] {
  const currency = items[0]?.unitPrice.currency ?? 'EUR';
  const cents = items.reduce((n, i) => n + Math.round(Number(i.unitPrice.amount) * 100) * i.quantity, 0);
  return { amount: (cents / 100).toFixed(2), currency };
}

/** Starts the orders service on `127.0.0.1` (port 0: any free port). */
export async function startOrdersService(options: { port?: number } = {}): Promise<OrdersService> {
  const orders = new Map<string, Order>();
  const shipments = new Map<string, Shipment>();
  const effects = createEffectLog();
  const faults = new Map<string, Fault>();
  const now = () => new Date().toISOString();
  const notFound = (what: string, id: string) => problem(404, `No ${what} ${id}.`);
  // an injected fault answers a status the contract may not declare (422): the test double's privilege
  const injected = (operationId: string) => {
    const fault = takeFault(faults, operationId);
    return fault && (problem(fault.code, fault.message ?? `${operationId} failed (injected fault).`, { title: fault.code >= 500 ? 'Service Unavailable' : 'Refused' }) as ReturnType<typeof problem<503>>);
  };

  const handlers: OrdersAPIHandlers = {
    createOrder({ body, headers }) {
      const fault = injected('createOrder');
      if (fault) return fault;
      const { paymentMethod } = body;
      const order: Order = {
        id: randomUUID(),
        customerId: body.customerId,
        status: 'pending',
        lineItems: body.lineItems,
        total: sum(body.lineItems),
        shippingAddress: body.shippingAddress,
        // the card token is write-only: never stored or returned
        paymentMethod: paymentMethod.type === 'card' ? { type: 'card', last4: paymentMethod.token.slice(-4) } : paymentMethod,
        createdAt: now(),
        updatedAt: now(),
      };
      if (body.note !== undefined) order.note = body.note;
      orders.set(order.id, order);
      effects.apply('createOrder', headers['idempotency-key'] ?? '(no key)');
      return { status: 201, body: order, headers: { Location: `/api/v1/orders/${order.id}` } };
    },
    getOrder({ path }) {
      const order = orders.get(path.orderId);
      return order ? { status: 200, body: order } : notFound('order', path.orderId);
    },
    replaceOrder({ path, body }) {
      const order = orders.get(path.orderId);
      if (!order) return notFound('order', path.orderId);
      if (order.status !== 'pending') return problem(409, `Order ${path.orderId} is ${order.status}; only a pending order can be replaced.`);
      const { paymentMethod } = body;
      Object.assign(order, { lineItems: body.lineItems, total: sum(body.lineItems), shippingAddress: body.shippingAddress, updatedAt: now() });
      order.paymentMethod = paymentMethod.type === 'card' ? { type: 'card', last4: paymentMethod.token.slice(-4) } : paymentMethod;
      if (body.note !== undefined) order.note = body.note;
      return { status: 200, body: order };
    },
    deleteOrder({ path }) {
      const order = orders.get(path.orderId);
      if (!order) return notFound('order', path.orderId);
      if (order.status !== 'pending' && order.status !== 'cancelled') return problem(409, `Order ${path.orderId} is ${order.status}.`);
      orders.delete(path.orderId);
      return { status: 204 };
    },
    updateOrderStatus({ path, body }) {
      const order = orders.get(path.orderId);
      if (!order) return notFound('order', path.orderId);
      const forward = ['pending', 'confirmed', 'shipped', 'delivered'];
      if (forward.indexOf(body.status) !== forward.indexOf(order.status) + 1) return problem(409, `Order ${path.orderId} cannot go from ${order.status} to ${body.status}.`);
      order.status = body.status;
      order.updatedAt = now();
      return { status: 200, body: order };
    },
    cancelOrder({ path, body, headers }) {
      const fault = injected('cancelOrder');
      if (fault) return fault;
      const order = orders.get(path.orderId);
      if (!order) return notFound('order', path.orderId);
      if (order.status === 'shipped' || order.status === 'delivered') return problem(409, `Order ${path.orderId} is already ${order.status}.`);
      order.status = 'cancelled';
      order.updatedAt = now();
      effects.apply('cancelOrder', headers['idempotency-key'] ?? '(no key)');
      return { status: 201, body: { id: randomUUID(), orderId: order.id, reason: body.reason, ...(body.comment ? { comment: body.comment } : {}), createdAt: now() } };
    },
    createShipment({ path, body, headers }) {
      const fault = injected('createShipment');
      if (fault) return fault;
      const order = orders.get(path.orderId);
      if (!order) return notFound('order', path.orderId);
      if (order.status === 'cancelled') return problem(409, `Order ${path.orderId} is cancelled.`);
      const shipment: Shipment = { id: randomUUID(), orderId: order.id, carrier: body.carrier, serviceLevel: body.serviceLevel ?? 'standard', status: 'pending', createdAt: now() };
      shipments.set(shipment.id, shipment);
      order.status = 'shipped';
      order.updatedAt = now();
      effects.apply('createShipment', headers['idempotency-key'] ?? '(no key)');
      return { status: 201, body: shipment, headers: { Location: `/api/v1/orders/${order.id}/shipments/${shipment.id}` } };
    },
    getShipment({ path }) {
      const shipment = shipments.get(path.shipmentId);
      return shipment && shipment.orderId === path.orderId ? { status: 200, body: shipment } : notFound('shipment', path.shipmentId);
    },
    listCustomerOrders({ path, query }) {
      const all = [...orders.values()].filter((o) => o.customerId === path.customerId && (query.status === undefined || o.status === query.status)).reverse();
      const start = query.cursor ? Number(query.cursor) : 0;
      const page = all.slice(start, start + (query.limit ?? 20));
      const next = start + page.length;
      return { status: 200, body: { data: page, nextCursor: next < all.length ? String(next) : null, hasMore: next < all.length } };
    },
    createOrderExport({ path, body }, ctx) {
      if (!orders.has(path.orderId)) return notFound('order', path.orderId);
      // rendering is a job: the 202 points at getExportStatus, which answers from the job store
      return ctx.accept(async (): Promise<ExportResult> => ({ downloadUrl: `https://files.acme-shop.test/${path.orderId}.${body.format}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }), {
        body: (job, statusUrl) => ({ requestId: job.id, statusUrl }),
        retryAfterSeconds: 1,
      });
    },
    async getExportStatus({ path }, ctx) {
      const job = await ctx.jobs.get(path.exportId);
      if (!job) return notFound('export', path.exportId);
      const status = job.status === 'succeeded' ? 'completed' : job.status;
      return { status: 200, body: { requestId: job.id, status, ...(job.status === 'succeeded' ? { result: job.result as ExportResult } : {}) }, headers: status === 'completed' || status === 'failed' ? {} : { 'Retry-After': 1 } };
    },
  };

  const server = createOrdersAPIServer(handlers, {
    security: { bearerAuth: (token) => (token === ORDERS_SERVICE_TOKEN ? { client: 'example' } : undefined) },
    idempotency: { store: createMemoryIdempotencyStore() },
  });
  const listening = await server.listen({ port: options.port ?? 0 });
  return {
    url: listening.url,
    orders,
    shipments,
    effects,
    fail: (operationId, status, times = 1) => void faults.set(operationId, { code: status, times }),
    close: () => listening.close(),
  };
}
