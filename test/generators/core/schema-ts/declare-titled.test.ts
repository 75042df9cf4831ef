import { describe, expect, it } from 'vitest';
import { createTitledTypes } from '../../../../generators/core/schema-ts/declare-titled.js';

describe('naming by title', () => {
  it('titled objects become interfaces, shared when the same title means the same schema; the rest is inline', () => {
    const money = { title: 'money', type: 'object', required: ['amount'], properties: { amount: { type: 'integer' }, currency: { type: 'string' } } };
    const types = createTitledTypes(['OrderPlaced']);
    const t = types.typeOf({ type: 'object', properties: { total: money, refund: { ...money }, tags: { type: 'array', items: { type: 'string' } } } }, 'OrderPlaced', 'An order was placed.');
    expect(t).toBe('OrderPlaced');
    expect(types.declarations()).toBe(
      // the title is the name: no doc comment repeats it
      'export interface Money {\n  amount: number;\n  currency?: string;\n}\n\n' +
        '/** An order was placed. */\nexport interface OrderPlaced {\n  total?: Money;\n  refund?: Money;\n  tags?: string[];\n}\n',
    );
  });

  it('a title that clashes with a reserved name gets a unique one; a titled enum is a type alias', () => {
    const types = createTitledTypes(['Status']);
    expect(types.typeOf({ title: 'Status', enum: ['a', 'b'] })).toBe('Status2');
    // the title is kept as the doc when the name had to change
    expect(types.declarations()).toBe("/** Status */\nexport type Status2 = 'a' | 'b';\n");
  });

  it('a nested titled schema is declared before the type that uses it; untitled objects stay inline', () => {
    const types = createTitledTypes();
    expect(types.typeOf({ type: 'object', properties: { at: { title: 'Place', type: 'object', properties: { city: { type: 'string' } } }, meta: { type: 'object', properties: { n: { type: 'integer' } } } } }, 'Moved')).toBe('Moved');
    expect(types.declarations()).toBe('export interface Place {\n  city?: string;\n}\n\nexport interface Moved {\n  at?: Place;\n  meta?: {\n    n?: number;\n  };\n}\n');
  });
});

it('an object without members is a type alias (an interface cannot extend a Record by name)', () => {
  const types = createTitledTypes();
  expect(types.typeOf({ type: 'object' }, 'Ping')).toBe('Ping');
  expect(types.declarations()).toBe('export type Ping = Record<string, unknown>;\n');
});
