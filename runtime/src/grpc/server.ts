/**
 * Registers typed handlers on a grpc-js server. Handlers are async functions
 * (unary), async generators (server streaming), take async iterables (client
 * streaming) or both (bidi); they may return plain init objects; a thrown
 * {@link GrpcError} becomes its status with rich details, anything else
 * `UNKNOWN`.
 */
import { once } from 'node:events';
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

function createContext(call: AnyCall, method: DescMethod): ServerCallContext & { sendHeaderOnce(): void } {
  const controller = new AbortController();
  (call as grpc.ServerUnaryCall<unknown, unknown>).once('cancelled', () => controller.abort(new Error('call cancelled by the client or its deadline passed')));
  const responseHeader = new grpc.Metadata();
  let headerSent = false;
  return {
    method: methodDefinition(method).path,
    metadata: call.metadata,
    signal: controller.signal,
    deadline: call.getDeadline(),
    peer: call.getPeer(),
    responseHeader,
    responseTrailer: new grpc.Metadata(),
    sendHeaderOnce() {
      if (headerSent) return;
      headerSent = true;
      if (Object.keys(responseHeader.getMap()).length > 0) call.sendMetadata(responseHeader);
    },
  };
}

function intercept(interceptors: readonly ServerInterceptor[], ctx: ServerCallContext, run: () => Promise<void>): Promise<void> {
  const step = (i: number): Promise<void> => (i < interceptors.length ? interceptors[i]!(ctx, () => step(i + 1)) : run());
  return step(0);
}

/** Writes messages with backpressure. */
async function writeAll(call: grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>, messages: AsyncIterable<unknown>, signal: AbortSignal): Promise<void> {
  for await (const m of messages) {
    if (signal.aborted) return;
    if (!call.write(m)) await Promise.race([once(call, 'drain'), once(call, 'cancelled')]);
  }
}

type Handler = (...args: never[]) => unknown;

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
            callback(null, response, ctx.responseTrailer);
          },
          (e) => {
            ctx.sendHeaderOnce();
            const err = toServiceError(e);
            err.metadata.merge(ctx.responseTrailer);
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
            call.end(ctx.responseTrailer);
          },
          (e) => {
            ctx.sendHeaderOnce();
            const err = toServiceError(e);
            err.metadata.merge(ctx.responseTrailer);
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
