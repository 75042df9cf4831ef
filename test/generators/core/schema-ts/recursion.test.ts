import { describe, expect, it } from 'vitest';
import { aliasEdges, InlineStack } from '../../../../generators/core/schema-ts/recursion.js';

describe('recursion', () => {
  it('alias edges follow refs in alias position only (not through members or items)', () => {
    const schemas = new Map<string, unknown>([
      ['A', { oneOf: [{ $ref: 'B' }, { type: 'null' }] }],
      ['B', { allOf: [{ $ref: 'A' }] }],
      ['Tree', { type: 'object', properties: { children: { type: 'array', items: { $ref: 'Tree' } } } }],
    ]);
    const reaches = aliasEdges(schemas as never, (r) => r);
    expect(reaches('A', 'B')).toBe(true);
    expect(reaches('B', 'A')).toBe(true);
    expect(reaches('Tree', 'Tree')).toBe(true); // the start itself
    expect(reaches('A', 'Tree')).toBe(false);
  });

  it('an inline ref met again inside itself is unknown', () => {
    const stack = new InlineStack();
    const printRef = (): string => stack.enter('#/x', () => `{ next: ${printRef()} }`);
    expect(printRef()).toBe('{ next: unknown }');
    stack.hold('#/held');
    expect(stack.enter('#/held', () => 'X')).toBe('unknown');
  });
});
