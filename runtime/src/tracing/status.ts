/**
 * Ending spans the same way everywhere: the error status with the error's
 * message, the semantic conventions' `error.type`, and the exception event.
 */
import { SpanStatusCode, type Span } from '@opentelemetry/api';

/** The `error.type` of an error: its name (`HttpTimeoutError`, `GrpcError`…), or `_OTHER`. */
export function errorType(error: unknown): string {
  if (!(error instanceof Error)) return '_OTHER';
  return error.name && error.name !== 'Error' ? error.name : error.constructor.name;
}

/** Marks `span` failed by `error` (status, `error.type`, exception event); does not end it. */
export function recordFailure(span: Span, error: unknown, type = errorType(error)): void {
  if (!span.isRecording()) return;
  span.setAttribute('error.type', type);
  if (error instanceof Error) span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}
