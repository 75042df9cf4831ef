import { describe, expect, it } from 'vitest';
import { print, STYLES } from './helpers.js';

const withExtras = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'integer' } };

describe('additionalProperties', () => {
  it('exact: open when nothing is said, an intersection for typed extras, never for a closed empty object', () => {
    expect(print({ type: 'object' })).toBe('{\n  [key: string]: unknown;\n}');
    expect(print({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true })).toBe('{\n  a?: string;\n  [key: string]: unknown;\n}');
    // a member of the (one-kind) union of types: the intersection comes parenthesised
    expect(print(withExtras)).toBe('({\n  a?: string;\n} & { [key: string]: number })');
    expect(print({ type: 'object', additionalProperties: false })).toBe('Record<string, never>');
    expect(print({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false })).toBe('{\n  a?: string;\n}');
  });

  it('in-body: the signature is a member whose values may be absent; nothing is Record<string, unknown>', () => {
    expect(print(withExtras, { style: STYLES.titled })).toBe('{\n  a?: string;\n  [key: string]: number | undefined;\n}');
    expect(print({ type: 'object' }, { style: STYLES.titled })).toBe('Record<string, unknown>');
  });

  it('record: a Record of the extras when there are no members, an unknown signature beside members', () => {
    expect(print({ type: 'object', additionalProperties: { type: 'string' } }, { style: STYLES.ref })).toBe('Record<string, string>');
    expect(print({ type: 'object' }, { style: STYLES.ref })).toBe('Record<string, unknown>');
    expect(print(withExtras, { style: STYLES.ref })).toBe('{\n  a?: string;\n  [key: string]: unknown;\n}');
  });

  it('patternProperties is not typed (an object with only patternProperties is open)', () => {
    expect(print({ type: 'object', patternProperties: { '^x-': { type: 'string' } } })).toBe('{\n  [key: string]: unknown;\n}');
  });
});

describe('a map of typed values (was {} in the REST client before, losing the value type)', () => {
  it('exact: a map without properties whose values have a schema is an index signature of that type', () => {
    expect(print({ type: 'object', additionalProperties: { type: 'string' } })).toBe('{ [key: string]: string }');
    expect(print({ type: 'object', additionalProperties: { type: 'object', properties: { n: { type: 'integer' } } } })).toBe('{ [key: string]: {\n  n?: number;\n} }');
  });
});
