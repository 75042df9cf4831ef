/**
 * Typed clients over grpc-js from protobuf-es service descriptors: unary calls
 * return promises, streams are async iterables; every call has a deadline,
 * metadata and cancellation; idempotent methods are retried by grpc-js on
 * `UNAVAILABLE`; calls go through a circuit breaker per target; failures are
 * {@link GrpcError}s with decoded rich details.
 */
import * as grpc from '@grpc/grpc-js';
import type { DescMethod, Registry } from '@bufbuild/protobuf';
import { defaultBreakers, type BreakerOptions, type BreakerRegistry, type TargetBreaker } from './breaker.js';
import { methodDefinition } from './definition.js';
import { GrpcError, Status, toGrpcError } from './errors.js';
import { toMetadata } from './metadata.js';
import { buildServiceConfig, timeoutFor, type DeadlineOptions, type RetryOptions } from './service-config.js';
import type { CallOptions, MetadataInit, ServiceClient, ServiceLike } from './types.js';

/** Options of a client. */
export interface ClientOptions extends DeadlineOptions {
  /** Channel credentials (default insecure, for loopback and meshes that do TLS). */
  credentials?: grpc.ChannelCredentials;
  /** Extra grpc-js channel options. */
  channelOptions?: grpc.ChannelOptions;
  /** Retry policy of idempotent methods; `false` disables retries. */
  retry?: RetryOptions | false;
  /** Circuit breaker settings; `false` disables it. */
  breaker?: BreakerOptions | false;
  /** Where breakers are shared (default: process-wide, one per target). */
  breakers?: BreakerRegistry;
  /** grpc-js client interceptors, outermost first. */
  interceptors?: grpc.Interceptor[];
  /** Metadata sent with every call. */
  metadata?: MetadataInit;
  /** Message types for decoding custom rich error details. */
  registry?: Registry;
}

/** What every client has besides its methods. */
export interface GrpcClient {
  /** The target the client calls (`127.0.0.1:50051`, `dns:///orders:443`). */
  readonly target: string;
  /** The underlying grpc-js client. */
  readonly grpcClient: grpc.Client;
  /** Waits until the channel is connected, or rejects after `timeoutMs`. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /** Closes the channel. */
  close(): void;
}

/** Creates a typed client of `service` at `target`. */
export function createClient<S extends ServiceLike & { readonly typeName: string }>(
  service: S,
  target: string,
  options: ClientOptions = {},
): ServiceClient<S> & GrpcClient {
  const serviceConfig = buildServiceConfig([service as never], options.retry ?? {});
  const grpcClient = new grpc.Client(target, options.credentials ?? grpc.credentials.createInsecure(), {
    'grpc.service_config': JSON.stringify(serviceConfig),
    ...(options.interceptors ? { interceptors: options.interceptors } : {}),
    ...options.channelOptions,
  });
  const breaker = options.breaker === false ? undefined : (options.breakers ?? defaultBreakers).get(target, options.breaker || {});
  const core: GrpcClient = {
    target,
    grpcClient,
    waitForReady: (timeoutMs = 5000) =>
      new Promise((resolve, reject) => grpcClient.waitForReady(Date.now() + timeoutMs, (e) => (e ? reject(e) : resolve()))),
    close: () => grpcClient.close(),
  };
  const client: Record<string, unknown> = { ...core };
  Object.defineProperty(client, 'target', { value: target, enumerable: true });
  for (const method of Object.values(service.method)) {
    client[method.localName] = bindMethod(grpcClient, method, options, breaker);
  }
  return client as ServiceClient<S> & GrpcClient;
}

interface Prepared {
  metadata: grpc.Metadata;
  callOptions: grpc.CallOptions;
}

function prepare(method: DescMethod, options: ClientOptions, call: CallOptions | undefined): Prepared {
  if (call?.signal?.aborted) throw new GrpcError(Status.CANCELLED, 'call cancelled before it started', { cause: call.signal.reason });
  const timeout = timeoutFor(method, options, call?.timeoutMs);
  return {
    metadata: toMetadata(options.metadata, call?.metadata),
    callOptions: { deadline: Number.isFinite(timeout) ? Date.now() + timeout : Infinity },
  };
}

