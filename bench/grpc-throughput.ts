/**
 * In-process gRPC benchmark on loopback:
 * - `--side compare` (the default): the generated OrderService stubs (register +
 *   client, with deadlines, retry config and breaker) beside a hand-written
 *   grpc-js server and client using the same protobuf-es serializers, both
 *   alive in one process at the same concurrency. The sides alternate over
 *   several rounds (ABBA order, after a warm-up round) and the median of the
 *   per-round ratios is reported, so load from other processes hits both sides
 *   alike. `--variants` adds generated clients without breaker, deadline or
 *   retry config, and hand-written clients with grpc-js's deadline or retry
 *   config, to attribute the costs; `--sides handwritten,generated-no-deadline`
 *   picks sides by key (the first is the baseline); `other-runtime` runs the
 *   stubs on another build of the runtime (CK_BENCH_OTHER_RUNTIME), for
 *   before/after figures from one run.
 * - `--side generated|handwritten`: one side alone, for profiling.
 * - `--side codec`: encode/decode of small, large, repeated- and map-heavy
 *   messages with protobuf-es, the generated `codec: fast` codecs and
 *   protobufjs static code (bench/codec-throughput.ts); `--side codec-wire`:
 *   the generated functions over protobuf-es's BinaryWriter/BinaryReader beside
 *   the runtime's own writer and reader.
 * - sides `generated-fast` and `handwritten-fast`: the stubs generated with
 *   `codec: fast` (made at run time; the committed stubs of side `generated`
 *   are `codec: fast` too, the default), and the hand-written grpc-js server
 *   and client with those codecs as serializers; `generated-protobuf-es`: the
 *   stubs as `codec: protobuf-es` generates them (the runtime called without
 *   codecs); `--sides handwritten,generated-protobuf-es,generated-fast,handwritten-fast`
 *   measures each codec beside hand-written grpc-js in one run.
 * Sizes: CK_BENCH_ROUNDS (15), CK_BENCH_UNARY (unary calls per round, 2,000),
 * CK_BENCH_STREAM (streamed messages per round, 20,000), CK_BENCH_CODEC
 * (see bench/codec-throughput.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { create } from '@bufbuild/protobuf';
import * as grpc from '@grpc/grpc-js';
import { createBreakerRegistry, createClient, listen, methodDefinition, registerService, serviceDefinition, type ClientOptions } from '@contractkit/runtime/grpc';
import type { CodecMap, MessageCodec } from '@contractkit/runtime/protobuf';
import { buildFastCode, codecBench, wireChoiceBench } from './codec-throughput.js';
import { OrderSchema, OrderService, OrderStatus } from '../examples/orders/generated/grpc/orders/v1/orders_pb.js';
import { createOrderServiceClient, registerOrderService } from '../examples/orders/generated/grpc/orders/v1/orders_grpc.js';

const ROUNDS = Number(process.env.CK_BENCH_ROUNDS ?? 15);
const UNARY_CALLS = Number(process.env.CK_BENCH_UNARY ?? 2_000);
const STREAM_MESSAGES = Number(process.env.CK_BENCH_STREAM ?? 20_000);
const CONCURRENCY = 64;

const order = {
  orderId: '5f0c6d0e-2f7a-4a59-9a57-0d1f2b3c4d5e',
  customerId: 'customer-42',
  status: OrderStatus.CONFIRMED,
  lineItems: [1, 2, 3].map((i) => ({ productId: `sku-${i}`, quantity: i, unitPrice: { currencyCode: 'EUR', units: BigInt(10 * i), nanos: 500_000_000 } })),
  total: { currencyCode: 'EUR', units: 61n, nanos: 500_000_000 },
  createTime: { seconds: 1_700_000_000n, nanos: 0 },
  updateTime: { seconds: 1_700_000_100n, nanos: 0 },
};
const orderMessage = create(OrderSchema, order);

/** One side under test: a unary call and a server stream of STREAM_MESSAGES messages. */
interface Side {
  label: string;
  unary(): Promise<unknown>;
  stream(): Promise<number>;
  close(): void;
}

