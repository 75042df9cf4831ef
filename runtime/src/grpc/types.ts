/**
 * Call options, contexts and the typed shapes of clients and handlers,
 * derived from protobuf-es service descriptors (`GenService`).
 */
import type { DescMessage, DescMethod, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import type { Metadata } from '@grpc/grpc-js';

/** Metadata as grpc-js `Metadata` or a plain record (`{ 'x-request-id': '1' }`). */
export type MetadataInit = Metadata | Record<string, string | string[] | Buffer>;

/** Options of one client call. */
export interface CallOptions {
  /** Request metadata (headers). */
  metadata?: MetadataInit;
  /** Cancels the call; it then rejects with `CANCELLED`. */
  signal?: AbortSignal;
  /** Deadline of this call in ms from now; `Infinity` waits forever (not recommended). */
  timeoutMs?: number;
  /** Receives the response headers. */
  onHeader?(metadata: Metadata): void;
  /** Receives the trailers (also on error). */
  onTrailer?(metadata: Metadata): void;
}

/** What a handler knows about the call it serves. */
export interface ServerCallContext {
  /** `/orders.v1.OrderService/GetOrder`. */
  readonly method: string;
  /** Request metadata. */
  readonly metadata: Metadata;
  /** Aborted when the client cancels or the deadline passes. */
  readonly signal: AbortSignal;
  /** The call's deadline (`Infinity` when the client set none). */
  readonly deadline: Date | number;
  /** The client's address. */
  readonly peer: string;
  /** Metadata sent with the response headers (before the first message). */
  readonly responseHeader: Metadata;
  /** Metadata sent with the status. */
  readonly responseTrailer: Metadata;
}

type Init<M> = M extends DescMessage ? MessageInitShape<M> : never;
type Shape<M> = M extends DescMessage ? MessageShape<M> : never;

/** The client function of one method. */
export type ClientMethod<M> = M extends { methodKind: 'unary'; input: infer I; output: infer O }
  ? (request: Init<I>, options?: CallOptions) => Promise<Shape<O>>
  : M extends { methodKind: 'server_streaming'; input: infer I; output: infer O }
    ? (request: Init<I>, options?: CallOptions) => AsyncIterable<Shape<O>>
    : M extends { methodKind: 'client_streaming'; input: infer I; output: infer O }
      ? (requests: AsyncIterable<Init<I>>, options?: CallOptions) => Promise<Shape<O>>
      : M extends { methodKind: 'bidi_streaming'; input: infer I; output: infer O }
        ? (requests: AsyncIterable<Init<I>>, options?: CallOptions) => AsyncIterable<Shape<O>>
        : never;

/** The handler of one method; responses may be messages or plain init objects. */
export type HandlerMethod<M> = M extends { methodKind: 'unary'; input: infer I; output: infer O }
  ? (request: Shape<I>, context: ServerCallContext) => Promise<Init<O>>
  : M extends { methodKind: 'server_streaming'; input: infer I; output: infer O }
    ? (request: Shape<I>, context: ServerCallContext) => AsyncIterable<Init<O>>
    : M extends { methodKind: 'client_streaming'; input: infer I; output: infer O }
      ? (requests: AsyncIterable<Shape<I>>, context: ServerCallContext) => Promise<Init<O>>
      : M extends { methodKind: 'bidi_streaming'; input: infer I; output: infer O }
        ? (requests: AsyncIterable<Shape<I>>, context: ServerCallContext) => AsyncIterable<Init<O>>
        : never;

/** A service descriptor as protoc-gen-es generates it (`GenService`), or any `DescService`. */
export interface ServiceLike {
  readonly method: Record<string, DescMethod>;
}

/** The typed client of a service. */
export type ServiceClient<S extends ServiceLike> = { [K in keyof S['method']]: ClientMethod<S['method'][K]> };

/** The typed handlers of a service. */
export type ServiceHandlers<S extends ServiceLike> = { [K in keyof S['method']]: HandlerMethod<S['method'][K]> };
