/**
 * Registers typed handlers on a grpc-js server. Handlers are async functions
 * (unary), async generators (server streaming), take async iterables (client
 * streaming) or both (bidi); they may return plain init objects; a thrown
 * {@link GrpcError} becomes its status with rich details, anything else
 * `UNKNOWN`.
 */
import * as grpc from '@grpc/grpc-js';
import type { DescMethod } from '@bufbuild/protobuf';
import { methodDefinition, serviceDefinition } from './definition.js';
import { toServiceError } from './errors.js';
import type { CodecMap } from '../protobuf/codec.js';
import type { ServerCallContext, ServiceHandlers, ServiceLike } from './types.js';
import { context } from '@opentelemetry/api';
import { endRpcServerSpan, rpcSpanInfo, startRpcServerSpan, type RpcSpanInfo } from '../tracing/rpc.js';

/**
 * A server interceptor: runs around every handler of the services it is
 * registered with. Call `next()` to run the handler (it resolves when the
 * handler is done, for streams when the stream ends); throw a GrpcError to
 * reject the call (authentication, rate limits), or observe the outcome
 * (logging, metrics).
 */
export type ServerInterceptor = (context: ServerCallContext, next: () => Promise<void>) => Promise<void>;

/** Options of {@link registerService}. */
export interface RegisterOptions {
  /** Interceptors, outermost first. */
  interceptors?: ServerInterceptor[];
  /** Codecs by message name (generated with `codec: fast`); messages without one use protobuf-es. */
  codecs?: CodecMap;
  /**
   * OpenTelemetry server spans continuing the caller's W3C trace context from the metadata, with the handler run in
   * the span's context (default true; a no-op until the application installs an SDK). `false` turns them off.
   */
  tracing?: boolean;
}

type AnyCall = grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerReadableStream<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>;

const CANCELLED_REASON = 'call cancelled by the client or its deadline passed';

/**
 * The context of one call. A class, unlike the rest of the runtime, because
 * one is made per call: its getters live on the prototype instead of being
 * closures made per call, and what most handlers never touch (the abort
 * signal, response metadata) is built only when asked for.
 */
class CallContext implements ServerCallContext {
  private controller: AbortController | undefined;
  private header: grpc.Metadata | undefined;
  private trailer: grpc.Metadata | undefined;
  private headerSent = false;

  constructor(
    private readonly call: AnyCall,
    readonly method: string,
  ) {}

  get metadata(): grpc.Metadata {
    return this.call.metadata;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = (this.controller = new AbortController());
      if (this.call.cancelled) controller.abort(new Error(CANCELLED_REASON));
      else (this.call as grpc.ServerUnaryCall<unknown, unknown>).once('cancelled', () => controller.abort(new Error(CANCELLED_REASON)));
    }
    return this.controller.signal;
  }

  get deadline(): Date | number {
    return this.call.getDeadline();
  }

  get peer(): string {
    return this.call.getPeer();
  }

  get responseHeader(): grpc.Metadata {
    return (this.header ??= new grpc.Metadata());
  }

  get responseTrailer(): grpc.Metadata {
    return (this.trailer ??= new grpc.Metadata());
  }

  /** The trailer to send, without creating one when the handler set none. */
  trailerToSend(): grpc.Metadata | undefined {
    return this.trailer;
  }

  /** Sends the response headers the handler set, once, before the first message or the status. */
  sendHeaderOnce(): void {
    if (this.headerSent) return;
    this.headerSent = true;
    if (this.header && Object.keys(this.header.getMap()).length > 0) this.call.sendMetadata(this.header);
  }
}

function intercept(interceptors: readonly ServerInterceptor[], ctx: ServerCallContext, run: () => Promise<void>): Promise<void> {
  if (interceptors.length === 0) return run();
  const step = (i: number): Promise<void> => (i < interceptors.length ? interceptors[i]!(ctx, () => step(i + 1)) : run());
  return step(0);
}

/** Writes messages with backpressure. */
async function writeAll(call: grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>, messages: AsyncIterable<unknown>): Promise<void> {
  for await (const m of messages) {
    if (call.cancelled) return;
    if (!call.write(m)) await drained(call);
  }
}

type Handler = (...args: never[]) => unknown;
type Impl = (input: unknown, ctx: ServerCallContext) => unknown;

/** Resolves on 'drain' or 'cancelled', removing both listeners (no listener build-up on long streams). */
function drained(call: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
  });
}

/**
 * The request stream as an async iterable that does not destroy the call when
 * the loop ends (Node's default), so a bidi handler can still answer and the
 * status can still be sent.
 */
function requestsOf(call: grpc.ServerReadableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>): AsyncIterable<unknown> {
  return { [Symbol.asyncIterator]: () => call.iterator({ destroyOnReturn: false }) };
}

/**
 * Runs the handler (through the interceptors, if any) and settles with its
 * result. Without interceptors (the common case) there is no wrapper closure
 * and no extra await.
 */
