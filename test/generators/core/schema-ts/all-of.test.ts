import { describe, expect, it } from 'vitest';
import { print, STYLES } from './helpers.js';

const a = { type: 'object', properties: { a: { type: 'string' } } };
const b = { type: 'object', properties: { b: { type: 'string' } } };

describe('allOf', () => {
  it('an intersection of the members', () => {
    expect(print({ allOf: [a, b] })).toBe('{\n  a?: string;\n} & {\n  b?: string;\n}');
    expect(print({ allOf: [a, b] }, { style: STYLES.ref })).toBe('{\n  a?: string;\n} & {\n  b?: string;\n}');
  });

  it('exact: allOf, oneOf and the own shape all contribute; unknown parts drop out', () => {
    expect(print({ allOf: [{}, a], oneOf: [{ type: 'string' }, { type: 'integer' }] })).toBe('(string | number) & {\n  a?: string;\n}');
  });

  it('first-of styles: the first keyword decides (titled: oneOf before allOf; ref: allOf before oneOf)', () => {
    const s = { allOf: [a], oneOf: [{ type: 'string' }, { type: 'integer' }] };
    expect(print(s, { style: STYLES.titled })).toBe('string | number');
    expect(print(s, { style: STYLES.ref })).toBe('{\n  a?: string;\n}');
  });

  it('parenthesises unions among the members', () => {
    expect(print({ allOf: [{ oneOf: [a, b] }, { type: 'object', properties: { c: { type: 'integer' } } }] }, { style: STYLES.ref })).toBe(
      '({\n  a?: string;\n} | {\n  b?: string;\n}) & {\n  c?: number;\n}',
    );
  });
});
