import { describe, expect, it } from 'vitest';
import { print, STYLES } from './helpers.js';

describe('nullable (OpenAPI 3.0)', () => {
  it('guarded: parenthesised, never twice, never on unknown, also after a $ref', () => {
    expect(print({ type: 'string', nullable: true })).toBe('string | null');
    expect(print({ oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true })).toBe('(string | number) | null');
    expect(print({ type: ['string', 'null'], nullable: true })).toBe('string | null');
    expect(print({ nullable: true })).toBe('unknown');
    expect(print({ $ref: '#/x/A', nullable: true }, { hooks: { ref: () => 'A' } })).toBe('A | null');
  });

  it('always: appends | null', () => {
    expect(print({ enum: ['a'], nullable: true }, { style: STYLES.titled })).toBe("'a' | null");
    expect(print({ nullable: true }, { style: STYLES.titled })).toBe('unknown | null');
  });

  it('known: appends | null unless unknown, and not after a $ref', () => {
    expect(print({ type: 'string', nullable: true }, { style: STYLES.ref })).toBe('string | null');
    expect(print({ nullable: true }, { style: STYLES.ref })).toBe('unknown');
    expect(print({ $ref: '#/x/A', nullable: true }, { style: STYLES.ref, hooks: { ref: () => 'A' } })).toBe('A');
  });
});
