/**
 * A hand-written provider of test/fixtures/verify/widgets.yaml for the verify
 * tests. Without faults it keeps the contract; each fault breaks it in one
 * way at one operation, so a test can show verify finds that violation there
 * (and that a correct provider draws no finding at all).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The ways the server can break its contract. */
export type WidgetFault = 'undeclared-status' | 'invalid-body' | 'missing-header' | 'no-retry-after' | 'no-problem-details' | 'broken-replay' | 'accepts-invalid';

/** A running widgets server. */
export interface WidgetsServer {
  url: string;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const problem = (status: number, title: string): Reply => ({ status, body: { type: 'about:blank', title, status }, headers: { 'content-type': 'application/problem+json' } });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/** Starts the server on 127.0.0.1 (any free port) with the given faults. */
export async function startWidgetsServer(faults: readonly WidgetFault[] = []): Promise<WidgetsServer> {
  const broken = new Set(faults);
  const widgets = new Map<string, { id: string; name: string; size?: number }>();
  const replays = new Map<string, Reply>();

  async function handle(req: IncomingMessage): Promise<Reply> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const one = /^\/widgets\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && path === '/health') return { status: 200, body: { ok: true } };
    if (req.method === 'GET' && path === '/widgets') {
      const list = [...widgets.values()];
      return { status: 200, body: broken.has('invalid-body') ? list.map((w) => ({ ...w, id: 1 })) : list };
    }
    if (req.method === 'POST' && path === '/widgets') {
      const body = (await readJson(req)) as { name?: unknown; size?: number } | undefined;
      const key = req.headers['idempotency-key'];
      if (typeof key === 'string' && !broken.has('broken-replay') && replays.has(key)) return replays.get(key)!;
      if (!broken.has('accepts-invalid') && (typeof body?.name !== 'string' || body.name.length === 0)) return problem(400, 'name is required');
      const widget = { id: randomUUID(), name: String(body?.name ?? 'unnamed'), ...(body?.size !== undefined ? { size: body.size } : {}) };
      widgets.set(widget.id, widget);
      const reply: Reply = { status: 201, body: widget };
      if (typeof key === 'string') replays.set(key, reply);
      return reply;
    }
    if (one && req.method === 'GET') {
      const widget = widgets.get(decodeURIComponent(one[1]!));
      if (widget) return { status: 200, body: widget };
      return broken.has('undeclared-status') ? { status: 418, body: { title: "I'm a teapot", status: 418 }, headers: { 'content-type': 'application/problem+json' } } : problem(404, 'No such widget');
    }
    if (one && req.method === 'DELETE') {
      if (widgets.delete(decodeURIComponent(one[1]!))) return { status: 204 };
      return broken.has('no-problem-details') ? { status: 404, body: { error: 'not found' } } : problem(404, 'No such widget');
    }
    if (req.method === 'GET' && path === '/reports') return { status: 200, body: {}, headers: broken.has('missing-header') ? {} : { 'x-request-id': randomUUID() } };
    if (req.method === 'GET' && path === '/stock') {
      const reply = problem(503, 'Stock is being counted');
      return broken.has('no-retry-after') ? reply : { ...reply, headers: { ...reply.headers, 'retry-after': '5' } };
    }
    return problem(404, `No route ${req.method} ${path}`);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    handle(req).then(
      (r) => {
        const headers = { ...(r.body === undefined ? {} : { 'content-type': 'application/json' }), ...r.headers };
        res.writeHead(r.status, headers);
        res.end(r.body === undefined ? undefined : JSON.stringify(r.body));
      },
      (err) => {
        res.writeHead(500, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ title: 'Internal Server Error', status: 500, detail: String(err) }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
