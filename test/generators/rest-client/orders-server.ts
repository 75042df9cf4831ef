/**
 * A small in-test implementation of the examples/orders API on node:http,
 * with knobs for failure injection (flaky answers, delays, an outage) and the
 * echo routes of the `kinds` fixture (SSE, multipart, form, binary, cookies).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server holds and what tests can turn. */
export interface ServerState {
  orders: Map<string, Record<string, unknown>>;
  /** Orders actually created (after idempotency de-duplication). */
  creates: number;
  /** Requests seen, `METHOD path`. */
  requests: string[];
  /** Answer the next N GETs of an order with 503 (Retry-After: 0). */
  failGets: number;
  /** Create the order, then answer the next N POSTs with 503 as if the response was lost. */
  failPosts: number;
  /** Delay of GET order answers, in ms. */
  delayMs: number;
  /** Every request answers 500. */
  down: boolean;
  /** Polls of an export before it completes. */
  exportPolls: Map<string, number>;
  idempotency: Map<string, { status: number; body: unknown }>;
}

/** A running server. */
export interface OrdersServer {
  url: string;
  state: ServerState;
  close(): Promise<void>;
}

const problem = (res: ServerResponse, status: number, title: string, extra: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...extra });
  res.end(JSON.stringify({ type: 'about:blank', title, status }));
};
const json = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...extra });
  res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

/** Starts the server on a free loopback port. */
export async function startOrdersServer(): Promise<OrdersServer> {
  const state: ServerState = { orders: new Map(), creates: 0, requests: [], failGets: 0, failPosts: 0, delayMs: 0, down: false, exportPolls: new Map(), idempotency: new Map() };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    const path = url.pathname;
    state.requests.push(`${req.method} ${path}`);
    const raw = await readBody(req);
    if (state.down) return problem(res, 500, 'Down');
    let m: RegExpExecArray | null;
    // ---- kinds fixture echo routes
    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`: hello\n\nevent: meta\ndata: ${JSON.stringify({ n: 0, cookie: req.headers.cookie, trace: req.headers['x-trace'], topics: url.searchParams.getAll('topic') })}\n\n`);
      for (let n = 1; n <= 3; n++) res.write(`id: ${n}\r\ndata: {"n":${n}}\r\n\r\n`);
      return res.end();
    }
    if (path === '/uploads' || path === '/forms' || path.startsWith('/blobs/')) {
      return json(res, path === '/uploads' ? 201 : 200, { contentType: req.headers['content-type'], body: raw.toString('latin1'), path });
    }
    // ---- orders API
    const key = req.headers['idempotency-key'] as string | undefined;
    if (req.method === 'POST' && path === '/api/v1/orders') {
      if (key && state.idempotency.has(key)) {
        const kept = state.idempotency.get(key)!;
        return json(res, kept.status, kept.body);
      }
      const body = JSON.parse(raw.toString() || '{}') as Record<string, unknown>;
      if (typeof body.customerId !== 'string') return problem(res, 400, 'customerId is required');
      const now = new Date().toISOString();
      const order = { ...body, id: newId(), status: 'pending', total: { amount: '0', currency: 'USD' }, createdAt: now, updatedAt: now };
      state.orders.set(order.id, order);
      state.creates++;
      if (key) state.idempotency.set(key, { status: 201, body: order });
      if (state.failPosts > 0) {
        state.failPosts--;
        return problem(res, 503, 'Response lost');
      }
      return json(res, 201, order, { location: `/api/v1/orders/${order.id}` });
    }
    if ((m = /^\/api\/v1\/orders\/([^/]+)$/.exec(path))) {
      const order = state.orders.get(decodeURIComponent(m[1]!));
      if (req.method === 'GET') {
        if (state.failGets > 0) {
          state.failGets--;
          return problem(res, 503, 'Try again', { 'retry-after': '0' });
        }
        if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
        return order ? json(res, 200, order) : problem(res, 404, 'Order not found');
      }
      if (!order) return problem(res, 404, 'Order not found');
      if (req.method === 'PUT') {
        Object.assign(order, JSON.parse(raw.toString()), { id: order.id, status: order.status });
        return json(res, 200, order);
      }
      if (req.method === 'DELETE') {
        state.orders.delete(order.id as string);
        res.writeHead(204);
        return res.end();
      }
    }
    if ((m = /^\/api\/v1\/orders\/([^/]+)\/status$/.exec(path)) && req.method === 'PATCH') {
      const order = state.orders.get(m[1]!);
      if (!order) return problem(res, 404, 'Order not found');
      const { status } = JSON.parse(raw.toString()) as { status: string };
      const flow = ['pending', 'confirmed', 'shipped', 'delivered'];
      if (flow.indexOf(status) !== flow.indexOf(order.status as string) + 1) return problem(res, 409, `Cannot go from ${order.status} to ${status}`);
      order.status = status;
      return json(res, 200, order);
    }
    if ((m = /^\/api\/v1\/customers\/([^/]+)\/orders$/.exec(path)) && req.method === 'GET') {
      const all = [...state.orders.values()].filter((o) => o.customerId === m![1] && (!url.searchParams.get('status') || o.status === url.searchParams.get('status')));
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const data = all.slice(start, start + limit);
      const more = start + limit < all.length;
      return json(res, 200, { data, nextCursor: more ? String(start + limit) : null, hasMore: more });
    }
    if ((m = /^\/api\/v1\/orders\/([^/]+)\/exports$/.exec(path)) && req.method === 'POST') {
      const requestId = newId();
      const statusUrl = `/api/v1/orders/${m[1]}/exports/${requestId}`;
      state.exportPolls.set(requestId, 0);
      return json(res, 202, { requestId, statusUrl }, { location: statusUrl });
    }
    if ((m = /^\/api\/v1\/orders\/([^/]+)\/exports\/([^/]+)$/.exec(path)) && req.method === 'GET') {
      const polls = (state.exportPolls.get(m[2]!) ?? 0) + 1;
      state.exportPolls.set(m[2]!, polls);
      const status = polls < 3 ? (polls === 1 ? 'pending' : 'running') : 'completed';
      return json(res, 200, { requestId: m[2], status, ...(status === 'completed' ? { result: { downloadUrl: 'https://files.test/x.pdf', expiresAt: '2030-01-01T00:00:00Z' } } : {}) }, { 'retry-after': '0' });
    }
    problem(res, 404, 'No such route');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
