import { describe, expect, it } from 'vitest';
import { createRefTypes, type ResolvedRef } from '../../../../generators/core/schema-ts/declare-refs.js';

const docs: Record<string, Record<string, unknown>> = {
  api: {
    Order: { type: 'object', description: 'An order.', properties: { id: { type: 'string', readOnly: true }, line: { $ref: 'api#Line' } } },
    Line: { type: 'object', properties: { sku: { type: 'string' }, next: { $ref: 'api#Line' } } },
  },
};
const resolve = (ref: string, _doc: string): ResolvedRef<string> | undefined => {
  const [d, k] = ref.split('#') as [string, string];
  const schema = docs[d]?.[k];
  return schema === undefined ? undefined : { schema: schema as never, doc: d, key: ref, hint: k };
};

describe('naming by reference', () => {
  it('each referenced schema is an alias on first use, one per side when the sides differ', () => {
    const types = createRefTypes(resolve, ['PlaceOrderData']);
    expect(types.schemaType({ $ref: 'api#Order' }, 'api', '', 'write')).toBe('OrderWritable');
    expect(types.schemaType({ $ref: 'api#Order' }, 'api', '', 'read')).toBe('Order');
    expect(types.schemaType({ $ref: 'api#Missing' }, 'api')).toBe('unknown');
    expect(types.declarations()).toBe(
      [
        '/** An order. */\nexport type OrderWritable = {\n  line?: Line;\n};\n',
        'export type Line = {\n  sku?: string;\n  next?: Line;\n};\n',
        '/** An order. */\nexport type Order = {\n  id?: string;\n  line?: Line;\n};\n',
      ].join('\n'),
    );
  });

  it('other named types join the same scope and order through declare', () => {
    const types = createRefTypes(resolve, ['Order']);
    expect(types.declare('proto:Order', 'order', () => ({ text: '{}', doc: 'A message.' }))).toBe('Order2');
    expect(types.declare('proto:Order', 'order', () => ({ text: 'never' }))).toBe('Order2');
    expect(types.claim('Order')).toBe('Order3');
    expect(types.declarations()).toBe('/** A message. */\nexport type Order2 = {};\n');
  });
});
