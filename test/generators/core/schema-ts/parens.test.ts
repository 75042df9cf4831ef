import { describe, expect, it } from 'vitest';
import { group, topLevel, unionOf } from '../../../../generators/core/schema-ts/parens.js';

describe('parentheses and unions', () => {
  it('reads only the top level: brackets, strings and comments are skipped', () => {
    expect(topLevel('{ a: A | B }')).toEqual({ union: false, intersection: false, wrapped: false });
    expect(topLevel("'a|b'")).toMatchObject({ union: false });
    expect(topLevel('/* a | b */ A')).toMatchObject({ union: false });
    expect(topLevel('A | B')).toMatchObject({ union: true });
    expect(topLevel('(A | B)')).toMatchObject({ wrapped: true });
    expect(topLevel('(A) | (B)')).toMatchObject({ wrapped: false, union: true });
  });

  it('exact: unions wrapped, intersections only when strict', () => {
    expect(group('A | B', 'exact')).toBe('(A | B)');
    expect(group('A & B', 'exact')).toBe('A & B');
    expect(group('A & B', 'exact', true)).toBe('(A & B)');
    expect(group('{ a: A | B }', 'exact')).toBe('{ a: A | B }');
  });

  it('braces: any | or & unless one {…}; symbols: any | or &', () => {
    expect(group('{ a: A | B }', 'braces')).toBe('{ a: A | B }');
    expect(group('{ a: A | B }', 'symbols')).toBe('({ a: A | B })');
    expect(group("'a|b'", 'symbols')).toBe("('a|b')");
  });

  it('unionOf: duplicates once, unknown absorbs, intersections wrapped, empty is never', () => {
    expect(unionOf(['A', 'A', 'B'])).toBe('A | B');
    expect(unionOf(['A', 'unknown'])).toBe('unknown');
    expect(unionOf(['A & B', 'C'])).toBe('(A & B) | C');
    expect(unionOf([])).toBe('never');
  });
});
