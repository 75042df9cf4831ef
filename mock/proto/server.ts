/**
 * The gRPC mock: a grpc-js server answering every rpc of every service of a
 * proto contract with deterministic samples (mock/proto/samples.ts). The
 * service descriptors come from the contract's buf image through protobuf-es
 * reflection; the grpc-js definitions from the runtime's bridge. Server
 * streams send `streamCount` samples; client streams are read to the end,
 * then answered; bidi streams answer each message.
 */
import { createFileRegistry, fromBinary, type DescMethod } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { UsageError } from '../../contracts/errors.js';
import type { ProtoContract } from '../../contracts/model/types.js';
import { serviceDefinition } from '../../runtime/src/grpc/definition.js';
import type { RunningMock } from '../openapi/server.js';
import { sampleMessage } from './samples.js';

/** Options of the gRPC mock. */
export interface ProtoMockOptions {
  port?: number;
  host?: string;
  seed?: number;
  /** Messages a server stream sends (default 3). */
  streamCount?: number;
  log?: (line: string) => void;
}

/** Starts the gRPC mock of `contract`; its `url` is `host:port`. @throws UsageError when the contract has no rpc. */
export async function startProtoMock(contract: ProtoContract, options: ProtoMockOptions = {}): Promise<RunningMock> {
  const methods = contract.services.flatMap((s) => s.methods);
  if (methods.length === 0) {
    throw new UsageError(`${contract.file}: the contract has no rpc: there is nothing to mock.`, [
      { ruleId: 'mock/no-operations', severity: 'error', kind: 'proto', file: contract.file, line: 1, column: 1, message: 'The contract declares no service with an rpc: there is nothing to mock.', hint: 'Add a service with rpcs, or mock another contract.' },
    ]);
  }
  const grpc = await import('@grpc/grpc-js');
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, contract.image));
  const seed = options.seed ?? 1;
  const count = options.streamCount ?? 3;
  const log = options.log ?? (() => {});
  const server = new grpc.Server();
  const routes: string[] = [];
  for (const s of contract.services) {
    const service = registry.getService(s.fullName);
    if (!service) continue;
    const impl: Record<string, (...args: never[]) => void> = {};
    for (const method of service.methods) {
      routes.push(`${method.methodKind} /${service.typeName}/${method.name}`);
      impl[method.localName] = handler(method, seed, count, log) as never;
    }
    server.addService(serviceDefinition(service), impl as never);
  }
  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port ?? 4010}`, grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    url: `${host}:${port}`,
    routes: routes.sort(),
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

/** The grpc-js handler of `method`, by its kind. */
function handler(method: DescMethod, seed: number, count: number, log: (line: string) => void): unknown {
  const path = `/${method.parent.typeName}/${method.name}`;
  const reply = (i = 0) => sampleMessage(method.output, seed + i);
  type Callback = (err: null, value: unknown) => void;
  interface Stream {
    on(event: string, f: (...a: unknown[]) => void): void;
    write(v: unknown): void;
    end(): void;
  }
  switch (method.methodKind) {
    case 'unary':
      return (_call: unknown, callback: Callback) => {
        log(`${path} → OK`);
        callback(null, reply());
      };
    case 'server_streaming':
      return (call: Stream) => {
        for (let i = 0; i < count; i++) call.write(reply(i));
        call.end();
        log(`${path} → ${count} messages`);
      };
    case 'client_streaming':
      return (call: Stream, callback: Callback) => {
        call.on('data', () => {});
        call.on('end', () => {
          log(`${path} → OK`);
          callback(null, reply());
        });
      };
    default:
      return (call: Stream) => {
        let i = 0;
        call.on('data', () => call.write(reply(i++)));
        call.on('end', () => {
          log(`${path} → ${i} messages`);
          call.end();
        });
      };
  }
}
