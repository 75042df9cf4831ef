/**
 * The orders service of the example (REST on node:http), implementing the
 * operations the place-order saga calls from openapi/orders.yaml: createOrder,
 * cancelOrder, createShipment (and getOrder). POSTs honor `Idempotency-Key`:
 * a repeated key answers the first response and applies nothing again; the
 * same key with another body answers 409. Errors are RFC 9457 problem details.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withHttpServerSpan } from '@contractkit/runtime/http';
import type { Cancellation, CancellationWritable, CreateOrderRequestWritable, CreateShipmentRequest, Order, Shipment } from '../generated/rest-client/index.js';
import { createEffectLog, takeFault, type EffectLog, type Fault } from './effects.js';

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

type Reply = { status: number; body: unknown };

const problem = (status: number, title: string, detail: string): Reply => ({ status, body: { type: 'about:blank', title, status, detail } });

function sum(items: CreateOrderRequestWritable['lineItems']): Order['total'] {
  const currency = items[0]?.unitPrice.currency ?? 'EUR';
  const cents = items.reduce((n, i) => n + Math.round(Number(i.unitPrice.amount) * 100) * i.quantity, 0);
  return { amount: (cents / 100).toFixed(2), currency };
}

/** JSON with sorted keys: the same request compares equal whatever order its fields came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/** Starts the orders service on `127.0.0.1` (port 0: any free port). */
export async function startOrdersService(options: { port?: number } = {}): Promise<OrdersService> {
  const orders = new Map<string, Order>();
  const shipments = new Map<string, Shipment>();
  const effects = createEffectLog();
  const faults = new Map<string, Fault>();
  // Idempotency-Key → the request it came with and the first response
  const replays = new Map<string, { fingerprint: string; reply: Reply }>();
  const now = () => new Date().toISOString();

  const handlers: Record<string, (params: string[], body: any, key: string) => Reply> = {
    createOrder(_, body: CreateOrderRequestWritable, key) {
      if (!body?.customerId || !Array.isArray(body.lineItems) || body.lineItems.length === 0) return problem(400, 'Bad Request', 'customerId and at least one line item are required.');
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
      orders.set(order.id, order);
      effects.apply('createOrder', key);
      return { status: 201, body: order };
    },
    cancelOrder([orderId], body: CancellationWritable, key) {
      const order = orders.get(orderId!);
      if (!order) return problem(404, 'Not Found', `No order ${orderId}.`);
      if (order.status === 'shipped' || order.status === 'delivered') return problem(409, 'Conflict', `Order ${orderId} is already ${order.status}.`);
      order.status = 'cancelled';
      order.updatedAt = now();
      const cancellation: Cancellation = { id: randomUUID(), orderId: order.id, reason: body?.reason ?? 'other', ...(body?.comment ? { comment: body.comment } : {}), createdAt: now() };
      effects.apply('cancelOrder', key);
      return { status: 201, body: cancellation };
    },
    createShipment([orderId], body: CreateShipmentRequest, key) {
      const order = orders.get(orderId!);
      if (!order) return problem(404, 'Not Found', `No order ${orderId}.`);
      if (order.status === 'cancelled') return problem(409, 'Conflict', `Order ${orderId} is cancelled.`);
      const shipment: Shipment = { id: randomUUID(), orderId: order.id, carrier: body?.carrier ?? 'dhl', serviceLevel: body?.serviceLevel ?? 'standard', status: 'pending', createdAt: now() };
      shipments.set(shipment.id, shipment);
      order.status = 'shipped';
      order.updatedAt = now();
      effects.apply('createShipment', key);
      return { status: 201, body: shipment };
    },
  };
  // method, path pattern, operationId, and the route as the contract writes it (the server span's name)
  const routes: [string, RegExp, string, string][] = [
    ['POST', /^\/api\/v1\/orders$/, 'createOrder', '/api/v1/orders'],
    ['POST', /^\/api\/v1\/orders\/([^/]+)\/cancellations$/, 'cancelOrder', '/api/v1/orders/{orderId}/cancellations'],
    ['POST', /^\/api\/v1\/orders\/([^/]+)\/shipments$/, 'createShipment', '/api/v1/orders/{orderId}/shipments'],
  ];
  const routeOf = (req: IncomingMessage): string | undefined => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && /^\/api\/v1\/orders\/([^/]+)$/.test(path)) return '/api/v1/orders/{orderId}';
    return routes.find(([m, re]) => m === req.method && re.test(path))?.[3];
  };

  async function handle(req: IncomingMessage): Promise<Reply> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const get = /^\/api\/v1\/orders\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && get) {
      const order = orders.get(decodeURIComponent(get[1]!));
      return order ? { status: 200, body: order } : problem(404, 'Not Found', `No order ${get[1]}.`);
    }
    const route = routes.find(([m, re]) => m === req.method && re.test(path));
    if (!route) return problem(404, 'Not Found', `No route ${req.method} ${path}.`);
    const [, re, operationId] = route;
    const params = re.exec(path)!.slice(1).map(decodeURIComponent);
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      return problem(400, 'Bad Request', 'The body is not JSON.');
    }
    const fault = takeFault(faults, operationId);
    if (fault) return problem(fault.code, fault.code >= 500 ? 'Service Unavailable' : 'Refused', fault.message ?? `${operationId} failed (injected fault).`);
    const key = String(req.headers['idempotency-key'] ?? '');
    const fingerprint = `${operationId} ${params.join('/')} ${canonical(body)}`;
    if (key) {
      const seen = replays.get(key);
      if (seen) return seen.fingerprint === fingerprint ? seen.reply : problem(409, 'Conflict', 'This Idempotency-Key was used with another request.');
    }
    const reply = handlers[operationId]!(params, body, key || '(no key)');
    // only outcomes are replayed; a refusal may succeed when asked again
    if (key && reply.status < 400) replays.set(key, { fingerprint, reply });
    return reply;
  }

  // each request in a server span continuing the caller's trace (`traceparent`); a no-op without an OpenTelemetry SDK
  const server = createServer((req: IncomingMessage, res: ServerResponse) => withHttpServerSpan(req, res, routeOf(req), () => {
    handle(req).then(
      (r) => {
        res.writeHead(r.status, { 'content-type': r.status >= 400 ? 'application/problem+json' : 'application/json' });
        res.end(JSON.stringify(r.body));
      },
      (err) => {
        res.writeHead(500, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ title: 'Internal Server Error', status: 500, detail: String(err) }));
      },
    );
  }));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    orders,
    shipments,
    effects,
    fail: (operationId, status, times = 1) => void faults.set(operationId, { code: status, times }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