function runHandler(interceptors: readonly ServerInterceptor[], ctx: CallContext, impl: Impl, input: unknown): Promise<unknown> {
  if (interceptors.length === 0) {
    try {
      return Promise.resolve(impl(input, ctx));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  let result: unknown;
  return intercept(interceptors, ctx, async () => {
    result = await impl(input, ctx);
  }).then(() => result);
}

/** Runs a streaming handler and writes what it yields. */
async function streamAll(call: grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>, ctx: CallContext, impl: Impl, input: unknown): Promise<void> {
  const messages = impl(input, ctx) as AsyncIterable<unknown>;
  ctx.sendHeaderOnce();
  await writeAll(call, messages);
}

/** The error and trailer a failed handler sends as its status. */
function statusError(ctx: CallContext, e: unknown): grpc.ServiceError {
  ctx.sendHeaderOnce();
  const err = toServiceError(e);
  const trailer = ctx.trailerToSend();
  if (trailer) err.metadata.merge(trailer);
  return err as grpc.ServiceError;
}

/**
 * Runs `run` inside the call's server span (when tracing), ending the span
 * with the status the call is about to end with: OK, or the code of the error
 * {@link statusError} makes of the failure.
 */
function traced(info: RpcSpanInfo | undefined, call: AnyCall, run: () => Promise<unknown>): Promise<unknown> {
  if (!info) return run();
  const { span, context: ctx } = startRpcServerSpan(info, call.metadata);
  // a span that records nothing (no SDK) still carries the caller's context on to the handler's calls, but needs no ending
  if (!span.isRecording()) return context.with(ctx, run);
  return context.with(ctx, run).then(
    (value) => {
      endRpcServerSpan(span, 0);
      return value;
    },
    (e: unknown) => {
      const code = toServiceError(e).code;
      endRpcServerSpan(span, code, (e as Error)?.message);
      throw e;
    },
  );
}

function handlerFor(method: DescMethod, fn: Handler, interceptors: readonly ServerInterceptor[], tracing: boolean): grpc.UntypedHandleCall {
  const impl = fn as unknown as Impl;
  const path = methodDefinition(method).path;
  const span = tracing ? rpcSpanInfo(path) : undefined;
  switch (method.methodKind) {
    case 'unary':
    case 'client_streaming': {
      const unary = method.methodKind === 'unary';
      return (call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        const ctx = new CallContext(call, path);
        const input = unary ? (call as grpc.ServerUnaryCall<unknown, unknown>).request : requestsOf(call as grpc.ServerReadableStream<unknown, unknown>);
        traced(span, call, () => runHandler(interceptors, ctx, impl, input)).then(
          (response) => {
            ctx.sendHeaderOnce();
            callback(null, response, ctx.trailerToSend());
          },
          (e) => callback(statusError(ctx, e)),
        );
      };
    }
    case 'server_streaming':
    case 'bidi_streaming': {
      const serverStreaming = method.methodKind === 'server_streaming';
      return (call: grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>) => {
        const ctx = new CallContext(call, path);
        const input = serverStreaming ? (call as grpc.ServerWritableStream<unknown, unknown>).request : requestsOf(call as grpc.ServerDuplexStream<unknown, unknown>);
        // for the interceptors, the stream's handler is the user's plus writing what it yields
        traced(span, call, () => runHandler(interceptors, ctx, () => streamAll(call, ctx, impl, input), input)).then(
          () => {
            ctx.sendHeaderOnce();
            call.end(ctx.trailerToSend());
          },
          // grpc-js server streams turn an 'error' event into the call's status
          (e) => call.emit('error', statusError(ctx, e)),
        );
      };
    }
  }
}

/**
 * Registers `handlers` for `service` on a grpc-js server. Generated code calls
 * this from `register<Service>(server, handlers)`.
 */
export function registerService<S extends ServiceLike & { readonly typeName: string }>(
  server: grpc.Server,
  service: S,
  handlers: ServiceHandlers<S>,
  options: RegisterOptions = {},
): void {
  const impl: grpc.UntypedServiceImplementation = {};
  const table = handlers as unknown as Record<string, Handler | undefined>;
  for (const method of Object.values(service.method)) {
    const fn = table[method.localName];
    if (typeof fn !== 'function') throw new TypeError(`${service.typeName}: no handler for ${method.name} (property \`${method.localName}\`)`);
    impl[method.localName] = handlerFor(method, fn.bind(handlers) as Handler, options.interceptors ?? [], options.tracing !== false);
  }
  server.addService(serviceDefinition(service as never, options.codecs), impl);
}

/** Binds a server to `address` (`127.0.0.1:0` picks a free port) without TLS and resolves with the port. */
export function listen(server: grpc.Server, address: string, credentials = grpc.ServerCredentials.createInsecure()): Promise<number> {
  return new Promise((resolve, reject) => server.bindAsync(address, credentials, (e, port) => (e ? reject(e) : resolve(port))));
}