/** Wires cancellation, header and trailer callbacks to a grpc-js call. */
function watch(call: grpc.Call, options: CallOptions | undefined): () => void {
  if (options?.onHeader) call.on('metadata', options.onHeader);
  if (options?.onTrailer) call.on('status', (s: grpc.StatusObject) => options.onTrailer!(s.metadata));
  const signal = options?.signal;
  if (!signal) return () => {};
  const abort = () => call.cancel();
  signal.addEventListener('abort', abort, { once: true });
  return () => signal.removeEventListener('abort', abort);
}

function bindMethod(client: grpc.Client, method: DescMethod, options: ClientOptions, breaker: TargetBreaker | undefined) {
  const def = methodDefinition(method);
  const guard = <T>(fn: () => Promise<T>): Promise<T> => (breaker ? breaker.execute(fn) : fn());
  const fail = (e: unknown) => toGrpcError(e, options.registry);
  switch (method.methodKind) {
    case 'unary':
      return (request: unknown, call?: CallOptions) =>
        guard(
          () =>
            new Promise((resolve, reject) => {
              const p = prepare(method, options, call);
              let unwatch = () => {};
              const c = client.makeUnaryRequest(def.path, def.requestSerialize, def.responseDeserialize, request, p.metadata, p.callOptions, (err, res) => {
                unwatch();
                if (err) reject(fail(err));
                else resolve(res);
              });
              unwatch = watch(c, call);
            }),
        );
    case 'client_streaming':
      return (requests: AsyncIterable<unknown>, call?: CallOptions) =>
        guard(
          () =>
            new Promise((resolve, reject) => {
              const p = prepare(method, options, call);
              let unwatch = () => {};
              const c = client.makeClientStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, p.metadata, p.callOptions, (err, res) => {
                unwatch();
                if (err) reject(fail(err));
                else resolve(res);
              });
              unwatch = watch(c, call);
              pump(requests, c).catch((e) => {
                c.cancel();
                reject(fail(e));
              });
            }),
        );
    case 'server_streaming':
      return (request: unknown, call?: CallOptions) =>
        iterate(guard, call, () => {
          const p = prepare(method, options, call);
          return client.makeServerStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, request, p.metadata, p.callOptions);
        }, fail);
    case 'bidi_streaming':
      return (requests: AsyncIterable<unknown>, call?: CallOptions) =>
        iterate(guard, call, () => {
          const p = prepare(method, options, call);
          const c = client.makeBidiStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, p.metadata, p.callOptions);
          pump(requests, c).catch(() => c.cancel());
          return c;
        }, fail);
  }
}

/** Resolves on 'drain' or 'status', removing both listeners. */
function drained(call: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('status', done);
      resolve();
    };
    call.on('drain', done);
    call.on('status', done);
  });
}

/** Writes every request with backpressure, then half-closes. */
async function pump(requests: AsyncIterable<unknown>, call: grpc.ClientWritableStream<unknown> | grpc.ClientDuplexStream<unknown, unknown>): Promise<void> {
  for await (const r of requests) {
    if (!call.write(r)) await drained(call);
  }
  call.end();
}

/**
 * A response stream as an async iterable. The call starts on the first
 * `next()`; the breaker judges the call by whether it opens (first message,
 * headers or a clean end) so a long stream does not hold it.
 */
async function* iterate(
  guard: <T>(fn: () => Promise<T>) => Promise<T>,
  options: CallOptions | undefined,
  start: () => grpc.ClientReadableStream<unknown> | grpc.ClientDuplexStream<unknown, unknown>,
  fail: (e: unknown) => GrpcError,
): AsyncGenerator<never> {
  let call: grpc.ClientReadableStream<unknown> | undefined;
  let unwatch = () => {};
  try {
    await guard(
      () =>
        new Promise<void>((resolve, reject) => {
          call = start() as grpc.ClientReadableStream<unknown>;
          unwatch = watch(call, options);
          call.once('metadata', () => resolve());
          call.once('readable', () => resolve());
          call.once('status', (s: grpc.StatusObject) => (s.code === Status.OK ? resolve() : undefined));
          call.once('error', (e) => reject(fail(e)));
        }),
    );
    for await (const message of call!) yield message as never;
  } catch (e) {
    throw fail(e);
  } finally {
    unwatch();
    // a consumer that stops early (break, return) cancels the call
    call?.cancel();
  }
}
