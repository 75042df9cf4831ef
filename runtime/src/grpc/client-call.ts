/**
 * What one client call needs: the method's settings worked out once per
 * client, the call's metadata and deadline, and its callbacks.
 */
import * as grpc from '@grpc/grpc-js';
import { GrpcError, Status } from './errors.js';
import type { TargetBreaker } from './breaker.js';
import { toMetadata } from './metadata.js';
import type { CallOptions, MetadataInit } from './types.js';
import type { RpcSpanInfo } from '../tracing/rpc.js';

const noop = () => {};

/** What every call of one method needs, worked out once per client. */
export interface BoundMethod {
  client: grpc.Client;
  def: grpc.MethodDefinition<unknown, unknown>;
  /** Default deadline in ms from now (per-method setting over the client's defaults). */
  timeoutMs: number;
  /** Metadata of every call. */
  metadata: MetadataInit | undefined;
  fail: (e: unknown) => GrpcError;
  breaker: TargetBreaker | undefined;
  /** What the method's client spans say; undefined when tracing is off. */
  span: RpcSpanInfo | undefined;
}

/** The grpc-js arguments of one call. */
export interface Prepared {
  metadata: grpc.Metadata;
  callOptions: grpc.CallOptions;
}

/** Rejects a call whose signal is already aborted. */
export function checkNotAborted(call: CallOptions | undefined): void {
  if (call?.signal?.aborted) throw new GrpcError(Status.CANCELLED, 'call cancelled before it started', { cause: call.signal.reason });
}

/** The metadata of one call: the client's, then the call's. */
export function callMetadata(m: BoundMethod, call: CallOptions | undefined): grpc.Metadata {
  return m.metadata || call?.metadata ? toMetadata(m.metadata, call?.metadata) : new grpc.Metadata();
}

/**
 * The grpc-js options of one call: its deadline, grpc-js's own call option
 * (no timer of ours), sent to the server as `grpc-timeout`.
 */
export function callOptions(m: BoundMethod, call: CallOptions | undefined): grpc.CallOptions {
  const timeout = call?.timeoutMs ?? m.timeoutMs;
  return { deadline: Number.isFinite(timeout) ? Date.now() + timeout : Infinity };
}

/** Metadata and options of one call. */
export function prepare(m: BoundMethod, call: CallOptions | undefined): Prepared {
  checkNotAborted(call);
  return { metadata: callMetadata(m, call), callOptions: callOptions(m, call) };
}

/** Wires cancellation, header and trailer callbacks to a grpc-js call; returns the unwiring. */
export function watch(call: grpc.Call, options: CallOptions | undefined): () => void {
  if (options?.onHeader) call.on('metadata', options.onHeader);
  if (options?.onTrailer) call.on('status', (s: grpc.StatusObject) => options.onTrailer!(s.metadata));
  const signal = options?.signal;
  if (!signal) return noop;
  const abort = () => call.cancel();
  signal.addEventListener('abort', abort, { once: true });
  return () => signal.removeEventListener('abort', abort);
}

