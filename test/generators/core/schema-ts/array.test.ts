import { describe, expect, it } from 'vitest';
import { print, STYLES } from './helpers.js';

describe('arrays', () => {
  it('given items, wants the element type with []', () => {
    expect(print({ type: 'array', items: { type: 'string' } })).toBe('string[]');
    expect(print({ items: { type: 'integer' } })).toBe('number[]');
    expect(print({ type: 'array' })).toBe('unknown[]');
  });

  it('parenthesises a union element; the exact style an intersection too', () => {
    const union = { type: 'array', items: { type: ['string', 'integer'] } };
    expect(print(union)).toBe('(string | number)[]');
    expect(print(union, { style: STYLES.ref })).toBe('(string | number)[]');
    const both = { type: 'array', items: { allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'string' } } }] } };
    expect(print(both)).toBe('({\n  a?: string;\n} & {\n  b?: string;\n})[]');
  });
});
