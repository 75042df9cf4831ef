/**
 * Codec benchmark (`node dist/bench/grpc-throughput.js --side codec`):
 * encode and decode of small, large, repeated-heavy and map-heavy messages
 * with protobuf-es (`toBinary`/`fromBinary`), the generated `codec: fast`
 * codecs and protobufjs static code (`pbjs -t static-module`), all three in
 * one process, rotating their order every round, after a warm-up. Prints per
 * message and operation the median rates and the median per-round ratios to
 * protobufjs.
 *
 * The generated code is made at run time from the example protos and
 * bench/proto (contractkit's generator with `codec: fast`, compiled by tsc;
 * pbjs for protobufjs) into node_modules/.cache/contractkit-bench.
 * CK_BENCH_ROUNDS (15), CK_BENCH_CODEC (operations of the small message per
 * codec and operation over all rounds, 200,000; larger messages get
 * proportionally fewer).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { create, fromBinary, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';
import { ProtoReader, ProtoWriter, type MessageCodec, type ReadFn, type WriteFn } from '@contractkit/runtime/protobuf';
import { loadProto } from '../contracts/proto/load.js';
import { packageRoot } from '../contracts/source/package-files.js';
import { generateGrpc } from '../generators/grpc/index.js';

const ROUNDS = Number(process.env.CK_BENCH_ROUNDS ?? 15);
const CODEC_OPS = Number(process.env.CK_BENCH_CODEC ?? 200_000);

const root = packageRoot();
const cache = join(root, 'node_modules', '.cache', 'contractkit-bench');

/** The protos the benchmark generates code for: name → proto root and the files pbjs compiles. */
const PROTOS = {
  orders: { dir: join(root, 'examples', 'orders', 'proto'), files: ['orders/v1/orders.proto'] },
  bench: { dir: join(root, 'bench', 'proto'), files: ['bench/v1/bench.proto'] },
};

/**
 * Generates the `codec: fast` output of the example protos and bench/proto
 * and compiles it with tsc into the cache; returns the directory per proto
 * root (import `<dir>/orders/v1/orders_codec.js`).
 */
export async function buildFastCode(): Promise<Record<keyof typeof PROTOS, string>> {
  const base = join(cache, 'fast');
  rmSync(base, { recursive: true, force: true });
  const out = {} as Record<keyof typeof PROTOS, string>;
  for (const [name, proto] of Object.entries(PROTOS) as [keyof typeof PROTOS, (typeof PROTOS)['orders']][]) {
    const loaded = await loadProto({ name, kind: 'proto', path: proto.dir }, { cwd: root, rootDir: root, allowRemoteRefs: false });
    if (!loaded.contract) throw new Error(`cannot load ${proto.dir}: ${loaded.findings.map((f) => f.message).join('; ')}`);
    const dir = (out[name] = join(base, name));
    for (const f of await generateGrpc(loaded.contract, { codec: 'fast' })) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
  }
  const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: [] }, include: ['**/*.ts'] };
  writeFileSync(join(base, 'tsconfig.json'), JSON.stringify(tsconfig));
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(base, 'tsconfig.json')], { stdio: 'inherit' });
  return out;
}

interface PbType {
  create(o: object): object;
  encode(m: object): { finish(): Uint8Array };
  decode(b: Uint8Array): object;
}

/** protobufjs static code (pbjs -t static-module) of a proto root. */
async function buildPbjs(name: keyof typeof PROTOS): Promise<Record<string, Record<string, Record<string, PbType>>>> {
  const proto = PROTOS[name];
  const out = join(cache, `${name}-pbjs.js`);
  mkdirSync(cache, { recursive: true });
  execFileSync(process.execPath, [join(root, 'node_modules', 'protobufjs-cli', 'bin', 'pbjs'), '-t', 'static-module', '-w', 'es6', '--no-comments', '-p', proto.dir, '-o', out, ...proto.files.map((f) => join(proto.dir, f))]);
  return (await import(pathToFileURL(out).href)) as Record<string, Record<string, Record<string, PbType>>>;
}

/** Converts bigints to numbers, as protobufjs takes 64-bit integers. */
function forPbjs(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(forPbjs);
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '$typeName').map(([k, v]) => [k, forPbjs(v)]));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en');

function opsPerSec(fn: () => void, ops: number): number {
  const start = performance.now();
  for (let i = 0; i < ops; i++) fn();
  return ops / ((performance.now() - start) / 1000);
}

