/**
 * Pagination style detection for one HTTP operation, from what the contract
 * says: query parameters, response headers and response body fields.
 */
import type { HttpParameter, HttpResponse, JsonSchema, PaginationStyle } from '../model/types.js';

/** Follows a schema's `$ref` inside the bundled document (undefined when it cannot). */
export type SchemaDeref = (schema: JsonSchema) => JsonSchema | undefined;

// Auth tokens end in `_token` too but never page.
const AUTH_TOKENS = new Set(['access_token', 'id_token', 'refresh_token', 'auth_token', 'api_token', 'csrf_token']);
const CURSOR_FIELDS = new Set(['nextCursor', 'next_cursor', 'nextPageToken', 'next_page_token']);

/** True for query parameter names that carry a cursor: `cursor`, `pageToken`, `*_token` (but not auth tokens). */
export function isCursorParam(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'cursor' || lower === 'pagetoken' || lower === 'nextpagetoken') return true;
  return lower.endsWith('_token') && !AUTH_TOKENS.has(lower);
}

/**
 * The pagination style: `cursor` (a cursor/`*_token`/`pageToken` query parameter
 * or a `nextCursor` field in a success response), `offset` / `page` (such query
 * parameters), `link` (a `Link` header on a success response), else `none`.
 */
export function detectPagination(parameters: HttpParameter[], responses: HttpResponse[], deref: SchemaDeref): PaginationStyle {
  const query = parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const success = responses.filter((r) => /^2/.test(r.status));
  if (query.some(isCursorParam)) return 'cursor';
  if (success.some((r) => r.content.some((m) => m.schema !== undefined && hasCursorField(m.schema, deref, 0, new Set())))) return 'cursor';
  if (query.some((n) => n.toLowerCase() === 'offset')) return 'offset';
  if (query.some((n) => n.toLowerCase() === 'page')) return 'page';
  if (success.some((r) => r.headers.some((h) => h.name.toLowerCase() === 'link'))) return 'link';
  return 'none';
}

/** Looks for a cursor field at the top of the body or one object below (`meta.nextCursor`), through `allOf`. */
function hasCursorField(schema: JsonSchema, deref: SchemaDeref, depth: number, seen: Set<object>): boolean {
  const s = deref(schema);
  if (!s || typeof s !== 'object' || seen.has(s) || depth > 2) return false;
  seen.add(s);
  const properties = s.properties;
  if (properties && typeof properties === 'object') {
    for (const [name, child] of Object.entries(properties as Record<string, JsonSchema>)) {
      if (CURSOR_FIELDS.has(name)) return true;
      if (depth < 1 && hasCursorField(child, deref, depth + 1, seen)) return true;
    }
  }
  const parts = [...asArray(s.allOf), ...asArray(s.oneOf), ...asArray(s.anyOf)];
  return parts.some((part) => hasCursorField(part as JsonSchema, deref, depth, seen));
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
