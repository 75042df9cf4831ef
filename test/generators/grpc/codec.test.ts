/**
 * `codec: fast`: the generated codecs of the example protos and of fixtures
 * covering proto3, proto2 (groups, required, defaults, closed enums,
 * extensions) and editions (delimited, expanded, presence, closed enums)
 * encode byte for byte as protobuf-es's `toBinary` and decode deep-equal to
 * `fromBinary` (fast-check random messages, both directions); the output
 * type-checks under strict; the service files hand the codecs to grpc-js;
 * a bad option value is a usage error.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../../contracts/errors.js';
import { generateGrpc, grpcGenerator } from '../../../generators/grpc/index.js';
import { checkCodec } from './codec-properties.js';
import { loadCodecs, type LoadedCodec } from './codec-load.js';
import { loadContract, root, scratchDir, typeCheck, writeFiles } from './helpers.js';

// CK_CODEC_RUNS raises the random messages per property for a longer search
const RUNS = Number(process.env.CK_CODEC_RUNS ?? 60);

async function codecsOf(proto: string): Promise<{ files: Awaited<ReturnType<typeof generateGrpc>>; codecs: LoadedCodec[] }> {
  const files = await generateGrpc(await loadContract(proto), { codec: 'fast' });
  return { files, codecs: await loadCodecs(files, scratchDir('ck-codec-')) };
}

describe('codec: fast on the example protos', async () => {
  const { files, codecs } = await codecsOf('examples/orders/proto');

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
});

describe('codec: fast on proto3, proto2 and editions fixtures', async () => {
  const { files, codecs } = await codecsOf('test/fixtures/grpc/codec');
  const byName = new Map(codecs.map((c) => [c.codec.typeName, c]));

  it('covers the fixture messages and the well-known types they use', () => {
    for (const name of ['codec.v1.Scalars', 'codec.v1.Maps', 'codec.v1.Proto2', 'codec.v1.Proto2.OptionalGroup', 'codec.v1.Editions', 'google.protobuf.Value', 'google.protobuf.Any']) {
      expect(byName.has(name), name).toBe(true);
    }
  });

  it('leaves a message with a Struct field to protobuf-es, and says so in the code', () => {
    const wellKnown = files.find((f) => f.path === 'codec/v1/proto3_codec.ts')!.content;
    expect(wellKnown).toMatch(/Left to protobuf-es \(`toBinary`\/`mergeFromBinary`\): field struct is a google\.protobuf\.Struct/);
    expect(wellKnown).toMatch(/export function writeWellKnown\(m: WellKnown, w: ProtoWriter\): void \{\n {2}writeWithProtobufEs\(/);
    // Value holds its Struct as a message, so it is specialised
    expect(files.find((f) => f.path === 'google/protobuf/struct_codec.ts')!.content).not.toContain('writeWithProtobufEs');
  });

  it('every message round-trips byte-identical with protobuf-es (random messages, both directions)', () => {
    for (const { schema, codec } of codecs) checkCodec(schema, codec, RUNS);
  });
});

describe('codec option', () => {
  it('defaults to protobuf-es: no codec files, service files unchanged', async () => {
    const files = await generateGrpc(await loadContract('examples/orders/proto'));
    expect(files.some((f) => f.path.endsWith('_codec.ts'))).toBe(false);
    expect(files.find((f) => f.path === 'orders/v1/orders_grpc.ts')!.content).toBe(
      readFileSync(join(root, 'examples/orders/generated/grpc/orders/v1/orders_grpc.ts'), 'utf8'),
    );
  });

  it('an unknown value is a usage error naming the values', async () => {
    const run = grpcGenerator.generate({ contracts: [] } as never, { options: { codec: 'speedy' } } as never);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow('grpc: option `codec` must be one of protobuf-es, fast (got "speedy").');
  });
});
