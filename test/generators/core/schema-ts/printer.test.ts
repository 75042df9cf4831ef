import { describe, expect, it } from 'vitest';
import { print, STYLES } from './helpers.js';

describe('the printer', () => {
  it('dispatches on the schema kind in every style', () => {
    const s = { type: 'object', required: ['kind'], properties: { kind: { const: 'a' }, tags: { type: 'array', items: { enum: ['x', 'y'] } } } };
    const want = "{\n  kind: 'a';\n  tags?: ('x' | 'y')[];\n}";
    for (const style of Object.values(STYLES)) expect(print(s, { style })).toBe(want);
  });

  it('a list of types: exact collapses, titled prints each variant (nullable on each), ref each shape', () => {
    const s = { type: ['string', 'integer'], nullable: true };
    expect(print(s)).toBe('(string | number) | null');
    expect(print(s, { style: STYLES.titled })).toBe('string | null | number | null | null');
    expect(print(s, { style: STYLES.ref })).toBe('string | number | null');
  });

  it('the naming hook names a schema, except the one being declared', () => {
    const hooks = { named: (s: Record<string, unknown>) => (typeof s.title === 'string' ? s.title : undefined) };
    expect(print({ title: 'Money', type: 'object' }, { style: STYLES.titled, hooks })).toBe('Money');
    expect(print({ type: 'array', items: { title: 'Money' } }, { style: STYLES.titled, hooks })).toBe('Money[]');
  });
});
