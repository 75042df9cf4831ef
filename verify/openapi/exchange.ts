/**
 * One HTTP exchange with the provider: a request drawn for an operation is
 * sent with `fetch` and the answer read back whole (status, headers, text,
 * JSON when the content type says so).
 */
import type { HttpOperation } from '../../contracts/model/types.js';

/** A request for an operation, before the base URL is applied. */
export interface DrawnRequest {
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The JSON body, when the operation takes one. */
  body?: unknown;
  /** The body's media type. */
  mediaType?: string;
}

/** What the provider answered. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The media type without parameters, lower case; '' when there is none. */
  contentType: string;
  text: string;
  /** The parsed body when it is JSON (`+json` included); undefined when not JSON or empty. */
  json?: unknown;
  /** Set when the body says it is JSON but does not parse. */
  jsonError?: string;
}

/** The provider could not be reached at all (refused, reset, timed out): nothing can be verified. */
export class UnreachableError extends Error {}

/** The request line `verify` reports (`POST /api/v1/orders`), for messages. */
export function requestLine(op: HttpOperation, req: DrawnRequest): string {
  return `${op.method.toUpperCase()} ${fillPath(op.path, req.path)}${queryString(req.query)}`;
}

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

function queryString(query: Record<string, string>): string {
  const entries = Object.entries(query);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
}

/** Sends `req` for `op` to `baseUrl` and reads the whole answer. */
export async function send(baseUrl: string, op: HttpOperation, req: DrawnRequest, extraHeaders: Record<string, string>, timeoutMs: number): Promise<HttpAnswer> {
  const url = `${baseUrl.replace(/\/+$/, '')}${fillPath(op.path, req.path)}${queryString(req.query)}`;
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json, */*', ...extraHeaders, ...req.headers };
  let body: string | undefined;
  if (req.body !== undefined) {
    headers['content-type'] = req.mediaType ?? 'application/json';
    body = JSON.stringify(req.body);
  }
  let response: Response;
  try {
    response = await fetch(url, { method: op.method.toUpperCase(), headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new UnreachableError(`${op.method.toUpperCase()} ${url} failed: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  const text = await response.text();
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const answer: HttpAnswer = { status: response.status, headers: response.headers, contentType, text };
  if (isJson(contentType) && text.length > 0) {
    try {
      answer.json = JSON.parse(text);
    } catch (err) {
      answer.jsonError = (err as Error).message;
    }
  }
  return answer;
}

/** Whether a media type is JSON (`application/json`, `application/problem+json`, `…+json`). */
export function isJson(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json$/i.test(mediaType);
}

/** JSON with sorted keys (the runtime's, as the generated server fingerprints bodies). */
export { canonicalJson } from '../../runtime/src/http/server/idempotency/fingerprint.js';
