/**
 * One gRPC exchange with the provider, on a grpc-js client that sends
 * protobuf-es encodings and keeps the answers as raw bytes (so the checks
 * decode them themselves and see unknown fields): unary and client-streaming
 * calls get one message, server-streaming and bidi calls are read to their end.
 */
import type { Client, Metadata, ServiceError } from '@grpc/grpc-js';
import type { RpcMethodKind } from '../../contracts/model/types.js';
import type { CallStatus } from './check-answer.js';

/** grpc-js, loaded once the first proto provider is verified (the CLI does not load it otherwise). */
export type GrpcJs = typeof import('@grpc/grpc-js');

/** What the provider answered to one call: the messages (raw) and the status when it is not OK. */
export interface RpcAnswer {
  messages: Uint8Array[];
  status?: CallStatus;
}

/** What to send: the encoded request messages (one for unary and server streaming) and the metadata. */
export interface RpcRequest {
  path: string;
  kind: RpcMethodKind;
  messages: Uint8Array[];
  metadata: Record<string, string>;
  timeoutMs: number;
}

const raw = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

function statusOf(err: ServiceError): CallStatus {
  const bin = err.metadata?.get('grpc-status-details-bin')[0];
  return { code: err.code, details: err.details ?? err.message, ...(bin instanceof Buffer ? { statusDetailsBin: raw(bin) } : {}) };
}

/** Calls `req.path` on `client` and collects the answer. Never rejects: a failed call is its status. */
export function call(grpc: GrpcJs, client: Client, req: RpcRequest): Promise<RpcAnswer> {
  const metadata: Metadata = new grpc.Metadata();
  for (const [k, v] of Object.entries(req.metadata)) metadata.set(k, v);
  const options = { deadline: Date.now() + req.timeoutMs };
  return new Promise((resolve) => {
    const messages: Uint8Array[] = [];
    const done = (err: ServiceError | null, value?: Buffer) => {
      if (value) messages.push(raw(value));
      resolve(err ? { messages, status: statusOf(err) } : { messages });
    };
    const first = req.messages[0] ?? new Uint8Array();
    switch (req.kind) {
      case 'unary':
        client.makeUnaryRequest(req.path, asBuffer, (b: Buffer) => b, first, metadata, options, done);
        return;
      case 'client_streaming': {
        const stream = client.makeClientStreamRequest(req.path, asBuffer, (b: Buffer) => b, metadata, options, done);
        for (const m of req.messages) stream.write(m);
        stream.end();
        return;
      }
      default: {
        const stream =
          req.kind === 'server_streaming'
            ? client.makeServerStreamRequest(req.path, asBuffer, (b: Buffer) => b, first, metadata, options)
            : client.makeBidiStreamRequest(req.path, asBuffer, (b: Buffer) => b, metadata, options);
        stream.on('data', (b: Buffer) => messages.push(raw(b)));
        stream.on('error', (err: ServiceError) => done(err));
        stream.on('end', () => done(null));
        if (req.kind === 'bidi_streaming') {
          const duplex = stream as unknown as { write(m: Uint8Array): void; end(): void };
          for (const m of req.messages) duplex.write(m);
          duplex.end();
        }
      }
    }
  });
}

/** Resolves once the client is connected; rejects with the reason when `timeoutMs` passes first. */
export function connected(client: Client, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => client.waitForReady(Date.now() + timeoutMs, (err) => (err ? reject(err) : resolve())));
}

/** Whether a status is grpc-js saying the connection failed (not a status the provider sent). */
export function isConnectionFailure(status: CallStatus | undefined): boolean {
  return status?.code === 14 && /No connection established|Connection dropped|ECONNREFUSED|ECONNRESET|Failed to connect/i.test(status.details);
}