/** Rates of the codecs on one operation, rotating their order every round; printed with ratios to the last. */
function compareCodecs(what: string, ops: number, sides: [string, () => void][]): void {
  const per = Math.max(1, Math.round(ops / ROUNDS));
  // warm-up: two rounds' worth per side, alternating, so every side is optimised (and its garbage collected) before timing
  for (let w = 0; w < 2; w++) for (const [, fn] of sides) opsPerSec(fn, Math.max(200, per));
  const rates = sides.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < sides.length; k++) {
      const i = (round + k) % sides.length;
      rates[i]!.push(opsPerSec(sides[i]![1], per));
    }
  }
  const base = rates[sides.length - 1]!;
  const parts = sides.map(([label], i) => {
    const ratios = rates[i]!.map((r, k) => r / base[k]!);
    // the median of the per-round ratios, and the middle half of them (quartiles) to show how steady it was
    const q = [...ratios].sort((a, b) => a - b);
    const ratio = i === sides.length - 1 ? '' : ` (${median(ratios).toFixed(2)}×, middle half ${q[q.length >> 2]!.toFixed(2)}–${q[(3 * q.length) >> 2]!.toFixed(2)})`;
    return `${label} ${fmt(median(rates[i]!))} /s${ratio}`;
  });
  console.log(`  ${what}: ${parts.join(', ')}`);
}

/** Order number `i` of the example (3 line items, money, timestamps) as an init object. */
const order = (i: number) => ({
  orderId: `5f0c6d0e-2f7a-4a59-9a57-0d1f2b3c4d${String(i).padStart(2, '0')}`,
  customerId: 'customer-42',
  status: 2,
  lineItems: [1, 2, 3].map((k) => ({ productId: `sku-${k}`, quantity: k, unitPrice: { currencyCode: 'EUR', units: BigInt(10 * k), nanos: 500_000_000 } })),
  total: { currencyCode: 'EUR', units: 61n, nanos: 500_000_000 },
  createTime: { seconds: 1_700_000_000n + BigInt(i), nanos: 0 },
  updateTime: { seconds: 1_700_000_100n, nanos: 0 },
});

interface Case {
  name: string;
  schema: DescMessage;
  codec: MessageCodec;
  pb: PbType;
  init: object;
}

/** The encode/decode benchmark over the four messages. */
export async function codecBench(): Promise<void> {
  const dirs = await buildFastCode();
  const ordersPb = (await import(pathToFileURL(join(dirs.orders, 'orders', 'v1', 'orders_pb.js')).href)) as Record<string, DescMessage>;
  const ordersFast = (await import(pathToFileURL(join(dirs.orders, 'orders', 'v1', 'orders_codec.js')).href)) as Record<string, MessageCodec>;
  const benchPb = (await import(pathToFileURL(join(dirs.bench, 'bench', 'v1', 'bench_pb.js')).href)) as Record<string, DescMessage>;
  const benchFast = (await import(pathToFileURL(join(dirs.bench, 'bench', 'v1', 'bench_codec.js')).href)) as Record<string, MessageCodec>;
  const pbOrders = (await buildPbjs('orders')).orders!.v1!;
  const pbBench = (await buildPbjs('bench')).bench!.v1!;

  const cases: Case[] = [
    { name: 'small: orders.v1.Order', schema: ordersPb.OrderSchema!, codec: ordersFast.OrderCodec!, pb: pbOrders.Order!, init: order(1) },
    {
      name: 'large: orders.v1.ListOrdersResponse (200 orders)',
      schema: ordersPb.ListOrdersResponseSchema!,
      codec: ordersFast.ListOrdersResponseCodec!,
      pb: pbOrders.ListOrdersResponse!,
      init: { orders: Array.from({ length: 200 }, (_, i) => order(i)), nextPageToken: 'page-2' },
    },
    {
      name: 'repeated: bench.v1.Series (1,000 int64, double, int32; 100 strings, bools)',
      schema: benchPb.SeriesSchema!,
      codec: benchFast.SeriesCodec!,
      pb: pbBench.Series!,
      init: {
        name: 'cpu.load',
        timestamps: Array.from({ length: 1000 }, (_, i) => 1_700_000_000_000n + BigInt(i * 1000)),
        values: Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 100),
        counts: Array.from({ length: 1000 }, (_, i) => (i * 7919) % 100_000),
        labels: Array.from({ length: 100 }, (_, i) => `host-${i}.example.internal`),
        flags: Array.from({ length: 100 }, (_, i) => i % 3 === 0),
      },
    },
    {
      name: 'maps: bench.v1.Attributes (100 string, 100 int64, 50 message entries)',
      schema: benchPb.AttributesSchema!,
      codec: benchFast.AttributesCodec!,
      pb: pbBench.Attributes!,
      init: {
        labels: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`label-${i}`, `value-${i * 31}`])),
        counters: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`counter-${i}`, BigInt(i * 1_000_003)])),
        entries: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [i, { key: `entry-${i}`, weight: i / 7, version: i }])),
      },
    },
  ];
  const small = toBinary(cases[0]!.schema, create(cases[0]!.schema, cases[0]!.init as never)).length;
  console.log(`Codecs, ${ROUNDS} rounds rotating the order after a warm-up; ratios (median of rounds) to protobufjs static code:`);
  for (const c of cases) {
    const message = create(c.schema, c.init as never);
    // decoded from a Buffer, as grpc-js hands messages over (protobufjs gets one from its writer too)
    const bytes = Buffer.from(toBinary(c.schema, message));
    const fastBytes = c.codec.encode(message);
    if (Buffer.compare(bytes, fastBytes) !== 0) throw new Error(`${c.name}: codec: fast wrote other bytes than toBinary`);
    const pbMessage = c.pb.create(forPbjs(c.init) as object);
    const pbBytes = c.pb.encode(pbMessage).finish();
    const ops = Math.max(300, Math.round((CODEC_OPS * small) / bytes.length));
    console.log(`${c.name}: ${fmt(bytes.length)} bytes (protobuf-es and codec: fast), ${fmt(pbBytes.length)} bytes (protobufjs)`);
    compareCodecs('encode', ops, [
      ['protobuf-es', () => toBinary(c.schema, message)],
      ['codec: fast', () => c.codec.encode(message)],
      ['protobufjs static', () => c.pb.encode(pbMessage).finish()],
    ]);
    compareCodecs('decode', ops, [
      ['protobuf-es', () => fromBinary(c.schema, bytes)],
      ['codec: fast', () => c.codec.decode(bytes)],
      ['protobufjs static', () => c.pb.decode(pbBytes)],
    ]);
  }
}

