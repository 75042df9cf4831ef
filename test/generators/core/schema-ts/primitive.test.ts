import { describe, expect, it } from 'vitest';
import { print, STYLES } from './helpers.js';

describe('primitive types and formats', () => {
  it.each([
    [{ type: 'string' }, 'string'],
    [{ type: 'integer' }, 'number'],
    [{ type: 'number' }, 'number'],
    [{ type: 'boolean' }, 'boolean'],
    [{ type: 'null' }, 'null'],
    [{ type: ['string', 'null'] }, 'string | null'],
    [{ type: 'string', format: 'binary' }, 'Blob'],
    [{ type: 'bogus' }, 'unknown'],
    [{}, 'unknown'],
    [true, 'unknown'],
    [false, 'never'],
  ])('given %j, the exact style wants %s', (schema, want) => {
    expect(print(schema as never)).toBe(want);
  });

  it('typed values: date-time as Date and int64 as bigint or string when the options say so', () => {
    const s = { type: 'object', required: ['at', 'n'], properties: { at: { type: 'string', format: 'date-time' }, n: { type: 'integer', format: 'int64' } } };
    expect(print(s)).toBe('{\n  at: string;\n  n: number;\n}');
    expect(print(s, { typed: { dateType: 'Date', int64: 'bigint' } })).toBe('{\n  at: Date;\n  n: bigint;\n}');
    expect(print(s, { typed: { dateType: 'string', int64: 'string' } })).toBe('{\n  at: string;\n  n: string;\n}');
  });

  it('styles without formats print JSON types whatever the options', () => {
    const s = { type: 'string', format: 'date-time' };
    expect(print(s, { style: STYLES.titled, typed: { dateType: 'Date', int64: 'bigint' } })).toBe('string');
    expect(print({ type: 'string', format: 'binary' }, { style: STYLES.ref })).toBe('string');
    expect(print({ type: 'integer', format: 'int64' }, { style: STYLES.ref, typed: { dateType: 'Date', int64: 'bigint' } })).toBe('number');
  });
});
