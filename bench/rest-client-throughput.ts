/**
 * Runtime throughput: 20,000 GETs on loopback at concurrency 64, either
 * through `@contractkit/runtime/http` (timeout, retry policy and breaker on),
 * through `openapi-fetch`, or through plain `fetch`, against an in-process
 * node:http server.
 *
 *   node dist/bench/rest-client-throughput.js runtime|fetch|openapi-fetch
 *   node dist/bench/rest-client-throughput.js interleaved [rounds]   (ROUND_REQUESTS per side per round, default 4,000)
 *
 * `interleaved` runs all three in alternating rounds in one process and
 * prints each one's median rate and the ratios: on a shared, noisy machine
 * that is the steadier comparison (the scenario times whole processes).
 * RUNTIME_MODULE=<path to an http/index.js> adds that build as a fourth side
 * (`baseline`), to compare a change against the previous runtime in the same run.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createHttpClient } from '@contractkit/runtime/http';
import createFetchClient from 'openapi-fetch';

/** The one operation openapi-fetch is typed with. */
interface Paths {
  '/api/v1/orders/{orderId}': {
    get: {
      parameters: { path: { orderId: number } };
      responses: { 200: { content: { 'application/json': { id: string; status: string } } } };
    };
  };
}

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

type One = (i: number) => Promise<unknown>;
const client = createHttpClient({ baseUrl: base, timeoutMs: 10_000 });
const typed = createFetchClient<Paths>({ baseUrl: base });
const sides: Record<string, One> = {
  fetch: async (i) => {
    const res = await fetch(`${base}/api/v1/orders/${i}`, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  },
  runtime: async (i) => (await client.call({ method: 'GET', path: '/api/v1/orders/{orderId}', pathParams: { orderId: i } })).data,
  'openapi-fetch': async (i) => {
    const { data, error } = await typed.GET('/api/v1/orders/{orderId}', { params: { path: { orderId: i } } });
    if (error !== undefined) throw new Error('request failed');
    return data;
  },
};
if (process.env.RUNTIME_MODULE) {
  const old = (await import(pathToFileURL(process.env.RUNTIME_MODULE).href)) as { createHttpClient: typeof createHttpClient };
  const previous = old.createHttpClient({ baseUrl: base, timeoutMs: 10_000 });
  sides.baseline = async (i) => (await previous.call({ method: 'GET', path: '/api/v1/orders/{orderId}', pathParams: { orderId: i } })).data;
}

async function run(one: One, count: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await one(next++);
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (mode === 'interleaved') {
  // many short rounds, each running every side back to back: the ratio within a round is what a busy machine
  // disturbs least, and the median over rounds is reported
  const rounds = Number(process.argv[3] ?? 15);
  const perRound = Number(process.env.ROUND_REQUESTS ?? 4_000);
  const names = Object.keys(sides);
  const rates = new Map<string, number[]>(names.map((n) => [n, []]));
  for (const n of names) await run(sides[n]!, 2_000); // warm-up
  for (let r = 0; r < rounds; r++) {
    // rotate the order so no side always runs right after another
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length]!;
      rates.get(n)!.push(await run(sides[n]!, perRound));
    }
  }
  const rt = rates.get('runtime')!;
  for (const n of names) console.log(`${n.padEnd(14)} median ${median(rates.get(n)!).toFixed(0)} req/s`);
  for (const n of names.filter((x) => x !== 'runtime')) {
    const ratios = rt.map((x, i) => x / rates.get(n)![i]!);
    console.log(`runtime / ${n}: median of per-round ratios ${median(ratios).toFixed(2)}× (${rounds} rounds of ${perRound} GETs)`);
  }
} else {
  const one = sides[mode];
  if (!one) throw new Error(`unknown mode ${mode}: runtime, fetch, openapi-fetch or interleaved`);
  const rate = await run(one, total);
  console.log(`${mode}: ${total} GETs, ${rate.toFixed(0)} req/s`);
}
server.close();
