/**
 * The gRPC mock over the example's proto contract, called for real with a
 * grpc-js client: every unary rpc answers a sample of its output type (the
 * same for one seed), a server stream sends the configured number.
 */
import * as grpc from '@grpc/grpc-js';
import { createFileRegistry, fromBinary, toBinary } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProtoContract } from '../../contracts/model/types.js';
import { UsageError } from '../../contracts/errors.js';
import { serviceDefinition } from '../../runtime/src/grpc/definition.js';
import { startMock, type RunningMock } from '../../mock/index.js';
import { sampleMessage } from '../../mock/proto/samples.js';
import { loadContract } from '../generators/grpc/helpers.js';

let contract: ProtoContract;
let mock: RunningMock;

beforeAll(async () => {
  contract = await loadContract('examples/orders/proto', 'orders-proto');
  mock = await startMock(contract, { port: 0, seed: 4, streamCount: 4 });
}, 60_000);
afterAll(() => mock?.close());

it('answers every unary rpc of every service with the seeded sample of its output', async () => {
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, contract.image));
  let calls = 0;
  for (const s of contract.services) {
    const service = registry.getService(s.fullName)!;
    const Client = grpc.makeGenericClientConstructor(serviceDefinition(service), s.name);
    const client = new Client(mock.url, grpc.credentials.createInsecure()) as unknown as Record<string, (req: unknown, cb: (e: Error | null, v: unknown) => void) => void>;
    try {
      for (const method of service.methods.filter((m) => m.methodKind === 'unary')) {
        const answer = await new Promise<unknown>((resolve, reject) => client[method.localName]!.call(client, {}, (e, v) => (e ? reject(e) : resolve(v))));
        expect(toBinary(method.output, answer as never)).toEqual(toBinary(method.output, sampleMessage(method.output, 4)));
        calls++;
      }
    } finally {
      (client as unknown as grpc.Client).close();
    }
  }
  expect(calls).toBeGreaterThan(3);
});

it('a server stream sends the configured number of samples', async () => {
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, contract.image));
  const s = contract.services.find((x) => x.methods.some((m) => m.kind === 'server_streaming'))!;
  const service = registry.getService(s.fullName)!;
  const method = service.methods.find((m) => m.methodKind === 'server_streaming')!;
  const Client = grpc.makeGenericClientConstructor(serviceDefinition(service), s.name);
  const client = new Client(mock.url, grpc.credentials.createInsecure()) as unknown as Record<string, (req: unknown) => NodeJS.EventEmitter>;
  const got: unknown[] = [];
  await new Promise<void>((resolve, reject) => {
    const call = client[method.localName]!.call(client, {});
    call.on('data', (m: unknown) => got.push(m));
    call.on('end', resolve);
    call.on('error', reject);
  });
  (client as unknown as grpc.Client).close();
  expect(got).toHaveLength(4);
  expect(toBinary(method.output, got[0] as never).length).toBeGreaterThan(0);
});

it('a proto contract without rpcs says so', async () => {
  await expect(startMock({ ...contract, services: [] }, { port: 0 })).rejects.toBeInstanceOf(UsageError);
});
