/**
 * What tracing costs when the application has no OpenTelemetry SDK: REST and
 * gRPC throughput on loopback with the runtime's tracing on (the default:
 * client and server spans through `@opentelemetry/api`, the W3C trace context
 * propagator registered as an application would) beside the same calls with
 * `tracing: false` on both ends, in one process, in rounds that rotate the
 * order (after a warm-up round), with a second off side as a control. Prints
 * the median rate of each side and the median of the per-round ratios on /
 * off (and control / off: the machine's noise), over wall time and over CPU
 * time (the steadier figure on a shared machine). Target: ≥ 0.98×. Then the
 * hooks alone, per call, against a call's CPU time.
 *
 *   node dist/bench/tracing-overhead.js [rest|grpc|both]
 * Sizes: CK_BENCH_ROUNDS (11), CK_BENCH_REST (GETs per round, 4,000), CK_BENCH_UNARY (unary calls per round, 2,000).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { context, propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { createHttpClient, withHttpServerSpan } from '@contractkit/runtime/http';
import { createBreakerRegistry, listen } from '@contractkit/runtime/grpc';
import { endHttpClientSpan, endRpcClientSpan, endRpcServerSpan, rpcSpanInfo, startHttpClientSpan, startHttpServerSpan, startRpcClientSpan, startRpcServerSpan } from '@contractkit/runtime/tracing';
import { create } from '@bufbuild/protobuf';
import { OrderSchema, OrderStatus } from '../examples/orders/generated/grpc/orders/v1/orders_pb.js';
import { createOrderServiceClient, registerOrderService } from '../examples/orders/generated/grpc/orders/v1/orders_grpc.js';

const ROUNDS = Number(process.env.CK_BENCH_ROUNDS ?? 11);
const REST_CALLS = Number(process.env.CK_BENCH_REST ?? 4_000);
const UNARY_CALLS = Number(process.env.CK_BENCH_UNARY ?? 2_000);
const CONCURRENCY = 64;
const which = process.argv[2] ?? 'both';

// what an application does to propagate; without an SDK (no tracer provider, no context manager) spans are no-ops
propagation.setGlobalPropagator(new W3CTraceContextPropagator());

/** One side: a call, and how to close it. */
interface Side {
  label: string;
  call(i: number): Promise<unknown>;
  close(): Promise<void> | void;
}

interface Rate {
  wall: number;
  cpu: number;
}

async function rate(side: Side, calls: number): Promise<Rate> {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < calls) await side.call(next++);
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall: calls / wall, cpu: calls / ((cpu.user + cpu.system) / 1e6) };
}

const body = JSON.stringify({ id: '3f1c9a52-7d0e-4a8e-9d57-1b7c0c2d9e11', status: 'pending', total: { amount: '19.99', currency: 'USD' } });
const answer = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
};

