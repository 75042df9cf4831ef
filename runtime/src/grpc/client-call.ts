/**
 * What one client call needs: the method's settings worked out once per
 * client, the call's metadata and deadline, and its callbacks.
 */
import * as grpc from '@grpc/grpc-js';
import { GrpcError, Status } from './errors.js';
import type { TargetBreaker } from './breaker.js';
import { toMetadata } from './metadata.js';
import type { CallOptions, MetadataInit } from './types.js';

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
}

/** The grpc-js arguments of one call. */
export interface Prepared {
  metadata: grpc.Metadata;
  callOptions: grpc.CallOptions;
}

/**
 * Metadata and the deadline of one call. The deadline is grpc-js's own call
 * option (no timer of ours), sent to the server as `grpc-timeout`.
 */
export function prepare(m: BoundMethod, call: CallOptions | undefined): Prepared {
  if (call?.signal?.aborted) throw new GrpcError(Status.CANCELLED, 'call cancelled before it started', { cause: call.signal.reason });
  const timeout = call?.timeoutMs ?? m.timeoutMs;
  return {
    metadata: m.metadata || call?.metadata ? toMetadata(m.metadata, call?.metadata) : new grpc.Metadata(),
    callOptions: { deadline: Number.isFinite(timeout) ? Date.now() + timeout : Infinity },
  };
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

