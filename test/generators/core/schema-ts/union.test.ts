import { describe, expect, it } from 'vitest';
import { print, STYLES } from './helpers.js';

const refs = { ref: (r: string) => r.split('/').pop()!, refTarget: (r: string) => r.split('/').pop() };

describe('oneOf / anyOf', () => {
  it('a union of the members, duplicates once, unknown absorbing', () => {
    expect(print({ oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'string' }] })).toBe('string | number');
    expect(print({ anyOf: [{ type: 'string' }, {}] })).toBe('unknown');
  });

  it('a discriminator narrows each $ref member by the mapping key (or the component name)', () => {
    const s = {
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } },
    };
    expect(print(s, { hooks: refs })).toBe("(Cat & { kind: 'cat' }) | (Dog & { kind: 'Dog' })");
  });

  it('the other styles list members, grouped, and ignore discriminators', () => {
    const s = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: ['string', 'null'] } }, { type: 'string' }], discriminator: { propertyName: 'k' } };
    // these styles read `|` anywhere in the text, so an array of a union is wrapped once more
    expect(print(s, { style: STYLES.titled })).toBe('string | ((string | null)[]) | string');
    expect(print(s, { style: STYLES.ref })).toBe('string | ((string | null)[]) | string');
  });

  it('an empty list: dropped (exact), nothing (titled), unknown (ref)', () => {
    expect(print({ type: 'string', oneOf: [] })).toBe('string');
    expect(print({ oneOf: [] }, { style: STYLES.titled })).toBe('');
    expect(print({ oneOf: [] }, { style: STYLES.ref })).toBe('unknown');
  });
});
