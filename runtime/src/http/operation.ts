/**
 * Operations as data: generated functions pass a small {@link OperationSpec}
 * and the caller's `args` (`{ path, query, headers, cookies, body }`) and the
 * runtime builds the request. Keeping the request assembly here (not inlined
 * in every generated function) keeps generated clients small and cheap to
 * type-check: each generated function is one call with its result type.
 */
import { acceptedHandle, type AcceptedHandle, type PollSpec } from './accepted.js';
import type { CompletionRule } from './completion.js';
import { paginate, type PaginateOptions } from './pagination.js';
import { parseEventData, readEventStream, type ServerSentEvent } from './sse.js';
import { stringifyJson, unmarkIntegers } from './revive.js';
import type { BodyEncoding, CallOptions, HttpClient, HttpResult, RequestSpec, Reviver } from './types.js';

/** A value check compiled once (ajv or any function); returns the problems, or undefined when valid. */
export type ValueCheck = (value: unknown) => string | undefined;

/** An ajv validate function (standalone code or compiled): true when valid, errors on the function otherwise. */
export interface AjvValidateFunction {
  (value: unknown): boolean;
  errors?: { instancePath?: string; message?: string }[] | null;
}

/** A {@link ValueCheck} from an ajv validate function: the first errors as `path: message` text. */
export function ajvCheck(validate: AjvValidateFunction): ValueCheck {
  return (value) => {
    if (validate(value)) return undefined;
    const errors = validate.errors ?? [];
    return errors.slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ') + (errors.length > 5 ? ` (and ${errors.length - 5} more)` : '') || 'is invalid';
  };
}

export type { Reviver } from './types.js';

/**
 * What an operation needs besides its method and path; generated code passes
 * it only when there is something to say (a flat literal keeps type-checking cheap).
 */
export interface OperationExtras {
  /** How the request body is sent, when the operation has one, and its media type. */
  body?: BodyEncoding;
  mediaType?: string;
  /** The idempotency header the operation declares: a key is generated when the caller gives none. */
  idempotencyHeader?: string;
  /** Pagination: the cursor, offset or page-number query parameter, the page-size parameter, and where the items are. */
  cursorParam?: string;
  offsetParam?: string;
  pageParam?: string;
  limitParam?: string;
  itemsKey?: string;
  /** Revives the success body (dates, big integers). */
  revive?: Reviver;
  /** Prepares the request body for the wire (int64 given as strings sent as numbers); gets a copy. */
  prepare?: Reviver;
  /** The operation carries int64 values kept exact (`int64: 'bigint' | 'string'`). */
  preciseIntegers?: boolean;
  /** Validates the request body before sending / the success body after decoding (the `validate` generator option). */
  validateRequest?: ValueCheck;
  validateResponse?: ValueCheck;
  /** Revives / validates the final status body of a 202 operation's `wait()`. */
  reviveFinal?: Reviver;
  validateFinal?: ValueCheck;
  /** How a 202 operation's polls end (from the contract), when it says more than the common vocabulary. */
  completion?: CompletionRule;
}

/** The request-independent description of one operation. */
export interface OperationSpec extends OperationExtras {
  /** Upper-case method. */
  method: string;
  /** Path template (`/orders/{orderId}`). */
  path: string;
}

/** What generated `args` types look like to the runtime. */
interface ArgsShape {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  cookies?: Record<string, unknown>;
  body?: unknown;
}

/** A request or response value failed the contract's schema (the `validate` generator option). */
export class HttpValidationError extends Error {
  constructor(
    readonly direction: 'request' | 'response',
    readonly operation: string,
    readonly problems: string,
  ) {
    super(`${direction === 'request' ? 'Request' : 'Response'} of ${operation} does not match the contract: ${problems}`);
    this.name = 'HttpValidationError';
  }
}

/** The RequestSpec of one call of `op` with the caller's `args`. */
export function requestOf(op: OperationSpec, args: object | undefined): RequestSpec {
  const a = (args ?? {}) as ArgsShape;
  const spec: RequestSpec = { method: op.method, path: op.path };
  if (a.path !== undefined) spec.pathParams = a.path;
  if (a.query !== undefined) spec.query = a.query;
  if (a.headers !== undefined) spec.headers = a.headers;
  if (a.cookies !== undefined) spec.cookies = a.cookies;
  if (op.body !== undefined) {
    const body = a.body !== undefined && op.prepare ? op.prepare(a.body) : a.body;
    if (body !== undefined && op.validateRequest) {
      // validate what goes on the wire: Dates as text, bigints as numbers
      const wire = op.preciseIntegers || op.revive || op.prepare ? JSON.parse(stringifyJson(body)) : body;
      const problems = op.validateRequest(wire);
      if (problems !== undefined) throw new HttpValidationError('request', `${op.method} ${op.path}`, problems);
    }
    spec.body = body;
    spec.bodyEncoding = op.body;
    if (op.mediaType !== undefined) spec.mediaType = op.mediaType;
  }
  if (op.idempotencyHeader !== undefined) spec.idempotencyHeader = op.idempotencyHeader;
  if (op.preciseIntegers) spec.preciseIntegers = true;
  return spec;
}

