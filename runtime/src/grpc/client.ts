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
import type { CodecMap } from '../protobuf/codec.js';
import { GrpcError, toGrpcError } from './errors.js';
import { buildServiceConfig, timeoutFor, type DeadlineOptions, type RetryOptions } from './service-config.js';
import type { CallOptions, MetadataInit, ServiceClient, ServiceLike } from './types.js';
import { callMetadata, callOptions, checkNotAborted, prepare, watch, type BoundMethod, type Prepared } from './client-call.js';
import { pump, responses } from './client-streams.js';
import { endRpcClientSpan, rpcSpanInfo, startRpcClientSpan } from '../tracing/rpc.js';

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
  /** Codecs by message name (generated with `codec: fast`); messages without one use protobuf-es. */
  codecs?: CodecMap;
  /**
   * OpenTelemetry client spans (`package.Service/Method`) and W3C trace context in the call's metadata, through
   * `@opentelemetry/api` (default true; a no-op until the application installs an SDK). `false` turns them off.
   */
  tracing?: boolean;
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
    client[method.localName] = bindMethod(grpcClient, method, options, breaker, target);
  }
  return client as ServiceClient<S> & GrpcClient;
}

/**
 * One unary call, kept lean (it is the hot path): two closures, as a
 * hand-written grpc-js call has. `report` is the breaker when it was closed at
 * the start, so the call's status is recorded; undefined when the call runs
 * through the breaker, which records it itself.
 */
function unary(m: BoundMethod, request: unknown, call: CallOptions | undefined, report: TargetBreaker | undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    checkNotAborted(call);
    const def = m.def;
    let unwatch: (() => void) | undefined;
    const metadata = callMetadata(m, call);
    const span = m.span ? startRpcClientSpan(m.span, metadata) : undefined;
    const c = m.client.makeUnaryRequest(def.path, def.requestSerialize, def.responseDeserialize, request, metadata, callOptions(m, call), (err, res) => {
      unwatch?.();
      if (err) {
        const e = m.fail(err);
        if (span) endRpcClientSpan(span, e.code, e.message);
        report?.failure(e.code);
        reject(e);
      } else {
        if (span) endRpcClientSpan(span, 0);
        report?.success();
        resolve(res);
      }
    });
    if (call) unwatch = watch(c, call);
  });
}

/** Starts a call; `abandon` settles it with a client-side error (not the server's doing, so not reported to the breaker). */
type Begin = (p: Prepared, done: grpc.requestCallback<unknown>, abandon: (e: unknown) => void) => grpc.Call;

/**
 * A client-streaming call, judged by the status it ends with. While
 * the breaker is closed the call runs directly and its status is reported to
 * the breaker; otherwise it goes through the breaker (fail fast, or the
 * half-open trial).
 */
function single(m: BoundMethod, call: CallOptions | undefined, begin: Begin): Promise<unknown> {
  const run = (report: TargetBreaker | undefined) =>
    new Promise<unknown>((resolve, reject) => {
      let unwatch: (() => void) | undefined;
      let settled = false;
      const p = prepare(m, call);
      const span = m.span ? startRpcClientSpan(m.span, p.metadata) : undefined;
      const c = begin(
        p,
        (err, res) => {
          unwatch?.();
          if (settled) return;
          settled = true;
          if (err) {
            const e = m.fail(err);
            if (span) endRpcClientSpan(span, e.code, e.message);
            report?.failure(e.code);
            reject(e);
          } else {
            if (span) endRpcClientSpan(span, 0);
            report?.success();
            resolve(res);
          }
        },
        (e) => {
          unwatch?.();
          if (settled) return;
          settled = true;
          const failure = m.fail(e);
          if (span) endRpcClientSpan(span, failure.code, failure.message);
          reject(failure);
        },
      );
      if (call) unwatch = watch(c, call);
    });
  const breaker = m.breaker;
  if (breaker && !breaker.closed) return breaker.execute(() => run(undefined));
  return run(breaker);
}

function bindMethod(client: grpc.Client, method: DescMethod, options: ClientOptions, breaker: TargetBreaker | undefined, target: string) {
  const def = methodDefinition(method, options.codecs);
  const fail = (e: unknown) => toGrpcError(e, options.registry);
  const span = options.tracing === false ? undefined : rpcSpanInfo(def.path, target);
  const m: BoundMethod = { client, def, timeoutMs: timeoutFor(method, options), metadata: options.metadata, fail, breaker, span };
  /** A stream's client span: started with the call, ended by the status it ends with. */
  const traced = <C extends grpc.ClientReadableStream<unknown> | grpc.ClientDuplexStream<unknown, unknown>>(p: { metadata: grpc.Metadata }, open: () => C): C => {
    if (!span) return open();
    const s = startRpcClientSpan(span, p.metadata);
    const c = open();
    c.once('status', (st: grpc.StatusObject) => endRpcClientSpan(s, st.code, st.code === 0 ? undefined : st.details));
    return c;
  };
  switch (method.methodKind) {
    case 'unary':
      return (request: unknown, call?: CallOptions) =>
        breaker && !breaker.closed ? breaker.execute(() => unary(m, request, call, undefined)) : unary(m, request, call, breaker);
    case 'client_streaming':
      return (requests: AsyncIterable<unknown>, call?: CallOptions) =>
        single(m, call, (p, done, abandon) => {
          const c = client.makeClientStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, p.metadata, p.callOptions, done);
          // a failing request iterable fails the call with its error and cancels it
          pump(requests, c).catch((e) => {
            abandon(e);
            c.cancel();
          });
          return c;
        });
    case 'server_streaming':
      return (request: unknown, call?: CallOptions) =>
        responses(m, call, () => {
          const p = prepare(m, call);
          return traced(p, () => client.makeServerStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, request, p.metadata, p.callOptions));
        });
    case 'bidi_streaming':
      return (requests: AsyncIterable<unknown>, call?: CallOptions) =>
        responses(m, call, () => {
          const p = prepare(m, call);
          const c = traced(p, () => client.makeBidiStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, p.metadata, p.callOptions));
          pump(requests, c).catch(() => c.cancel());
          return c;
        });
  }
}
