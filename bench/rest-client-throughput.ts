/**
 * Runtime throughput: 20,000 GETs on loopback at concurrency 64, either
 * through `@contractkit/runtime/http` (timeouts, retry policy and breaker on)
 * or through plain `fetch`, against an in-process node:http server.
 *
 *   node dist/bench/rest-client-throughput.js runtime|fetch
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '@contractkit/runtime/http';

const mode = process.argv[2] ?? 'runtime';
const total = Number(process.env.REQUESTS ?? 20_000);
const concurrency = 64;
const body = JSON.stringify({ id: '3f1c9a52-7d0e-4a8e-9d57-1b7c0c2d9e11', status: 'pending', total: { amount: '19.99', currency: 'USD' } });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const client = createHttpClient({ baseUrl: base, timeoutMs: 10_000 });
const one =
  mode === 'fetch'
    ? async (i: number) => {
        const res = await fetch(`${base}/api/v1/orders/${i}`, { headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      }
    : async (i: number) => (await client.call({ method: 'GET', path: '/api/v1/orders/{orderId}', pathParams: { orderId: i } })).data;

let next = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) await one(next++);
  }),
);
const seconds = (performance.now() - start) / 1000;
console.log(`${mode}: ${total} GETs in ${seconds.toFixed(2)} s, ${(total / seconds).toFixed(0)} req/s`);
server.close();
