/**
 * Pagination as an async iterator: follows `nextCursor` (or `next_cursor`,
 * `nextPageToken`, `next_page_token`) while `hasMore` is not false, falls back
 * to the `Link: <…>; rel="next"` header, and then to offset (or page number)
 * parameters when the operation pages that way.
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
  /**
   * Offset style: the query parameter taking the index of the first item
   * (`offset`). The next page starts after the items seen; it stops on an
   * empty or short page (fewer than `limit`), at `total`, or when `hasMore` is false.
   */
  offsetParam?: string;
  /** Page-number style: the query parameter taking the page number (`page`, first page 1 unless the body says otherwise). */
  pageParam?: string;
  /** The page size asked for (the `limit`/`per_page` argument), to recognize the last, short page. */
  limit?: number;
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

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);

/** Every item of every page, fetched lazily: `for await (const order of paginate(...))`. */
export async function* paginate<TItem>(fetchPage: (next: PageRequest) => Promise<HttpResult<unknown>>, options: PaginateOptions = {}): AsyncGenerator<TItem, void, undefined> {
  let next: PageRequest = {};
  const seen = new Set<string>();
  let count = 0;
  let startOffset: number | undefined;
  let pageNo: number | undefined;
  for (;;) {
    const page = await fetchPage(next);
    const items = itemsOf(page.data, options.itemsKey) as TItem[];
    yield* items;
    count += items.length;
    const body = page.data && typeof page.data === 'object' && !Array.isArray(page.data) ? (page.data as Record<string, unknown>) : {};
    startOffset ??= num(body.offset) ?? 0;
    const cursor = (options.cursorKey ? [options.cursorKey] : CURSOR_KEYS).map((k) => body[k]).find((v) => typeof v === 'string' && v !== '') as string | undefined;
    const hasMore = body.hasMore ?? body.has_more;
    const link = nextLink(page.headers);
    if (cursor !== undefined && hasMore !== false) next = { cursor };
    else if (link !== undefined && hasMore !== false) next = { url: new URL(link, page.url).href };
    else if ((options.offsetParam !== undefined || options.pageParam !== undefined) && hasMore !== false && !lastPage(items.length, body, options)) {
      if (options.offsetParam !== undefined) {
        // every item seen so far, on whatever kind of page
        const offset = startOffset + count;
        const total = num(body.total) ?? num(body.totalCount) ?? num(body.total_count);
        if (total !== undefined && offset >= total) return;
        next = { query: { [options.offsetParam]: offset } };
      } else {
        pageNo = (pageNo ?? num(body.page) ?? 1) + 1;
        const pages = num(body.totalPages) ?? num(body.total_pages) ?? num(body.pageCount);
        if (pages !== undefined && pageNo > pages) return;
        next = { query: { [options.pageParam!]: pageNo } };
      }
    } else return;
    // a server that repeats a cursor would loop forever: stop instead
    const token = next.cursor ?? next.url ?? JSON.stringify(next.query);
    if (seen.has(token)) return;
    seen.add(token);
  }
}

// An empty page, or one shorter than the page size asked for (or stated in the body), is the last.
function lastPage(count: number, body: Record<string, unknown>, options: PaginateOptions): boolean {
  if (count === 0) return true;
  const limit = options.limit ?? num(body.limit) ?? num(body.per_page) ?? num(body.perPage) ?? num(body.pageSize);
  return limit !== undefined && count < limit;
}
