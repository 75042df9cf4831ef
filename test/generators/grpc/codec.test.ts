/**
 * `codec: fast`: the generated codecs of the example protos and of fixtures
 * covering proto3, proto2 (groups, required, defaults, closed enums,
 * extensions) and editions (delimited, expanded, presence, closed enums)
 * encode byte for byte as protobuf-es's `toBinary` and decode deep-equal to
 * `fromBinary` (fast-check random messages, both directions); the output
 * type-checks under strict; the service files hand the codecs to grpc-js;
 * a bad option value is a usage error.
 */
import { describe, expect, it, vi } from 'vitest';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import * as grpc from '@grpc/grpc-js';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBreakerRegistry, listen } from '@contractkit/runtime/grpc';
import type { MessageCodec } from '@contractkit/runtime/protobuf';
import { OrderSchema } from '../../../examples/orders/generated/grpc/orders/v1/orders_pb.js';
import { UsageError } from '../../../contracts/errors.js';
import { generateGrpc, grpcGenerator } from '../../../generators/grpc/index.js';
import { checkCodec, expectSame } from './codec-properties.js';
import { WIRE_CASES } from './codec-wire-cases.js';
import { loadCodecs, type LoadedCodec } from './codec-load.js';
import { runCli } from '../../cli/run-cli.js';
import { loadContract, root, scratchDir, typeCheck, writeFiles } from './helpers.js';

// CK_CODEC_RUNS raises the random messages per property for a longer search
const RUNS = Number(process.env.CK_CODEC_RUNS ?? 60);

async function codecsOf(proto: string): Promise<{ files: Awaited<ReturnType<typeof generateGrpc>>; codecs: LoadedCodec[]; dir: string }> {
  const files = await generateGrpc(await loadContract(proto), { codec: 'fast' });
  const dir = scratchDir('ck-codec-');
  return { files, codecs: await loadCodecs(files, dir), dir };
}

describe('codec: fast on the example protos', async () => {
  const { files, codecs, dir } = await codecsOf('examples/orders/proto');

  it('generates a codec file per proto file with messages (the well-known types used included)', () => {
    expect(files.map((f) => f.path).filter((p) => p.endsWith('_codec.ts'))).toEqual([
      'google/protobuf/timestamp_codec.ts',
      'money/v1/money_codec.ts',
      'orders/v1/orders_codec.ts',
      'payments/v1/payments_codec.ts',
    ]);
    const grpc = files.find((f) => f.path === 'orders/v1/orders_grpc.ts')!.content;
    expect(grpc).toContain("'orders.v1.GetOrderRequest': GetOrderRequestCodec,");
    expect(grpc).toContain('registerService(server, OrderService, handlers, { ...options, codecs: codecs });');
  });

  it('type-checks under strict with the committed example usage', () => {
    const dir = writeFiles(files, scratchDir('ck-codec-tsc-'));
    cpSync(join(root, 'test/fixtures/grpc/echo-generated'), join(dir, 'echo-out'), { recursive: true });
    expect(typeCheck(dir)).toBe('');
  });

  it('every message round-trips byte-identical with protobuf-es (random messages, both directions)', () => {
    expect(codecs.map((c) => c.codec.typeName)).toContain('orders.v1.Order');
    for (const { schema, codec } of codecs) checkCodec(schema, codec, RUNS);
  });

  it('the generated stubs put the codecs on the wire of grpc-js (unary and server streaming, loopback)', async () => {
    const grpcFile = join(dir, 'orders/v1/orders_grpc.js');
    const stubs = (await import(pathToFileURL(grpcFile).href)) as typeof import('../../../examples/orders/generated/grpc/orders/v1/orders_grpc.js');
    const codecModule = (await import(pathToFileURL(join(dir, 'orders/v1/orders_codec.js')).href)) as Record<string, MessageCodec>;
    const encodeResponse = vi.spyOn(codecModule.GetOrderResponseCodec!, 'encode');
    const decodeResponse = vi.spyOn(codecModule.GetOrderResponseCodec!, 'decode');
    const decodeStreamed = vi.spyOn(codecModule.StreamOrdersResponseCodec!, 'decode');
    const server = new grpc.Server();
    const order = { orderId: 'o-1', customerId: 'ü-2', lineItems: [{ productId: 'p', quantity: 2, unitPrice: { currencyCode: 'EUR', units: 12n, nanos: 5 } }], createTime: { seconds: 1_700_000_000n, nanos: 1 } };
    stubs.registerOrderService(server, {
      getOrder: async (req) => ({ order: { ...order, orderId: req.orderId } }),
      listOrders: async () => ({}),
      createOrder: async () => ({}),
      async *streamOrders() {
        for (let i = 0; i < 3; i++) yield { order: { ...order, orderId: String(i) } };
      },
    });
    const port = await listen(server, '127.0.0.1:0');
    const client = stubs.createOrderServiceClient(`127.0.0.1:${port}`, { breakers: createBreakerRegistry() });
    try {
      const res = await client.getOrder({ orderId: 'o-9' });
      expect(res.order).toStrictEqual(create(OrderSchema, { ...order, orderId: 'o-9' }));
      const streamed: string[] = [];
      for await (const m of client.streamOrders({ customerId: 'c' })) streamed.push(m.order!.orderId);
      expect(streamed).toEqual(['0', '1', '2']);
      expect([encodeResponse.mock.calls.length, decodeResponse.mock.calls.length, decodeStreamed.mock.calls.length]).toEqual([1, 1, 3]);
    } finally {
      client.close();
      server.forceShutdown();
    }
  });
});

