/**
 * The one pagination vocabulary of contractkit: which query parameters steer
 * paging (cursor, offset, page number, page size), which body fields carry the
 * next cursor, and the style an HTTP operation pages in. The loader writes the
 * style and the steering parameters into the model (`HttpOperation.pagination`,
 * `HttpOperation.paging`); the pagination lint rules and the REST client read
 * the same lists, so lint and generated clients agree on every operation.
 */
import type { HttpParameter, HttpPaging, HttpResponse, JsonSchema, PaginationStyle } from '../model/types.js';

/** Follows a schema's `$ref` inside the bundled document (undefined when it cannot). */
export type SchemaDeref = (schema: JsonSchema) => JsonSchema | undefined;

// Auth tokens end in `_token` too but never page.
const AUTH_TOKENS = new Set(['access_token', 'id_token', 'refresh_token', 'auth_token', 'api_token', 'csrf_token']);

/** Response body fields that hold the cursor of the next page. */
export const CURSOR_FIELDS: readonly string[] = ['nextCursor', 'next_cursor', 'nextPageToken', 'next_page_token'];

/** Query parameters that skip a number of items (offset pagination). */
export const OFFSET_PARAMS: readonly string[] = ['offset', 'skip', '$skip'];

/** Query parameters that name a page by its number (page pagination). */
export const PAGE_PARAMS: readonly string[] = ['page', 'pageNumber', 'page_number'];

/** Query parameters that set the page size; they must be bounded. */
export const PAGE_SIZE_PARAMS: readonly string[] = ['limit', 'pageSize', 'page_size', 'per_page', 'perPage', 'top', '$top', 'maxResults', 'max_results'];

/** Query parameters that mark a range from a known item (`after`, `starting_after`, …): keyset pagination that is neither a cursor token nor a position. */
export const RANGE_PARAMS: readonly string[] = ['after', 'before', 'starting_after', 'ending_before', 'first', 'last'];

/**
 * Parameters of position-based paging, which the `pagination-cursor` rule
 * flags: offsets, page numbers, and the page sizes that come with page numbers.
 */
export const POSITION_PARAMS: readonly string[] = [...PAGE_PARAMS, ...OFFSET_PARAMS, 'pageSize', 'page_size', 'per_page', 'perPage'];

/** What a query parameter does for paging, or undefined when it does not page. */
export type PagingRole = 'cursor' | 'offset' | 'page' | 'size' | 'range';

const lowered = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase()));
const OFFSET = lowered(OFFSET_PARAMS);
const PAGE = lowered(PAGE_PARAMS);
const SIZE = lowered(PAGE_SIZE_PARAMS);
const RANGE = lowered(RANGE_PARAMS);

/** True for query parameter names that carry a cursor: `cursor`, `pageToken`, `*_token` (but not auth tokens). */
export function isCursorParam(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'cursor' || lower === 'pagetoken' || lower === 'nextpagetoken') return true;
  return lower.endsWith('_token') && !AUTH_TOKENS.has(lower);
}

/** The paging role of a query parameter by its name (case-insensitive), if it has one. */
export function pagingRole(name: string): PagingRole | undefined {
  if (isCursorParam(name)) return 'cursor';
  const lower = name.toLowerCase();
  if (OFFSET.has(lower)) return 'offset';
  if (PAGE.has(lower)) return 'page';
  if (SIZE.has(lower)) return 'size';
  if (RANGE.has(lower)) return 'range';
  return undefined;
}

/**
 * The pagination style: `cursor` (a cursor/`*_token`/`pageToken` query parameter
 * or a `nextCursor` field in a success response), `offset` / `page` (such query
 * parameters), `link` (a `Link` header on a success response), else `none`.
 */
export function detectPagination(parameters: HttpParameter[], responses: HttpResponse[], deref: SchemaDeref): PaginationStyle {
  const roles = parameters.filter((p) => p.in === 'query').map((p) => pagingRole(p.name));
  const success = responses.filter((r) => /^2/.test(r.status));
  if (roles.includes('cursor')) return 'cursor';
  if (success.some((r) => r.content.some((m) => m.schema !== undefined && hasCursorField(m.schema, deref, 0, new Set())))) return 'cursor';
  if (roles.includes('offset')) return 'offset';
  if (roles.includes('page')) return 'page';
  if (success.some((r) => r.headers.some((h) => h.name.toLowerCase() === 'link'))) return 'link';
  return 'none';
}

/**
 * The query parameters that steer paging in `style`: the cursor (any style,
 * as a client sends it when the contract has one), the offset or page number
 * (in those styles) and the page size that goes with them.
 */
export function pagingParams(parameters: HttpParameter[], style: PaginationStyle): HttpPaging {
  const query = parameters.filter((p) => p.in === 'query');
  const first = (role: PagingRole) => query.find((p) => pagingRole(p.name) === role)?.name;
  const paging: HttpPaging = {};
  const cursor = first('cursor');
  if (cursor !== undefined) paging.cursorParam = cursor;
  const offset = style === 'offset' ? first('offset') : undefined;
  const page = style === 'page' ? first('page') : undefined;
  if (offset !== undefined) paging.offsetParam = offset;
  if (page !== undefined) paging.pageParam = page;
  const limit = first('size');
  if (limit !== undefined) paging.limitParam = limit;
  return paging;
}

/** Looks for a cursor field at the top of the body or one object below (`meta.nextCursor`), through `allOf`. */
function hasCursorField(schema: JsonSchema, deref: SchemaDeref, depth: number, seen: Set<object>): boolean {
  const s = deref(schema);
  if (!s || typeof s !== 'object' || seen.has(s) || depth > 2) return false;
  seen.add(s);
  const properties = s.properties;
  if (properties && typeof properties === 'object') {
    for (const [name, child] of Object.entries(properties as Record<string, JsonSchema>)) {
      if (CURSOR_FIELDS.includes(name)) return true;
      if (depth < 1 && hasCursorField(child, deref, depth + 1, seen)) return true;
    }
  }
  const parts = [...asArray(s.allOf), ...asArray(s.oneOf), ...asArray(s.anyOf)];
  return parts.some((part) => hasCursorField(part as JsonSchema, deref, depth, seen));
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
