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
import type { ServerCallContext, ServiceHandlers, ServiceLike } from './types.js';

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
}

type AnyCall = grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerReadableStream<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>;

function createContext(call: AnyCall, method: DescMethod): ServerCallContext & { sendHeaderOnce(): void; hasTrailer(): boolean } {
  // Built lazily: most handlers never touch the signal or response metadata, and
  // an AbortController plus two Metadata per call show up in unary throughput.
  let controller: AbortController | undefined;
  let cancelled = false;
  let responseHeader: grpc.Metadata | undefined;
  let responseTrailer: grpc.Metadata | undefined;
  let headerSent = false;
  (call as grpc.ServerUnaryCall<unknown, unknown>).once('cancelled', () => {
    cancelled = true;
    controller?.abort(new Error('call cancelled by the client or its deadline passed'));
  });
  return {
    method: methodDefinition(method).path,
    metadata: call.metadata,
    get signal() {
      if (!controller) {
        controller = new AbortController();
        if (cancelled) controller.abort(new Error('call cancelled by the client or its deadline passed'));
      }
      return controller.signal;
    },
    get deadline() {
      return call.getDeadline();
    },
    get peer() {
      return call.getPeer();
    },
    get responseHeader() {
      return (responseHeader ??= new grpc.Metadata());
    },
    get responseTrailer() {
      return (responseTrailer ??= new grpc.Metadata());
    },
    hasTrailer: () => responseTrailer !== undefined,
    sendHeaderOnce() {
      if (headerSent) return;
      headerSent = true;
      if (responseHeader && Object.keys(responseHeader.getMap()).length > 0) call.sendMetadata(responseHeader);
    },
  };
}

/** The trailer to send, without creating one when the handler set none. */
function trailerOf(ctx: ServerCallContext & { hasTrailer?: () => boolean }): grpc.Metadata | undefined {
  return ctx.hasTrailer?.() ? ctx.responseTrailer : undefined;
}

function intercept(interceptors: readonly ServerInterceptor[], ctx: ServerCallContext, run: () => Promise<void>): Promise<void> {
  if (interceptors.length === 0) return run();
  const step = (i: number): Promise<void> => (i < interceptors.length ? interceptors[i]!(ctx, () => step(i + 1)) : run());
  return step(0);
}

/** Writes messages with backpressure. */
async function writeAll(call: grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>, messages: AsyncIterable<unknown>, signal: AbortSignal): Promise<void> {
  for await (const m of messages) {
    if (signal.aborted) return;
    if (!call.write(m)) await drained(call);
  }
}

type Handler = (...args: never[]) => unknown;

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

function handlerFor(method: DescMethod, fn: Handler, interceptors: readonly ServerInterceptor[]): grpc.UntypedHandleCall {
  const impl = fn as unknown as (input: unknown, ctx: ServerCallContext) => unknown;
  switch (method.methodKind) {
    case 'unary':
    case 'client_streaming':
      return (call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        const ctx = createContext(call, method);
        const input =
          method.methodKind === 'unary' ? (call as grpc.ServerUnaryCall<unknown, unknown>).request : requestsOf(call as grpc.ServerReadableStream<unknown, unknown>);
        let response: unknown;
        intercept(interceptors, ctx, async () => {
          response = await impl(input, ctx);
        }).then(
          () => {
            ctx.sendHeaderOnce();
            callback(null, response, trailerOf(ctx));
          },
          (e) => {
            ctx.sendHeaderOnce();
            const err = toServiceError(e);
            const trailer = trailerOf(ctx);
            if (trailer) err.metadata.merge(trailer);
            callback(err as grpc.ServiceError);
          },
        );
      };
    case 'server_streaming':
    case 'bidi_streaming':
      return (call: grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>) => {
        const ctx = createContext(call, method);
        const input =
          method.methodKind === 'server_streaming'
            ? (call as grpc.ServerWritableStream<unknown, unknown>).request
            : requestsOf(call as grpc.ServerDuplexStream<unknown, unknown>);
        intercept(interceptors, ctx, async () => {
          const messages = impl(input, ctx) as AsyncIterable<unknown>;
          ctx.sendHeaderOnce();
          await writeAll(call, messages, ctx.signal);
        }).then(
          () => {
            ctx.sendHeaderOnce();
            call.end(trailerOf(ctx));
          },
          (e) => {
            ctx.sendHeaderOnce();
            const err = toServiceError(e);
            const trailer = trailerOf(ctx);
            if (trailer) err.metadata.merge(trailer);
            // grpc-js server streams turn an 'error' event into the call's status
            call.emit('error', err);
          },
        );
      };
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
    impl[method.localName] = handlerFor(method, fn.bind(handlers) as Handler, options.interceptors ?? []);
  }
  server.addService(serviceDefinition(service as never), impl);
}

/** Binds a server to `address` (`127.0.0.1:0` picks a free port) without TLS and resolves with the port. */
export function listen(server: grpc.Server, address: string, credentials = grpc.ServerCredentials.createInsecure()): Promise<number> {
  return new Promise((resolve, reject) => server.bindAsync(address, credentials, (e, port) => (e ? reject(e) : resolve(port))));
}
