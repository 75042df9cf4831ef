/**
 * Cursor pagination as an async iterator: follows `nextCursor` (or
 * `next_cursor`, `nextPageToken`, `next_page_token`) while `hasMore` is not
 * false, and falls back to the `Link: <…>; rel="next"` header.
 */
import type { HttpResult } from './types.js';

/** What the next page request carries: a cursor for the cursor parameter, or the URL from a Link header. */
export interface PageRequest {
  cursor?: string;
  url?: string;
  /** Query members to set for the next page (offset pagination: `{ offset: 40 }`). */
  query?: Record<string, unknown>;
}

/** Where the items and the cursor are in a page body. */
export interface PaginateOptions {
  /** Property holding the items (default: the body if it is an array, else `data`, `items` or `results`). */
  itemsKey?: string;
  /** Property holding the next cursor (default: the first of nextCursor, next_cursor, nextPageToken, next_page_token). */
  cursorKey?: string;
}

const CURSOR_KEYS = ['nextCursor', 'next_cursor', 'nextPageToken', 'next_page_token'];

/** The `rel="next"` target of a Link header, if any. */
export function nextLink(headers: Headers): string | undefined {
  const link = headers.get('link');
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>(.*)/.exec(part.trim());
    if (m && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2]!)) return m[1];
  }
  return undefined;
}

function itemsOf(data: unknown, key: string | undefined): unknown[] {
  if (Array.isArray(data)) return data;
  if (!data || typeof data !== 'object') return [];
  const body = data as Record<string, unknown>;
  const found = key !== undefined ? body[key] : (body.data ?? body.items ?? body.results);
  return Array.isArray(found) ? found : [];
}

/** Every item of every page, fetched lazily: `for await (const order of paginate(...))`. */
export async function* paginate<TItem>(fetchPage: (next: PageRequest) => Promise<HttpResult<unknown>>, options: PaginateOptions = {}): AsyncGenerator<TItem, void, undefined> {
  let next: PageRequest = {};
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(next);
    yield* itemsOf(page.data, options.itemsKey) as TItem[];
    const body = page.data && typeof page.data === 'object' && !Array.isArray(page.data) ? (page.data as Record<string, unknown>) : {};
    const cursor = (options.cursorKey ? [options.cursorKey] : CURSOR_KEYS).map((k) => body[k]).find((v) => typeof v === 'string' && v !== '') as string | undefined;
    const hasMore = body.hasMore ?? body.has_more;
    const link = nextLink(page.headers);
    if (cursor !== undefined && hasMore !== false) next = { cursor };
    else if (link !== undefined && hasMore !== false) next = { url: new URL(link, page.url).href };
    else return;
    // a server that repeats a cursor would loop forever: stop instead
    const token = next.cursor ?? next.url!;
    if (seen.has(token)) return;
    seen.add(token);
  }
}