function checked(op: OperationSpec, data: unknown, check: ValueCheck | undefined, revive: Reviver | undefined): unknown {
  if (data === undefined) return data;
  if (check) {
    // validated as decoded JSON (integers kept as text by the precise parser count as numbers)
    const problems = check(op.preciseIntegers ? unmarkIntegers(structuredClone(data)) : data);
    if (problems !== undefined) throw new HttpValidationError('response', `${op.method} ${op.path}`, problems);
  }
  const revived = revive ? revive(data) : data;
  return op.preciseIntegers ? unmarkIntegers(revived) : revived;
}

/** Calls an operation and resolves with the success body (validated and revived when the operation says so). */
export async function callOperation<TResult>(client: HttpClient, method: string, path: string, args: object | undefined, options?: CallOptions, extras?: OperationExtras): Promise<TResult> {
  const op: OperationSpec = { ...extras, method, path };
  const result = await client.call(requestOf(op, args), options);
  return checked(op, result.data, op.validateResponse, op.revive) as TResult;
}

/** Calls a 202-and-poll operation; `wait()` resolves with the final status body. */
export async function callAccepted<TAccepted, TFinal = unknown>(client: HttpClient, method: string, path: string, args: object | undefined, options?: CallOptions, extras?: OperationExtras): Promise<AcceptedHandle<TAccepted, TFinal>> {
  const op: OperationSpec = { ...extras, method, path };
  const result = await client.call(requestOf(op, args), options);
  result.data = checked(op, result.data, op.validateResponse, op.revive);
  const poll: PollSpec = {};
  if (op.preciseIntegers) poll.preciseIntegers = true;
  if (op.completion) poll.completion = op.completion;
  const handle = acceptedHandle<TAccepted, TFinal>(client, result as HttpResult<TAccepted>, options, poll);
  if (!op.reviveFinal && !op.validateFinal) return handle;
  const wait = handle.wait;
  return { ...handle, wait: async (w) => checked(op, await wait(w), op.validateFinal, op.reviveFinal) as TFinal };
}

/** Calls an operation answering `text/event-stream`; with `extras.text` the event data stays text, else it is parsed as JSON when it looks like JSON. */
export async function* streamOperation<TEvent>(client: HttpClient, method: string, path: string, args: object | undefined, options?: CallOptions, extras?: OperationExtras & { text?: boolean }): AsyncGenerator<ServerSentEvent<TEvent>, void, undefined> {
  const result = await client.call({ ...requestOf({ ...extras, method, path }, args), stream: true }, options);
  yield* readEventStream<TEvent>(result.response, extras?.text ? undefined : parseEventData);
}

/** Every item of every page of a paginated `op` (cursor, Link header or offset), fetched lazily. */
export function paginateOperation<TItem>(client: HttpClient, method: string, path: string, args: object | undefined, options?: CallOptions, extras?: OperationExtras): AsyncGenerator<TItem, void, undefined> {
  const op: OperationSpec = { ...extras, method, path };
  const base = requestOf(op, args);
  const opts: PaginateOptions = {};
  if (op.itemsKey !== undefined) opts.itemsKey = op.itemsKey;
  if (op.offsetParam !== undefined) opts.offsetParam = op.offsetParam;
  if (op.pageParam !== undefined) opts.pageParam = op.pageParam;
  const limit = op.limitParam !== undefined ? Number(base.query?.[op.limitParam]) : NaN;
  if (Number.isFinite(limit) && limit > 0) opts.limit = limit;
  return paginate<TItem>(async (next) => {
    let spec: RequestSpec = base;
    if (next.url !== undefined) spec = { method: 'GET', url: next.url };
    else if (next.cursor !== undefined && op.cursorParam !== undefined) spec = { ...base, query: { ...base.query, [op.cursorParam]: next.cursor } };
    else if (next.query !== undefined) spec = { ...base, query: { ...base.query, ...next.query } };
    const page = await client.call(spec, options);
    if (op.validateResponse || op.revive || op.preciseIntegers) page.data = checked(op, page.data, op.validateResponse, op.revive);
    return page;
  }, opts);
}
