/**
 * REST server throughput: the same two routes of the orders contract
 * (`GET /api/v1/orders/{orderId}` answering an Order, `POST /api/v1/orders`
 * taking a CreateOrderRequest) served by plain node:http (hand routing,
 * JSON.parse, no validation), by fastify (no schemas), and by the generated
 * server (examples/orders/generated/rest-server: routing, bearer hook,
 * parameter and body validation with the generated ajv validators). Each
 * server runs in its own child process; autocannon (this process) loads it on
 * loopback, the sides alternating over rounds; the median requests/s of each
 * and the ratios are printed.
 *
 *   node dist/bench/rest-server.js [rounds]        (ROUND_SECONDS per side and route, default 3; CONNECTIONS default 32)
 *   node dist/bench/rest-server.js --side node|fastify|generated   (a server alone; prints its URL)
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SIDES = ['node', 'fastify', 'generated'] as const;
type Side = (typeof SIDES)[number];

const order = {
  id: '3f1c9a52-7d0e-4a8e-9d57-1b7c0c2d9e11',
  customerId: '6c1f3a2e-4b7d-4f0a-9a61-2f9d1c8e7b34',
  status: 'pending',
  lineItems: [{ productId: 'sku-1', quantity: 2, unitPrice: { amount: '9.99', currency: 'USD' } }],
  total: { amount: '19.98', currency: 'USD' },
  shippingAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
  paymentMethod: { type: 'card', last4: '4242' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as const;
const createBody = JSON.stringify({
  customerId: order.customerId,
  lineItems: order.lineItems,
  shippingAddress: order.shippingAddress,
  paymentMethod: { type: 'card', token: 'tok_visa' },
});

async function serve(side: Side): Promise<string> {
  if (side === 'node') {
    const server = createServer((req, res) => {
      const url = req.url ?? '/';
      if (req.method === 'GET' && url.startsWith('/api/v1/orders/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ ...order, id: decodeURIComponent(url.slice(15)) }));
      }
      if (req.method === 'POST' && url === '/api/v1/orders') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { customerId: string };
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ...order, customerId: body.customerId }));
        });
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  if (side === 'fastify') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    app.get<{ Params: { orderId: string } }>('/api/v1/orders/:orderId', async (req) => ({ ...order, id: req.params.orderId }));
    app.post<{ Body: { customerId: string } }>('/api/v1/orders', async (req, reply) => reply.code(201).send({ ...order, customerId: req.body.customerId }));
    return app.listen({ port: 0, host: '127.0.0.1' });
  }
  const { createMemoryIdempotencyStore, problem } = await import('@contractkit/runtime/http-server');
  const { createOrdersAPIServer } = await import('../examples/orders/generated/rest-server/index.js');
  const refuse = () => problem(503, 'not benchmarked');
  const server = createOrdersAPIServer(
    {
      getOrder: ({ path }) => ({ status: 200, body: { ...order, id: path.orderId, lineItems: [...order.lineItems] } }),
      createOrder: ({ body }) => ({ status: 201, body: { ...order, customerId: body.customerId, lineItems: [...order.lineItems] } }),
      replaceOrder: refuse,
      deleteOrder: refuse,
      updateOrderStatus: refuse,
      cancelOrder: refuse,
      createShipment: refuse,
      getShipment: refuse,
      createOrderExport: refuse,
      getExportStatus: refuse,
      listCustomerOrders: refuse,
    },
    { security: { bearerAuth: (token) => token === 'bench' }, idempotency: { store: createMemoryIdempotencyStore() } },
  );
  return (await server.listen()).url;
}

function startSide(side: Side): Promise<{ url: string; stop: () => void }> {
  const child = fork(fileURLToPath(import.meta.url), ['--side', side], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ url: String(m), stop: () => child.kill() }));
    child.once('exit', (code) => reject(new Error(`${side} server exited (${code})`)));
  });
}

async function load(url: string, route: 'get' | 'post', seconds: number): Promise<number> {
  const headers = { authorization: 'Bearer bench', 'content-type': 'application/json' };
  const result = await autocannon({
    url,
    connections: Number(process.env.CONNECTIONS ?? 32),
    duration: seconds,
    requests: [route === 'get' ? { method: 'GET', path: `/api/v1/orders/${order.id}`, headers } : { method: 'POST', path: '/api/v1/orders', headers, body: createBody }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url} ${route}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (process.argv[2] === '--side') {
  const url = await serve(process.argv[3] as Side);
  if (process.send) process.send(url);
  else console.log(url);
} else {
  const rounds = Number(process.argv[2] ?? 3);
  const seconds = Number(process.env.ROUND_SECONDS ?? 3);
  const servers = Object.fromEntries(await Promise.all(SIDES.map(async (s) => [s, await startSide(s)] as const))) as Record<Side, { url: string; stop: () => void }>;
  try {
    for (const route of ['get', 'post'] as const) {
      const rates: Record<Side, number[]> = { node: [], fastify: [], generated: [] };
      for (let r = 0; r < rounds; r++) {
        // rotate the order so no side always runs first (warm-up, thermal and neighbours' load)
        for (let i = 0; i < SIDES.length; i++) {
          const side = SIDES[(i + r) % SIDES.length]!;
          rates[side].push(await load(servers[side].url, route, seconds));
        }
      }
      const m = Object.fromEntries(SIDES.map((s) => [s, median(rates[s])])) as Record<Side, number>;
      console.log(`${route.toUpperCase()} ${route === 'get' ? '/api/v1/orders/{orderId}' : '/api/v1/orders'} (median of ${rounds} rounds of ${seconds} s, requests/s)`);
      for (const s of SIDES) console.log(`  ${s.padEnd(10)} ${m[s].toFixed(0)}`);
      console.log(`  generated / fastify ${(m.generated / m.fastify).toFixed(2)}×   generated / node:http ${(m.generated / m.node).toFixed(2)}×   (target generated ≥ 0.9× fastify)`);
    }
  } finally {
    for (const s of SIDES) servers[s].stop();
  }
}