/** protobuf-es's writer with the one-argument tag call the generated code makes. */
class EsWriter extends BinaryWriter {
  override tag(value: number): this {
    return this.uint32(value);
  }
}

/** protobuf-es's reader with the numeric tag the generated code reads. */
class EsReader extends BinaryReader {
  override tag(): [number, number] & number {
    const [no, wireType] = super.tag();
    return ((no << 3) | wireType) as never;
  }
}

/**
 * `--side codec-wire`: the generated Order and ListOrdersResponse functions
 * over protobuf-es's BinaryWriter/BinaryReader (adapted to the tag calls) beside
 * the runtime's ProtoWriter/ProtoReader, alternating over the rounds: whether
 * reusing protobuf-es's wire classes would be fast enough.
 */
export async function wireChoiceBench(): Promise<void> {
  const dir = join((await buildFastCode()).orders, 'orders', 'v1');
  const pb = (await import(pathToFileURL(join(dir, 'orders_pb.js')).href)) as Record<string, DescMessage>;
  const fns = (await import(pathToFileURL(join(dir, 'orders_codec.js')).href)) as Record<string, unknown>;
  const own = new ProtoWriter(4096);
  for (const [name, init, ops] of [
    ['Order', order(1), CODEC_OPS],
    ['ListOrdersResponse', { orders: Array.from({ length: 200 }, (_, i) => order(i)) }, Math.round(CODEC_OPS / 200)],
  ] as const) {
    const schema = pb[`${name}Schema`]!;
    const write = fns[`write${name}`] as WriteFn<unknown>;
    const read = fns[`read${name}`] as ReadFn<unknown>;
    const create0 = fns[`new${name}`] as () => unknown;
    const message = create(schema, init as never);
    const bytes = Buffer.from(toBinary(schema, message));
    console.log(`${name} (${fmt(bytes.length)} bytes), generated functions:`);
    compareCodecs('encode', ops, [
      ['over BinaryWriter', () => { const w = new EsWriter(); write(message, w as never); w.finish(); }],
      ['over ProtoWriter', () => { own.reset(); write(message, own); own.finish(); }],
    ]);
    compareCodecs('decode', ops, [
      ['over BinaryReader', () => read(new EsReader(bytes) as never, bytes.length, create0(), 0)],
      ['over ProtoReader', () => read(new ProtoReader(bytes), bytes.length, create0(), 0)],
    ]);
  }
}
