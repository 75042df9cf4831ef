import { describe, expect, it } from 'vitest';
import { enumLiterals, literalType } from '../../../../generators/core/schema-ts/enum-const.js';
import { print, STYLES } from './helpers.js';

describe('const and enum', () => {
  it('literals: strings quoted safely, scalars as written, the rest unknown', () => {
    expect(literalType("it's")).toBe("'it\\'s'");
    expect(literalType(3)).toBe('3');
    expect(literalType(Number.NaN)).toBe('number');
    expect(literalType(null)).toBe('null');
    expect(literalType({ a: 1 })).toBe('unknown');
    expect(enumLiterals(['a', 'a', 1, { x: 1 }])).toEqual(["'a'", '1']);
  });

  it('const is its literal in every style', () => {
    for (const style of Object.values(STYLES)) expect(print({ const: 'v1' }, { style })).toBe("'v1'");
  });

  it('exact: distinct scalars; an enum without a scalar falls back to its type', () => {
    expect(print({ enum: ['a', 'b', 'a'] })).toBe("'a' | 'b'");
    expect(print({ type: 'object', enum: [{ a: 1 }], properties: { a: { type: 'integer' } } })).toBe('{\n  a?: number;\n}');
  });

  it('listed: each value as listed, never for an empty list', () => {
    expect(print({ enum: ['a', 'b', 'a'] }, { style: STYLES.titled })).toBe("'a' | 'b' | 'a'");
    expect(print({ enum: [] }, { style: STYLES.ref })).toBe('never');
  });
});
