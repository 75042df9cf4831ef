/**
 * The errors a call can end in: a non-success status (with its RFC 9457
 * problem details when the server sent them), a timeout, an open circuit.
 */

/** RFC 9457 problem details (`application/problem+json`); further members allowed. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [member: string]: unknown;
}

/**
 * A response with a non-success status. `problem` is the parsed body (problem
 * details or the operation's documented error schema), typed by generated code.
 */
export class HttpProblemError<TProblem = ProblemDetails> extends Error {
  readonly status: number;
  readonly problem: TProblem;
  readonly headers: Headers;
  readonly url: string;
  constructor(status: number, problem: TProblem, headers: Headers, url: string) {
    const p = problem as { title?: unknown; detail?: unknown } | undefined;
    const what = p && typeof p === 'object' ? [p.title, p.detail].filter((x) => typeof x === 'string').join(': ') : typeof problem === 'string' ? problem.slice(0, 200) : '';
    super(`HTTP ${status}${what ? ` ${what}` : ''} (${url})`);
    this.name = 'HttpProblemError';
    this.status = status;
    this.problem = problem;
    this.headers = headers;
    this.url = url;
  }
}

/** An attempt took longer than its timeout (or `wait()` of a 202 did; `detail` then says what it last saw). */
export class HttpTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly url: string,
    detail?: string,
  ) {
    super(`Request to ${url} timed out after ${timeoutMs} ms${detail ? `; ${detail}` : ''}`);
    this.name = 'HttpTimeoutError';
  }
}

/**
 * The asynchronous work behind a 202 finished without success: its status
 * said failed (or cancelled, …), or a long-running operation ended with an `error`.
 */
export class OperationFailedError extends Error {
  constructor(
    /** The status URL that was polled. */
    readonly statusUrl: string,
    /** The state seen (`failed`, `done: true`), when there was one. */
    readonly state: string | undefined,
    /** The last status body. */
    readonly body: unknown,
    /** The error it reported (`error` of the body), if any. */
    readonly error?: unknown,
  ) {
    const e = error as { message?: unknown; title?: unknown; detail?: unknown } | undefined;
    const why = e && typeof e === 'object' ? [e.title, e.message, e.detail].filter((x) => typeof x === 'string').join(': ') : typeof error === 'string' ? error : '';
    super(`The operation at ${statusUrl} failed${state ? ` (${state})` : ''}${why ? `: ${why}` : ''}`);
    this.name = 'OperationFailedError';
  }
}

/** The circuit of the upstream host is open: the call failed fast without a request. */
export class CircuitOpenError extends Error {
  constructor(readonly host: string) {
    super(`Circuit open for ${host}: failing fast until the upstream recovers`);
    this.name = 'CircuitOpenError';
  }
}

/** True when `error` is an {@link HttpProblemError}, optionally with one of `statuses`. */
export function isHttpProblem<TProblem = ProblemDetails>(error: unknown, ...statuses: number[]): error is HttpProblemError<TProblem> {
  return error instanceof HttpProblemError && (statuses.length === 0 || statuses.includes(error.status));
}
