import { describe, expect, it } from 'vitest';
import { pointerParts, resolveLocalRef } from '../../../../generators/core/schema-ts/ref.js';
import { print } from './helpers.js';

describe('refs', () => {
  it('decodes pointers: ~1, ~0 and percent-encoding', () => {
    expect(pointerParts('#/components/schemas/a~1b~0c')).toEqual(['components', 'schemas', 'a/b~c']);
    expect(pointerParts('#/paths/%7Bid%7D')).toEqual(['paths', '{id}']);
    expect(pointerParts('#/bad/%E0%A4%A')).toEqual(['bad', '%E0%A4%A']);
  });

  it('resolves local refs to schemas, and nothing else', () => {
    const doc = { a: { b: [{ type: 'string' }] }, c: 3 };
    expect(resolveLocalRef(doc, '#/a/b/0')).toEqual({ type: 'string' });
    expect(resolveLocalRef(doc, '#/c')).toBeUndefined();
    expect(resolveLocalRef(doc, '#/missing')).toBeUndefined();
    expect(resolveLocalRef(doc, 'other.yaml#/a')).toBeUndefined();
  });

  it('a $ref prints what the naming hook says; without a hook it is not special', () => {
    expect(print({ $ref: '#/x/Order' }, { hooks: { ref: (r) => `Named<${r.split('/').pop()}>` } })).toBe('Named<Order>');
    expect(print({ $ref: '#/x/Order', type: 'string' })).toBe('string');
  });
});
