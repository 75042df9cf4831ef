/**
 * RFC 9457 problem details as server results: what the router answers for
 * requests it refuses (400, 401, 404, 405, 413, 415, 500) and a helper for
 * handlers that answer an error the contract declares.
 */
import type { ServerReply } from './types.js';

/** A problem details body (RFC 9457); further members may be present. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [member: string]: unknown;
}

/** One invalid member of a request, as a JSON pointer into `{ path, query, headers, body }`. */
export interface InvalidMember {
  pointer: string;
  detail: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The reason phrase of `status` (`Not Found`), or `Error`. */
export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Error');
}

/**
 * A problem details result for a handler to return, typed by its status:
 * `return problem(404, \`No order ${id}.\`)`. `extra` adds members (`type`, `instance`, your own).
 */
export function problem<S extends number>(status: S, detail?: string, extra: Partial<ProblemBody> = {}): { status: S; headers: { 'content-type': string }; body: ProblemBody & { status: S } } {
  const body: ProblemBody & { status: S } = { type: 'about:blank', title: statusTitle(status), ...extra, status };
  if (detail !== undefined) body.detail = detail;
  return { status, headers: { 'content-type': 'application/problem+json' }, body };
}

/** A problem details reply of the router itself (serialized). */
export function problemReply(status: number, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): ServerReply {
  const body = { type: 'about:blank', title: statusTitle(status), status, detail, ...extra };
  return { status, headers: { 'content-type': 'application/problem+json', ...headers }, body: JSON.stringify(body) };
}

/** The 400 reply naming what is invalid, with every member in `errors` (pointer and detail). */
export function invalidReply(members: InvalidMember[]): ServerReply {
  const first = members[0];
  const detail = first ? `${first.pointer} ${first.detail}` + (members.length > 1 ? ` (and ${members.length - 1} more)` : '') : 'The request is invalid.';
  return problemReply(400, detail, { errors: members });
}