/** A node:http server (in a server span when tracing) and a runtime client to it. */
async function restSide(tracing: boolean, label = tracing ? 'tracing on ' : 'tracing off'): Promise<Side> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => (tracing ? withHttpServerSpan(req, res, '/api/v1/orders/{orderId}', () => answer(res)) : answer(res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = createHttpClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 10_000, tracing });
  return {
    label: `REST ${label.padEnd(11)}`,
    call: async (i) => (await client.call({ method: 'GET', path: '/api/v1/orders/{orderId}', pathParams: { orderId: i } })).data,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const order = create(OrderSchema, { orderId: '5f0c6d0e-2f7a-4a59-9a57-0d1f2b3c4d5e', customerId: 'customer-42', status: OrderStatus.CONFIRMED });

/** The generated OrderService stubs, tracing on or off at both ends. */
async function grpcSide(tracing: boolean, label = tracing ? 'tracing on ' : 'tracing off'): Promise<Side> {
  const server = new grpc.Server();
  registerOrderService(
    server,
    {
      getOrder: async () => ({ order }),
      listOrders: async () => ({}),
      createOrder: async () => ({}),
      async *streamOrders() {},
    },
    { tracing },
  );
  const port = await listen(server, '127.0.0.1:0');
  const client = createOrderServiceClient(`127.0.0.1:${port}`, { breakers: createBreakerRegistry(), tracing });
  await client.waitForReady();
  return {
    label: `gRPC ${label.padEnd(11)}`,
    call: () => client.getOrder({ orderId: '1' }),
    close() {
      client.close();
      server.forceShutdown();
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en');

/**
 * Alternates the sides over the rounds (the order rotating each round,
 * backwards every other round) after a warm-up round, and prints the medians
 * and the median per-round ratios to
 * `off`: `on` / `off` is the figure; `control` / `off` (a second, identical
 * off side) shows how far two identical sides drift apart on this machine.
 */
async function compare(name: string, off: Side, on: Side, control: Side, calls: number): Promise<number> {
  const sides = { off, on, control };
  const keys = ['off', 'on', 'control'] as const;
  const rates = { off: [] as Rate[], on: [] as Rate[], control: [] as Rate[] };
  for (let round = -1; round < ROUNDS; round++) {
    // the order rotates, and runs backwards every other round: each side starts a round, and follows each other side, as often
    const turn = Math.max(round, 0);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(turn + (turn % 2 === 0 ? k : keys.length - k)) % keys.length]!;
      const r = await rate(sides[key], calls);
      if (round >= 0) rates[key].push(r);
    }
  }
  console.log(`\n## ${name}: ${ROUNDS} rounds of ${fmt(calls)} calls per side, concurrency ${CONCURRENCY}`);
  for (const key of keys) console.log(`${sides[key].label}  median ${fmt(median(rates[key].map((r) => r.wall)))} calls/s (wall), ${fmt(median(rates[key].map((r) => r.cpu)))} calls/CPU-s`);
  const ratio = (key: 'on' | 'control', clock: keyof Rate) => median(rates[key].map((r, i) => r[clock] / rates.off[i]![clock])).toFixed(3);
  console.log(`ratio tracing on / off (no SDK): wall ${ratio('on', 'wall')}×, CPU ${ratio('on', 'cpu')}×  (target ≥ 0.98×)`);
  console.log(`control: off again / off:        wall ${ratio('control', 'wall')}×, CPU ${ratio('control', 'cpu')}×  (the noise of this machine)`);
  return 1e9 / median(rates.off.map((r) => r.cpu));
}

/**
 * The hooks alone, without I/O: what tracing adds to one call's CPU time with
 * no SDK (client span + injection + end, server extraction + span + context),
 * in ns, measured over many iterations. Set against a call's CPU time
 * (1 / calls per CPU-second) it bounds the overhead, whatever the load.
 */
function hookCost(name: string, once: () => void, perCallCpuNs: number): void {
  const n = 200_000;
  for (let i = 0; i < 20_000; i++) once(); // warm-up
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) once();
  const t = process.cpuUsage(t0);
  const ns = ((t.user + t.system) * 1000) / n;
  console.log(`${name}: tracing hooks ${ns.toFixed(0)} ns per call (no SDK) = ${((100 * ns) / perCallCpuNs).toFixed(2)}% of a call's ${fmt(perCallCpuNs / 1000)} µs CPU → bound ${(perCallCpuNs / (perCallCpuNs + ns)).toFixed(3)}×`);
}

const cpuPerCall: { rest?: number; grpc?: number } = {};

if (which === 'rest' || which === 'both') {
  const [off, on, control] = [await restSide(false), await restSide(true), await restSide(false, 'control')];
  cpuPerCall.rest = await compare('REST (runtime http client → node:http server)', off, on, control, REST_CALLS);
  await Promise.all([off.close(), on.close(), control.close()]);
}
if (which === 'grpc' || which === 'both') {
  const [off, on, control] = [await grpcSide(false), await grpcSide(true), await grpcSide(false, 'control')];
  cpuPerCall.grpc = await compare('gRPC unary (generated OrderService stubs)', off, on, control, UNARY_CALLS);
  for (const side of [off, on, control]) side.close();
}

console.log('');
const fakeReq = { method: 'GET', url: '/api/v1/orders/1', rawHeaders: ['Host', '127.0.0.1', 'Accept', 'application/json', 'Connection', 'keep-alive'] } as unknown as IncomingMessage;
if (cpuPerCall.rest)
  hookCost('REST', () => {
    const c = startHttpClientSpan({ method: 'GET', template: '/api/v1/orders/{orderId}', url: 'http://127.0.0.1/api/v1/orders/1' });
    const s = startHttpServerSpan(fakeReq, '/api/v1/orders/{orderId}');
    context.with(s.context, () => s.end(200));
    endHttpClientSpan(c.span, { status: 200 });
  }, cpuPerCall.rest);
if (cpuPerCall.grpc) {
  const info = rpcSpanInfo('/orders.v1.OrderService/GetOrder', '127.0.0.1:50051');
  hookCost('gRPC', () => {
    const md = new grpc.Metadata();
    const c = startRpcClientSpan(info, md);
    const s = startRpcServerSpan(info, md);
    context.with(s.context, () => endRpcServerSpan(s.span, 0));
    endRpcClientSpan(c, 0);
  }, cpuPerCall.grpc);
}
