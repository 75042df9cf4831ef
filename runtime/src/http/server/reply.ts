/**
 * From a handler's result to the bytes on the wire: headers normalized to
 * text (lower-case names), the body written by the media type the contract
 * declares for the status (JSON, text or bytes), and the declared response a
 * status falls under (`201`, then `2XX`, then `default`).
 */
import type { HandlerResult, MemberCheck, RouteSpec, ServerReply } from './types.js';

/** A response before serialization; its shape is the idempotency store's `StoredResponse`. */
export interface NormalizedResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** The declared response `status` falls under, with its key, or undefined when the contract declares none for it. */
export function declaredResponse(route: RouteSpec, status: number): { key: string; mediaType?: string; validate?: MemberCheck } | undefined {
  const responses = route.responses;
  if (!responses) return undefined;
  const exact = String(status);
  const range = `${exact[0]}XX`;
  for (const key of [exact, range, 'default']) {
    const r = responses[key];
    if (r) return { key, ...r };
  }
  return undefined;
}

/** Headers as text: names lower-cased, numbers and booleans written, arrays joined (`, `), undefined left out. */
export function normalizeResult(result: HandlerResult): NormalizedResponse {
  const headers: Record<string, string> = {};
  if (result.headers) {
    for (const name in result.headers) {
      const v = result.headers[name];
      if (v === undefined) continue;
      headers[name.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
    }
  }
  const out: NormalizedResponse = { status: result.status, headers };
  if (result.body !== undefined) out.body = result.body;
  return out;
}

const isJson = (m: string) => /\bjson\b/i.test(m) || /\+json\b/i.test(m);

/** Serializes `response` for `route` (HEAD: without the body). */
export function serialize(route: RouteSpec | undefined, response: NormalizedResponse, head = false): ServerReply {
  const headers: Record<string, string | string[]> = response.headers;
  let body: string | Uint8Array | undefined;
  if (response.body !== undefined && response.status !== 204 && response.status !== 304) {
    const declared = route ? declaredResponse(route, response.status)?.mediaType : undefined;
    const mediaType = headers['content-type'] ?? declared ?? (typeof response.body === 'string' ? 'text/plain; charset=utf-8' : response.body instanceof Uint8Array ? 'application/octet-stream' : 'application/json');
    headers['content-type'] = mediaType;
    const type = String(mediaType);
    if (response.body instanceof Uint8Array) body = response.body;
    else if (isJson(type)) body = JSON.stringify(response.body);
    else body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  }
  if (head) return { status: response.status, headers };
  return body === undefined ? { status: response.status, headers } : { status: response.status, headers, body };
}
