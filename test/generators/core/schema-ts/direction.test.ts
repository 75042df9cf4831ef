import { describe, expect, it } from 'vitest';
import { directionalSchemas, hasSides } from '../../../../generators/core/schema-ts/direction.js';

describe('read/write direction', () => {
  it('a schema differs by direction when a member (or a schema it refers to) is readOnly/writeOnly', () => {
    const schemas = new Map<string, unknown>([
      ['Order', { type: 'object', properties: { id: { type: 'string', readOnly: true } } }],
      ['Page', { type: 'object', properties: { items: { type: 'array', items: { $ref: 'Order' } } } }],
      ['Plain', { type: 'object', properties: { n: { type: 'integer' } } }],
      // the root's own flag does not count, nor do values
      ['Root', { readOnly: true, type: 'object', example: { x: { readOnly: true } } }],
      ['Inline', { properties: { x: { $ref: '#/defs/rw' } } }],
    ]);
    const doc = { defs: { rw: { writeOnly: true } } };
    const got = directionalSchemas(schemas as never, (r) => (schemas.has(r) ? r : undefined), (r) => (r === '#/defs/rw' ? (doc.defs.rw as never) : undefined));
    expect([...got].sort()).toEqual(['Inline', 'Order', 'Page']);
  });

  it('hasSides follows refs across documents, each once', () => {
    const docs: Record<string, Record<string, unknown>> = {
      a: { X: { properties: { y: { $ref: 'b#Y' } } } },
      b: { Y: { properties: { z: { type: 'string', writeOnly: true } } }, L: { properties: { self: { $ref: 'b#L' } } } },
    };
    const resolve = (ref: string) => {
      const [d, k] = ref.split('#') as [string, string];
      return { schema: docs[d]![k] as never, doc: d, key: ref };
    };
    expect(hasSides({ $ref: 'a#X' }, 'a', resolve, new Map())).toBe(true);
    expect(hasSides({ $ref: 'b#L' }, 'b', resolve, new Map())).toBe(false);
  });
});
