import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateJsonPointer } from './json-locate.js';
import { pointerSegments, positionOf, toPointer } from './positions.js';

const dir = mkdtempSync(join(tmpdir(), 'ck-pos-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('pointers', () => {
  it('round-trips escaped segments', () => {
    const segs = ['paths', '/orders/{id}', 'a~b', '0'];
    expect(toPointer(segs)).toBe('/paths/~1orders~1{id}/a~0b/0');
    expect(pointerSegments(toPointer(segs))).toEqual(segs);
    expect(pointerSegments('#/paths/~1x')).toEqual(['paths', '/x']);
    expect(pointerSegments('')).toEqual([]);
  });
});

describe('locateJsonPointer', () => {
  const text = '{"a": {"b\\"c": [1, {"d": "x}y"}], "e": true}, "f": null}';
  it('finds values inside objects and arrays, skipping strings with brackets', () => {
    const r = locateJsonPointer(text, ['a', 'b"c', '1', 'd'])!;
    expect(text.slice(r.start, r.end)).toBe('"x}y"');
    const e = locateJsonPointer(text, ['a', 'e'])!;
    expect(text.slice(e.start, e.end)).toBe('true');
  });
  it('finds keys and reports missing paths', () => {
    const k = locateJsonPointer(text, ['f'], true)!;
    expect(text.slice(k.start, k.end)).toBe('"f"');
    expect(locateJsonPointer(text, ['a', 'zz'])).toBeUndefined();
    expect(locateJsonPointer(text, ['a', 'b"c', '5'])).toBeUndefined();
  });
});

describe('positionOf', () => {
  it('resolves YAML values and keys', () => {
    const f = file('a.yaml', 'openapi: 3.1.0\npaths:\n  /orders:\n    get:\n      operationId: listOrders\n');
    expect(positionOf(f, '/paths/~1orders/get/operationId')).toMatchObject({ line: 5, column: 20 });
    expect(positionOf(f, '/paths/~1orders', true)).toMatchObject({ line: 3, column: 3 });
  });
  it('resolves JSON values', () => {
    const f = file('a.json', '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/orders": {"get": {}}\n  }\n}\n');
    expect(positionOf(f, '/paths/~1orders/get')).toMatchObject({ line: 4, column: 24 });
  });
  it('falls back to the nearest existing ancestor, then the top of the file', () => {
    const f = file('b.yaml', 'a:\n  b: 1\n');
    expect(positionOf(f, '/a/missing/deeper')).toMatchObject({ line: 2, column: 3 });
    expect(positionOf(join(dir, 'nope.yaml'), '/x')).toMatchObject({ line: 1, column: 1 });
  });
});

describe('prefetchPositions', () => {
  it('answers many pointers of a JSON file from one pass, with the same results as single lookups', async () => {
    const { prefetchPositions, clearSourceCache } = await import('./positions.js');
    const doc = { paths: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/p${i}`, { get: { operationId: `op${i}`, tags: ['a', 'b'] } }])) };
    const f = file('many.json', JSON.stringify(doc, null, 2));
    const pointers = Array.from({ length: 20 }, (_, i) => ({ pointer: `/paths/~1p${i}/get/tags/1`, onKey: false }));
    pointers.push({ pointer: '/paths/~1p3', onKey: true }, { pointer: '/paths/~1missing/get', onKey: false });
    const single = pointers.map((p) => positionOf(f, p.pointer, p.onKey));
    clearSourceCache();
    prefetchPositions(f, pointers);
    expect(pointers.map((p) => positionOf(f, p.pointer, p.onKey))).toEqual(single);
  });
});
