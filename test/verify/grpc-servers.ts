/**
 * Hand-written grpc-js servers for the gRPC verify tests, on raw bytes (so a
 * test can answer exactly the bytes it means, unknown fields included):
 *
 * - `startEchoServer`: KitchenService of the fixture, every kind of rpc
 *   answering what it was sent (a provider that keeps its contract);
 * - `startWrongOrderServer`: the example's OrderService done wrong, one defect
 *   per rpc: GetOrder answers a field number the contract does not declare,
 *   ListOrders is not served (UNIMPLEMENTED), CreateOrder fails INTERNAL with
 *   the stack in its details, StreamOrders sends an undeclared OrderStatus
 *   number in its second message.
 */
import * as grpc from '@grpc/grpc-js';
import { create, createFileRegistry, fromBinary, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import type { ProtoContract } from '../../contracts/model/types.js';

/** A running test server. */
export interface TestGrpcServer {
  target: string;
  close(): Promise<void>;
}

const same = (b: Buffer) => b;

function rawMethod(path: string, requestStream: boolean, responseStream: boolean): grpc.MethodDefinition<Buffer, Buffer> {
  return { path, requestStream, responseStream, requestSerialize: same, requestDeserialize: same, responseSerialize: same, responseDeserialize: same };
}

async function serve(add: (server: grpc.Server) => void): Promise<TestGrpcServer> {
  const server = new grpc.Server();
  add(server);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { target: `127.0.0.1:${port}`, close: () => new Promise((resolve) => server.tryShutdown(() => resolve())) };
}

/** KitchenService answering every call with what it was sent. */
export function startEchoServer(): Promise<TestGrpcServer> {
  const svc = '/kitchen.v1.KitchenService';
  return serve((server) =>
    server.addService(
      { echo: rawMethod(`${svc}/Echo`, false, false), count: rawMethod(`${svc}/Count`, false, true), gather: rawMethod(`${svc}/Gather`, true, false), chat: rawMethod(`${svc}/Chat`, true, true) },
      {
        echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => cb(null, call.request),
        count: (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
          for (let i = 0; i < 3; i++) call.write(call.request);
          call.end();
        },
        gather: (call: grpc.ServerReadableStream<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => {
          let last: Buffer = Buffer.alloc(0);
          call.on('data', (b: Buffer) => (last = b));
          call.on('end', () => cb(null, last));
        },
        chat: (call: grpc.ServerDuplexStream<Buffer, Buffer>) => {
          call.on('data', (b: Buffer) => call.write(b));
          call.on('end', () => call.end());
        },
      },
    ),
  );
}

/** The example's OrderService with one defect per rpc (see the file comment). */
export function startWrongOrderServer(contract: ProtoContract): Promise<TestGrpcServer> {
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, contract.image));
  const message = (name: string) => registry.getMessage(name) as DescMessage;
  const encode = (name: string, init: Record<string, unknown>) => Buffer.from(toBinary(message(name), create(message(name), init as never)));
  const order = { orderId: 'o-1', customerId: 'c-1', status: 1, total: { currencyCode: 'EUR', units: 12n, nanos: 0 } };
  const svc = '/orders.v1.OrderService';
  return serve((server) =>
    server.addService(
      { getOrder: rawMethod(`${svc}/GetOrder`, false, false), createOrder: rawMethod(`${svc}/CreateOrder`, false, false), streamOrders: rawMethod(`${svc}/StreamOrders`, false, true) },
      {
        // field 99, varint 1: tag (99 << 3 | 0) = 792 = 0x98 0x06
        getOrder: (_call: unknown, cb: grpc.sendUnaryData<Buffer>) => cb(null, Buffer.concat([encode('orders.v1.GetOrderResponse', { order }), Buffer.from([0x98, 0x06, 0x01])])),
        createOrder: (_call: unknown, cb: grpc.sendUnaryData<Buffer>) => {
          const err = new TypeError("Cannot read properties of undefined (reading 'units')");
          cb({ code: grpc.status.INTERNAL, details: err.stack ?? String(err), name: 'Error', message: 'internal' }, null);
        },
        streamOrders: (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
          call.write(encode('orders.v1.StreamOrdersResponse', { order }));
          call.write(encode('orders.v1.StreamOrdersResponse', { order: { ...order, status: 9 } }));
          call.end();
        },
      },
    ),
  );
}