describe('codec: fast on proto3, proto2 and editions fixtures', async () => {
  const { files, codecs } = await codecsOf('test/fixtures/grpc/codec');
  const byName = new Map(codecs.map((c) => [c.codec.typeName, c]));

  it('covers the fixture messages and the well-known types they use', () => {
    for (const name of ['codec.v1.Scalars', 'codec.v1.Maps', 'codec.v1.Proto2', 'codec.v1.Proto2.OptionalGroup', 'codec.v1.Editions', 'google.protobuf.Value', 'google.protobuf.Any']) {
      expect(byName.has(name), name).toBe(true);
    }
  });

  it('specialises every message, Struct fields held as JSON objects included (nothing is left to protobuf-es)', () => {
    const proto3 = files.find((f) => f.path === 'codec/v1/proto3_codec.ts')!.content;
    expect(proto3).toContain('m.struct = structToJson(readStruct(r, r.uint32(), structToMessage(m.struct), depth));');
    expect(files.map((f) => f.content).join('')).not.toMatch(/import [^;]*\b(toBinary|fromBinary|mergeFromBinary)\b/);
  });

  it('every message round-trips byte-identical with protobuf-es (random messages, both directions)', () => {
    for (const { schema, codec } of codecs) checkCodec(schema, codec, RUNS);
  });

  it.each(WIRE_CASES)('conformance-style binary case: $name', ({ type, bytes, valid }) => {
    const { schema, codec } = byName.get(type)!;
    const input = new Uint8Array(bytes);
    expect(() => fromBinary(schema, input), 'protobuf-es accepts the case as the fixture says').toSatisfy((f: () => unknown) => {
      try {
        f();
        return valid;
      } catch {
        return !valid;
      }
    });
    expectSame(() => codec.decode(input), () => fromBinary(schema, input), 'decode');
    if (valid) expectSame(() => codec.encode(codec.decode(input)), () => toBinary(schema, fromBinary(schema, input)), 'encode of the decoded message');
  });
});

describe('codec option', () => {
  it('defaults to fast: the codec files and the service files of the committed example output', async () => {
    const files = await generateGrpc(await loadContract('examples/orders/proto'));
    expect(files.map((f) => f.path).filter((p) => p.endsWith('_codec.ts'))).toEqual([
      'google/protobuf/timestamp_codec.ts',
      'money/v1/money_codec.ts',
      'orders/v1/orders_codec.ts',
      'payments/v1/payments_codec.ts',
    ]);
    for (const path of ['orders/v1/orders_grpc.ts', 'orders/v1/orders_codec.ts']) {
      expect(files.find((f) => f.path === path)!.content).toBe(readFileSync(join(root, 'examples/orders/generated/grpc', path), 'utf8'));
    }
  });

  it('`codec: protobuf-es` keeps toBinary/fromBinary on the wire: no codec files, no codecs handed to the runtime', async () => {
    const files = await generateGrpc(await loadContract('examples/orders/proto'), { codec: 'protobuf-es' });
    expect(files.some((f) => f.path.endsWith('_codec.ts'))).toBe(false);
    const grpc = files.find((f) => f.path === 'orders/v1/orders_grpc.ts')!.content;
    expect(grpc).not.toContain('_codec.js');
    expect(grpc).not.toContain('codecs');
  });

  it('`codec: fast` in a config target writes the codec files; a bad value exits 2 writing nothing', () => {
    const dir = scratchDir('ck-codec-cli-');
    cpSync(join(root, 'examples/orders/proto'), join(dir, 'proto'), { recursive: true });
    const config = (codec: string) =>
      `version: 1\ncontracts:\n  orders:\n    proto: proto\n    generate:\n      - target: grpc\n        out: out\n        options: { codec: ${codec} }\n`;
    writeFileSync(join(dir, 'contractkit.yaml'), config('fast'));
    const ok = runCli(['generate', '--no-cache'], dir);
    expect(ok.stderr).not.toContain('error');
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'out/orders/v1/orders_grpc.ts'), 'utf8')).toContain("from './orders_codec.js'");
    expect(readdirSync(join(dir, 'out/orders/v1')).sort()).toEqual(['orders_codec.ts', 'orders_grpc.ts', 'orders_pb.ts']);
    const bad = scratchDir('ck-codec-cli-bad-');
    cpSync(join(root, 'examples/orders/proto'), join(bad, 'proto'), { recursive: true });
    writeFileSync(join(bad, 'contractkit.yaml'), config('turbo'));
    const refused = runCli(['generate', '--no-cache'], bad);
    expect(refused.code).toBe(2);
    // the config's schema holds the grpc options: the bad value is reported at its line in contractkit.yaml
    expect(refused.stdout).toMatch(/^\s+8:27\s+error\s+grpc: `codec` must be one of "protobuf-es", "fast"\.\s+config\/invalid-generator-options$/m);
    expect(readdirSync(bad).sort()).toEqual(['contractkit.yaml', 'proto']);
  });

  it('an unknown value is a usage error naming the values', async () => {
    const run = grpcGenerator.generate({ contracts: [] } as never, { options: { codec: 'speedy' } } as never);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow('grpc: option `codec` must be one of protobuf-es, fast (got "speedy").');
  });
});