/** A rate over wall time and over this process's CPU time (client and server both run here). */
interface Rate {
  wall: number;
  cpu: number;
}

/** Runs `work`, which does `ops` operations, and measures its rates. */
async function rateOf(ops: number, work: () => Promise<void>): Promise<Rate> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const wallSec = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall: ops / wallSec, cpu: ops / ((cpu.user + cpu.system) / 1e6) };
}

/** Unary calls per second at {@link CONCURRENCY}. */
function unaryRate(side: Side, calls: number): Promise<Rate> {
  let next = 0;
  return rateOf(calls, async () => {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < calls) await side.unary();
      }),
    );
  });
}

/** Server-streamed messages per second. */
function streamRate(side: Side, messages: number): Promise<Rate> {
  return rateOf(messages, async () => {
    const got = await side.stream();
    if (got !== messages) throw new Error(`${side.label}: streamed ${got} of ${messages} messages`);
  });
}

/** The runtime functions the generated stubs call (to run them on another build of the runtime). */
interface RuntimeParts {
  registerService: typeof registerService;
  createClient: typeof createClient;
  createBreakerRegistry: typeof createBreakerRegistry;
}

/**
 * The generated stubs on another build of the runtime (CK_BENCH_OTHER_RUNTIME:
 * the path of its `dist/grpc/index.js`, for before/after figures in one run).
 * The generated files only call `registerService(server, OrderService, …)` and
 * `createClient(OrderService, …)`, so those are called the same way here.
 */
async function otherRuntimeSide(): Promise<Side> {
  const path = process.env.CK_BENCH_OTHER_RUNTIME;
  if (!path) throw new Error('set CK_BENCH_OTHER_RUNTIME to the dist/grpc/index.js of another runtime build');
  const parts = (await import(pathToFileURL(path).href)) as RuntimeParts;
  return generatedSide(`generated stubs on ${path}`, {}, parts);
}

/** The generated register/create functions of OrderService. */
interface OrderStubs {
  registerOrderService: typeof registerOrderService;
  createOrderServiceClient: typeof createOrderServiceClient;
}

let fastCode: Promise<{ stubs: OrderStubs; codecs: CodecMap }> | undefined;

/** The example's stubs and codecs generated with `codec: fast` (made and compiled once per run). */
function fastOrders(): Promise<{ stubs: OrderStubs; codecs: CodecMap }> {
  fastCode ??= (async () => {
    const dir = join((await buildFastCode()).orders, 'orders', 'v1');
    const stubs = (await import(pathToFileURL(join(dir, 'orders_grpc.js')).href)) as OrderStubs;
    const codecModule = (await import(pathToFileURL(join(dir, 'orders_codec.js')).href)) as Record<string, unknown>;
    const codecs: Record<string, MessageCodec> = {};
    for (const v of Object.values(codecModule)) if (typeof v === 'object' && v !== null && 'encode' in v) codecs[(v as MessageCodec).typeName] = v as MessageCodec;
    return { stubs, codecs };
  })();
  return fastCode;
}

async function generatedSide(label = 'generated stubs', options: ClientOptions = {}, runtime?: RuntimeParts, stubs: OrderStubs = { registerOrderService, createOrderServiceClient }): Promise<Side> {
  const server = new grpc.Server();
  const handlers: Parameters<typeof registerOrderService>[1] = {
    getOrder: async () => ({ order: orderMessage }),
    listOrders: async () => ({}),
    createOrder: async () => ({}),
    async *streamOrders() {
      for (let i = 0; i < STREAM_MESSAGES; i++) yield { order: orderMessage };
    },
  };
  if (runtime) runtime.registerService(server, OrderService, handlers);
  else stubs.registerOrderService(server, handlers);
  const port = await listen(server, '127.0.0.1:0');
  const target = `127.0.0.1:${port}`;
  const client = runtime
    ? runtime.createClient(OrderService, target, { breakers: runtime.createBreakerRegistry(), ...options })
    : stubs.createOrderServiceClient(target, { breakers: createBreakerRegistry(), ...options });
  await client.waitForReady();
  return {
    label,
    unary: () => client.getOrder({ orderId: '1' }),
    async stream() {
      let n = 0;
      for await (const _ of client.streamOrders({ customerId: 'c' })) n++;
      return n;
    },
    close() {
      client.close();
      server.forceShutdown();
    },
  };
}

