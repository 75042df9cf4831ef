/**
 * Typed values: the lossless JSON reading and writing of big integers, plan
 * application (dates, bigints, text), and offset/page fallbacks of `paginate`.
 */
import { describe, expect, it } from 'vitest';
import { paginate } from './pagination.js';
import { parseJsonPrecise, preparer, reviver, stringifyJson, unmarkIntegers } from './revive.js';
import type { HttpResult } from './types.js';

describe('revival', () => {
  it('keeps integers beyond 2^53 exact, leaves strings alone, and turns unclaimed ones back into numbers', () => {
    const v = parseJsonPrecise('{"a":12345678901234567890,"b":"12345678901234567890","c":[1.5e300,-98765432109876543210],"d":42}') as Record<string, unknown>;
    const revived = reviver({}, { p: { a: 'bigint' } })(v) as Record<string, unknown>;
    expect(revived.a).toBe(12345678901234567890n);
    expect(revived.b).toBe('12345678901234567890');
    expect(unmarkIntegers(revived)).toEqual({ a: 12345678901234567890n, b: '12345678901234567890', c: [1.5e300, -98765432109876540000], d: 42 });
  });

  it('applies plans through references, arrays, maps and alternatives; invalid dates stay text', () => {
    const table = { Node: { p: { at: 'date' as const, next: { r: 'Node' }, ids: { i: 'string' as const } } } };
    const value = { at: '2024-01-01T00:00:00Z', ids: [1, 2], next: { at: 'not a date', next: null } };
    const out = reviver(table, { r: 'Node' })(value) as Record<string, unknown>;
    expect(out.at).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(out.ids).toEqual(['1', '2']);
    expect((out.next as Record<string, unknown>).at).toBe('not a date');
    const mapped = reviver({}, { a: 'date', u: [{ p: { x: 'bigint' } }] })({ x: 5, y: '2024-02-02T00:00:00Z' }) as Record<string, unknown>;
    expect(mapped).toEqual({ x: 5n, y: new Date('2024-02-02T00:00:00Z') });
  });

  it('writes bigints as exact JSON numbers and prepares int64 text without touching the caller\'s object', () => {
    expect(stringifyJson({ a: 12345678901234567890n, b: 'x', c: [1n] })).toBe('{"a":12345678901234567890,"b":"x","c":[1]}');
    const body = { id: '12345678901234567890' };
    const prepared = preparer({}, { p: { id: 'string' } })(body);
    expect(stringifyJson(prepared)).toBe('{"id":12345678901234567890}');
    expect(body).toEqual({ id: '12345678901234567890' });
  });
});

const page = (data: unknown): HttpResult<unknown> => ({ status: 200, headers: new Headers(), data, url: 'http://x/', response: new Response() });

describe('paginate fallbacks', () => {
  it('follows offsets until a short page or the total', async () => {
    const seen: unknown[] = [];
    const items = Array.from({ length: 7 }, (_, i) => i);
    const out: number[] = [];
    for await (const n of paginate<number>(async (next) => {
      seen.push(next.query);
      const offset = Number(next.query?.offset ?? 0);
      return page({ items: items.slice(offset, offset + 3) });
    }, { offsetParam: 'offset', limit: 3 })) out.push(n);
    expect(out).toEqual(items);
    expect(seen).toEqual([undefined, { offset: 3 }, { offset: 6 }]);
  });

  it('follows page numbers until totalPages, and prefers a cursor when the body has one', async () => {
    const out: string[] = [];
    for await (const s of paginate<string>(async (next) => page({ data: [`p${next.query?.page ?? 1}`], totalPages: 3 }), { pageParam: 'page' })) out.push(s);
    expect(out).toEqual(['p1', 'p2', 'p3']);
    const cursors: unknown[] = [];
    for await (const _ of paginate(async (next) => (cursors.push(next), page({ data: [1], nextCursor: next.cursor ? undefined : 'c2' })), { offsetParam: 'offset' })) void _;
    expect(cursors).toEqual([{}, { cursor: 'c2' }, { query: { offset: 2 } }]);
  });
});
