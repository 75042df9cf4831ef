/**
 * gRPC status codes as typed errors. Every failed call made through a
 * generated client rejects with a {@link GrpcError}; a handler that throws one
 * sends its code, message, metadata and rich details to the caller.
 */
import { Metadata, status as Status, type ServiceError } from '@grpc/grpc-js';
import type { DescMessage, Message, MessageShape, Registry } from '@bufbuild/protobuf';
import { decodeStatusDetails, encodeStatus, STATUS_DETAILS_KEY } from './rich-details.js';

export { Status };

/** The name of a status code (`NOT_FOUND`) for messages and logs. */
export type StatusName = keyof typeof Status;

/** `Status.NOT_FOUND` → `'NOT_FOUND'`. */
export function statusName(code: number): StatusName | 'UNRECOGNIZED' {
  const name = (Status as unknown as Record<number, string>)[code];
  return (name ?? 'UNRECOGNIZED') as StatusName | 'UNRECOGNIZED';
}

/** What a {@link GrpcError} is made from. */
export interface GrpcErrorInit {
  /** Rich error details (`google.rpc.BadRequest`, `ErrorInfo`, `RetryInfo`, …) sent in `grpc-status-details-bin`. */
  details?: Message[];
  /** Trailing metadata to send (server) or that was received (client). */
  metadata?: Metadata;
  cause?: unknown;
}

/** A gRPC status other than OK, with its rich details. */
export class GrpcError extends Error {
  /** The numeric status code (`Status.NOT_FOUND` = 5). */
  readonly code: Status;
  /** The status message, without the `5 NOT_FOUND:` prefix grpc-js adds. */
  readonly rawMessage: string;
  /** Decoded rich details: known `google.rpc` types and any registered with the client, others as `google.protobuf.Any`. */
  readonly details: Message[];
  /** Trailing metadata. */
  readonly metadata: Metadata;

  constructor(code: Status, message: string, init: GrpcErrorInit = {}) {
    super(`${code} ${statusName(code)}: ${message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'GrpcError';
    this.code = code;
    this.rawMessage = message;
    this.details = init.details ?? [];
    this.metadata = init.metadata ?? new Metadata();
  }

  /** The first detail of a type (`error.findDetail(BadRequestSchema)`), or undefined. */
  findDetail<Desc extends DescMessage>(schema: Desc): MessageShape<Desc> | undefined {
    return this.details.find((d) => d.$typeName === schema.typeName) as MessageShape<Desc> | undefined;
  }
}

/** True when `e` is a {@link GrpcError}, optionally with one of `codes`. */
export function isGrpcError(e: unknown, ...codes: Status[]): e is GrpcError {
  return e instanceof GrpcError && (codes.length === 0 || codes.includes(e.code));
}

function isServiceError(e: unknown): e is ServiceError {
  return e instanceof Error && typeof (e as Partial<ServiceError>).code === 'number' && 'metadata' in e;
}

/**
 * A client-side error as a {@link GrpcError}: a grpc-js `ServiceError`
 * (decoding `grpc-status-details-bin`), a GrpcError as is, anything else as
 * `UNKNOWN`.
 */
export function toGrpcError(e: unknown, registry?: Registry): GrpcError {
  if (e instanceof GrpcError) return e;
  if (isServiceError(e)) {
    const bin = e.metadata.get(STATUS_DETAILS_KEY)[0];
    const decoded = bin instanceof Uint8Array ? decodeStatusDetails(bin, registry) : undefined;
    const message = decoded?.message || e.details || e.message;
    return new GrpcError(e.code as Status, message, { details: decoded?.details, metadata: e.metadata, cause: e });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new GrpcError(Status.UNKNOWN, message, { cause: e });
}

/**
 * A handler error as grpc-js sends it: a {@link GrpcError} keeps its code and
 * gets `grpc-status-details-bin` when it has details; any other error is
 * `UNKNOWN` with its message (as grpc-js and Connect do).
 */
export function toServiceError(e: unknown): Partial<ServiceError> & { code: Status; details: string; metadata: Metadata } {
  if (e instanceof GrpcError) {
    const metadata = e.metadata.clone();
    if (e.details.length > 0) metadata.set(STATUS_DETAILS_KEY, Buffer.from(encodeStatus(e.code, e.rawMessage, e.details)));
    return { code: e.code, details: e.rawMessage, metadata };
  }
  if (isServiceError(e)) return { code: e.code, details: e.details, metadata: e.metadata };
  return { code: Status.UNKNOWN, details: e instanceof Error ? e.message : String(e), metadata: new Metadata() };
}
