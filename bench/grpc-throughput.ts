/**
 * In-process gRPC benchmark on loopback (run with `--side generated|handwritten|codec`):
 * - generated: the generated OrderService stubs (register + client, with
 *   deadlines, retry config and breaker) serving and calling GetOrder and StreamOrders;
 * - handwritten: a hand-written grpc-js server and client using the same
 *   protobuf-es serializers;
 * - codec: encode/decode of a representative Order with protobuf-es beside
 *   protobufjs static code (pbjs static-module, generated at run time).
 * Fixed work per run, so the bench runner's wall-time ratio is a throughput
 * ratio; the script also prints its own rates.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import * as grpc from '@grpc/grpc-js';
import { listen, methodDefinition, serviceDefinition } from '@contractkit/runtime/grpc';
import { packageRoot } from '../contracts/source/package-files.js';
import { OrderSchema, OrderService, OrderStatus } from '../examples/orders/generated/grpc/orders/v1/orders_pb.js';
import { createOrderServiceClient, registerOrderService } from '../examples/orders/generated/grpc/orders/v1/orders_grpc.js';

const UNARY_CALLS = Number(process.env.CK_BENCH_UNARY ?? 20_000);
const STREAM_MESSAGES = Number(process.env.CK_BENCH_STREAM ?? 200_000);
const CONCURRENCY = 64;
const CODEC_ROUNDS = Number(process.env.CK_BENCH_CODEC ?? 200_000);

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

async function drive(label: string, unary: () => Promise<unknown>, stream: (count: number) => Promise<number>): Promise<void> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < UNARY_CALLS) await unary();
    }),
  );
  const unarySec = (performance.now() - start) / 1000;
  const s2 = performance.now();
  const got = await stream(STREAM_MESSAGES);
  const streamSec = (performance.now() - s2) / 1000;
  console.log(`${label}: unary ${Math.round(UNARY_CALLS / unarySec)} req/s, server streaming ${Math.round(got / streamSec)} msg/s`);
}

async function generated(): Promise<void> {
  const server = new grpc.Server();
  registerOrderService(server, {
    getOrder: async () => ({ order: orderMessage }),
    listOrders: async () => ({}),
    createOrder: async () => ({}),
    async *streamOrders() {
      for (let i = 0; i < STREAM_MESSAGES; i++) yield { order: orderMessage };
    },
  });
  const port = await listen(server, '127.0.0.1:0');
  const client = createOrderServiceClient(`127.0.0.1:${port}`, {
    ...(process.env.CK_BENCH_NO_BREAKER ? { breaker: false } : {}),
    ...(process.env.CK_BENCH_NO_DEADLINE ? { defaultTimeoutMs: Infinity, streamTimeoutMs: Infinity } : {}),
  });
  await drive(
    'generated stubs',
    () => client.getOrder({ orderId: '1' }),
    async () => {
      let n = 0;
      for await (const _ of client.streamOrders({ customerId: 'c' })) n++;
      return n;
    },
  );
  client.close();
  server.forceShutdown();
}

async function handwritten(): Promise<void> {
  const server = new grpc.Server();
  const get = methodDefinition(OrderService.method.getOrder);
  const stream = methodDefinition(OrderService.method.streamOrders);
  server.addService(serviceDefinition(OrderService), {
    getOrder: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, { order: orderMessage }),
    listOrders: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, {}),
    createOrder: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, {}),
    streamOrders: async (call: grpc.ServerWritableStream<unknown, unknown>) => {
      for (let i = 0; i < STREAM_MESSAGES; i++) if (!call.write({ order: orderMessage })) await new Promise((r) => call.once('drain', r));
      call.end();
    },
  });
  const port = await listen(server, '127.0.0.1:0');
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  await drive(
    'hand-written grpc-js',
    () =>
      new Promise((resolve, reject) =>
        client.makeUnaryRequest(get.path, get.requestSerialize, get.responseDeserialize, { orderId: '1' }, (e, r) => (e ? reject(e) : resolve(r))),
      ),
    async () => {
      let n = 0;
      for await (const _ of client.makeServerStreamRequest(stream.path, stream.requestSerialize, stream.responseDeserialize, { customerId: 'c' })) n++;
      return n;
    },
  );
  client.close();
  server.forceShutdown();
}

function rate(label: string, fn: () => void): number {
  for (let i = 0; i < 10_000; i++) fn();
  const start = performance.now();
  for (let i = 0; i < CODEC_ROUNDS; i++) fn();
  const perSec = CODEC_ROUNDS / ((performance.now() - start) / 1000);
  console.log(`${label}: ${Math.round(perSec).toLocaleString('en')} /s`);
  return perSec;
}

async function codec(): Promise<void> {
  const root = packageRoot();
  const dir = join(root, 'node_modules', '.cache', 'contractkit-bench');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'orders-pbjs.js');
  const proto = join(root, 'examples', 'orders', 'proto');
  execFileSync(process.execPath, [join(root, 'node_modules', 'protobufjs-cli', 'bin', 'pbjs'), '-t', 'static-module', '-w', 'es6', '--no-comments', '-p', proto, '-o', out, join(proto, 'orders', 'v1', 'orders.proto')]);
  const pbjs = (await import(pathToFileURL(out).href)) as { orders: { v1: { Order: { create(o: object): object; encode(m: object): { finish(): Uint8Array }; decode(b: Uint8Array): object } } } };
  const PbOrder = pbjs.orders.v1.Order;
  const long = (n: bigint) => Number(n);
  const pbMessage = PbOrder.create({
    ...order,
    lineItems: order.lineItems.map((li) => ({ ...li, unitPrice: { ...li.unitPrice, units: long(li.unitPrice.units) } })),
    total: { ...order.total, units: 61 },
    createTime: { seconds: 1_700_000_000, nanos: 0 },
    updateTime: { seconds: 1_700_000_100, nanos: 0 },
  });
  const bytes = toBinary(OrderSchema, orderMessage);
  const pbBytes = PbOrder.encode(pbMessage).finish();
  console.log(`Order: ${bytes.length} bytes (protobuf-es), ${pbBytes.length} bytes (protobufjs)`);
  const esEnc = rate('protobuf-es encode', () => toBinary(OrderSchema, orderMessage));
  const pbEnc = rate('protobufjs static encode', () => PbOrder.encode(pbMessage).finish());
  const esDec = rate('protobuf-es decode', () => fromBinary(OrderSchema, bytes));
  const pbDec = rate('protobufjs static decode', () => PbOrder.decode(pbBytes));
  console.log(`ratios protobuf-es / protobufjs: encode ${(esEnc / pbEnc).toFixed(2)}×, decode ${(esDec / pbDec).toFixed(2)}×`);
}

const side = process.argv[process.argv.indexOf('--side') + 1];
if (side === 'generated') await generated();
else if (side === 'handwritten') await handwritten();
else if (side === 'codec') await codec();
else {
  await handwritten();
  await generated();
  await codec();
}
