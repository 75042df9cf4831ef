/**
 * Which failures end a saga's forward path. A step that throws a
 * {@link NonRetryableError} (or an error the adapters below classify as one)
 * is not retried: before the pivot the saga compensates at once.
 */

/** A failure that retrying cannot fix (a 4xx, `INVALID_ARGUMENT`, a `failure` reply). */
export class NonRetryableError extends Error {
  /** Always false: lets other runtimes recognise it without importing this class. */
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NonRetryableError';
  }
}

/** A step or compensation that ran longer than its `timeoutMs`. Retryable. */
export class StepTimeoutError extends Error {
  constructor(step: string, timeoutMs: number) {
    super(`step ${step} timed out after ${timeoutMs} ms`);
    this.name = 'StepTimeoutError';
  }
}

// HTTP statuses in the 4xx range that are worth retrying (the request may succeed later)
const RETRYABLE_4XX = new Set([408, 425, 429]);
// gRPC codes that mean "this request will never succeed as sent"
const GRPC_NON_RETRYABLE = new Set([3 /* INVALID_ARGUMENT */, 9 /* FAILED_PRECONDITION */]);

/**
 * True when `error` should not be retried: a {@link NonRetryableError}, any
 * error with `retryable === false`, an HTTP problem error (`@contractkit/runtime/http`)
 * with a 4xx status other than 408/425/429, or a gRPC error
 * (`@contractkit/runtime/grpc` or grpc-js) with `INVALID_ARGUMENT` or `FAILED_PRECONDITION`.
 * Duck-typed so the saga part does not load the transports.
 */
export function isNonRetryable(error: unknown): boolean {
  if (error instanceof NonRetryableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { retryable?: unknown; status?: unknown; code?: unknown; name?: unknown; metadata?: unknown };
  if (e.retryable === false) return true;
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return !RETRYABLE_4XX.has(e.status);
  if (typeof e.code === 'number' && (e.name === 'GrpcError' || 'metadata' in e)) return GRPC_NON_RETRYABLE.has(e.code);
  return false;
}

/** Maps an HTTP client error to a {@link NonRetryableError} when its status is a permanent 4xx; other errors pass through. */
export function fromHttpError(error: unknown): unknown {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)) {
    return new NonRetryableError((error as Error).message ?? `HTTP ${status}`, { cause: error });
  }
  return error;
}

/** Maps a gRPC error to a {@link NonRetryableError} for `INVALID_ARGUMENT` and `FAILED_PRECONDITION`; other errors pass through. */
export function fromGrpcError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number' && GRPC_NON_RETRYABLE.has(code)) {
    return new NonRetryableError((error as Error).message ?? `gRPC status ${code}`, { cause: error });
  }
  return error;
}

/** A short, storable description of an error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