/** Extras for the hand-written side, to measure what grpc-js's own deadline and retry machinery cost. */
interface HandwrittenExtras {
  label?: string;
  /** Deadline per call, ms. */
  deadlineMs?: number;
  /** A `grpc.service_config` with a retry policy for the methods. */
  retry?: boolean;
  /** Serializers from these codecs (`codec: fast`) instead of protobuf-es. */
  codecs?: CodecMap;
}

async function handwrittenSide(extras: HandwrittenExtras = {}): Promise<Side> {
  const server = new grpc.Server();
  const get = methodDefinition(OrderService.method.getOrder, extras.codecs);
  const stream = methodDefinition(OrderService.method.streamOrders, extras.codecs);
  server.addService(serviceDefinition(OrderService, extras.codecs), {
    getOrder: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, { order: orderMessage }),
    listOrders: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, {}),
    createOrder: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, {}),
    streamOrders: async (call: grpc.ServerWritableStream<unknown, unknown>) => {
      for (let i = 0; i < STREAM_MESSAGES; i++) if (!call.write({ order: orderMessage })) await new Promise((r) => call.once('drain', r));
      call.end();
    },
  });
  const port = await listen(server, '127.0.0.1:0');
  const retryConfig = {
    methodConfig: [
      {
        name: [{ service: OrderService.typeName }],
        retryPolicy: { maxAttempts: 4, initialBackoff: '0.1s', maxBackoff: '2s', backoffMultiplier: 2, retryableStatusCodes: ['UNAVAILABLE'] },
      },
    ],
  };
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), extras.retry ? { 'grpc.service_config': JSON.stringify(retryConfig) } : {});
  const deadlineMs = extras.deadlineMs;
  const options = (): grpc.CallOptions => (deadlineMs ? { deadline: Date.now() + deadlineMs } : {});
  await new Promise<void>((resolve, reject) => client.waitForReady(Date.now() + 5000, (e) => (e ? reject(e) : resolve())));
  return {
    label: extras.label ?? 'hand-written grpc-js',
    unary: () =>
      new Promise((resolve, reject) =>
        client.makeUnaryRequest(get.path, get.requestSerialize, get.responseDeserialize, { orderId: '1' }, options(), (e, r) => (e ? reject(e) : resolve(r))),
      ),
    async stream() {
      let n = 0;
      for await (const _ of client.makeServerStreamRequest(stream.path, stream.requestSerialize, stream.responseDeserialize, { customerId: 'c' }, options())) n++;
      return n;
    },
    close() {
      client.close();
      server.forceShutdown();
    },
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en');

type Kind = 'unary' | 'stream';
type Clock = keyof Rate;

/**
 * Alternates the sides over {@link ROUNDS} rounds (order reversed every other
 * round, so neither side always runs right after the other) after one warm-up
 * round, and prints per side the median rates and the median of its per-round
 * ratios to the first side (the baseline). Rates are given over wall time and
 * over the process's CPU time: on a machine shared with other work the CPU
 * rate (work per CPU-second, what an otherwise idle core would deliver) is the
 * steadier figure.
 */
async function compare(sides: Side[]): Promise<void> {
  const rates = sides.map(() => ({ unary: [] as Rate[], stream: [] as Rate[] }));
  for (let round = -1; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? sides.map((_, i) => i) : sides.map((_, i) => sides.length - 1 - i);
    for (const i of order) {
      const u = await unaryRate(sides[i]!, UNARY_CALLS);
      const s = await streamRate(sides[i]!, STREAM_MESSAGES);
      if (round >= 0) {
        rates[i]!.unary.push(u);
        rates[i]!.stream.push(s);
      }
    }
  }
  console.log(
    `gRPC on loopback: ${ROUNDS} alternating rounds (after a warm-up) of ${fmt(UNARY_CALLS)} unary GetOrder calls at concurrency ${CONCURRENCY} and ${fmt(STREAM_MESSAGES)} server-streamed orders per side`,
  );
  const base = rates[0]!;
  const med = (kind: Kind, clock: Clock, i: number) => median(rates[i]![kind].map((r) => r[clock]));
  const ratio = (kind: Kind, clock: Clock, i: number) => median(rates[i]![kind].map((r, k) => r[clock] / base[kind][k]![clock])).toFixed(2);
  for (const [i, side] of sides.entries()) {
    console.log(`${side.label}:`);
    for (const clock of ['wall', 'cpu'] as const) {
      const vs = i === 0 ? '' : `  → ratio (median of rounds) unary ${ratio('unary', clock, i)}×, streaming ${ratio('stream', clock, i)}×`;
      console.log(`  per ${clock === 'wall' ? 'wall second' : 'CPU second '}: unary ${fmt(med('unary', clock, i))} req/s, streaming ${fmt(med('stream', clock, i))} msg/s${vs}`);
    }
  }
}

async function run(sides: Side[]): Promise<void> {
  try {
    await compare(sides);
  } finally {
    for (const s of sides) s.close();
  }
}

/** The sides by key; `--sides a,b,…` picks them (the first is the baseline), `--variants` takes all. */
const SIDES: Record<string, () => Promise<Side>> = {
  handwritten: () => handwrittenSide(),
  generated: () => generatedSide(),
  'generated-no-breaker': () => generatedSide('generated, no breaker', { breaker: false }),
  'generated-no-deadline': () => generatedSide('generated, no deadline', { defaultTimeoutMs: Infinity, streamTimeoutMs: Infinity }),
  'generated-no-retry': () => generatedSide('generated, no retry config', { retry: false }),
  'handwritten-deadline': () => handwrittenSide({ label: 'hand-written + 10 s deadline', deadlineMs: 10_000 }),
  'handwritten-retry': () => handwrittenSide({ label: 'hand-written + retry config', retry: true }),
  'other-runtime': otherRuntimeSide,
  // the committed stubs are generated with the default `codec: fast`; `codec: protobuf-es` stubs call the runtime without codecs, as here
  'generated-protobuf-es': () => generatedSide('generated stubs, codec: protobuf-es', {}, { registerService, createClient, createBreakerRegistry }),
  'generated-fast': async () => generatedSide('generated stubs, codec: fast', {}, undefined, (await fastOrders()).stubs),
  'handwritten-fast': async () => handwrittenSide({ label: 'hand-written grpc-js, codec: fast serializers', codecs: (await fastOrders()).codecs }),
};

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const sideArg = arg('--side') ?? 'compare';
if (sideArg === 'codec') await codecBench();
else if (sideArg === 'codec-wire') await wireChoiceBench();
else if (sideArg !== 'compare') await run([await SIDES[sideArg]!()]);
else {
  const keys = process.argv.includes('--variants') ? Object.keys(SIDES).filter((k) => k !== 'other-runtime') : (arg('--sides') ?? 'handwritten,generated').split(',');
  const unknown = keys.filter((k) => !SIDES[k]);
  if (unknown.length > 0) throw new Error(`unknown side ${unknown.join(', ')}; known: ${Object.keys(SIDES).join(', ')}`);
  const sides: Side[] = [];
  for (const k of keys) sides.push(await SIDES[k]!());
  await run(sides);
}
