import { describe, expect, it } from 'vitest';
import type { OpenApiContract } from '../../../../contracts/model/types.js';
import { createNameScope } from '../../../../generators/core/names.js';
import { createComponentTypes } from '../../../../generators/core/schema-ts/declare-components.js';

const components = {
  Order: { type: 'object', description: 'An order.', required: ['id'], properties: { id: { type: 'string', readOnly: true }, items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
  Item: { type: 'object', properties: { sku: { type: 'string' }, next: { $ref: '#/components/schemas/Item' } } },
  Status: { type: 'string', enum: ['open', 'closed'] },
  Loop: { oneOf: [{ $ref: '#/components/schemas/Loop' }, { type: 'null' }] },
  Inline: { type: 'object', properties: { p: { $ref: '#/$defs/Point' } } },
};
const contract = {
  document: { components: { schemas: components }, $defs: { Point: { type: 'object', properties: { x: { type: 'number' } } } } },
  schemas: Object.entries(components).map(([name, schema]) => ({ name, schema })),
} as unknown as OpenApiContract;

describe('naming by component', () => {
  const scope = createNameScope();
  const types = createComponentTypes(contract, scope, scope);

  it('declares every component in order, request-side twins and enum value lists', () => {
    expect(types.names()).toEqual(['Order', 'OrderWritable', 'Item', 'Status', 'Loop', 'Inline']);
    expect(types.declarations()).toBe(
      [
        '/** An order. */\nexport type Order = {\n  id: string;\n  items?: Item[];\n};\n',
        '/** An order. */\nexport type OrderWritable = {\n  items?: Item[];\n};\n\n',
        'export type Item = {\n  sku?: string;\n  next?: Item;\n};\n\n',
        "export type Status = 'open' | 'closed';\n/** Every value of {@link Status}, for runtime checks and pickers. */\nexport const StatusValues = ['open', 'closed'] as const;\n\n",
        // a circular alias would not compile: the self-reference in alias position is unknown
        'export type Loop = unknown;\n\n',
        'export type Inline = {\n  p?: {\n    x?: number;\n  };\n};\n\n',
      ].join(''),
    );
  });

  it('typeOf prints refs through refName (imports) and by direction', () => {
    const ref = (n: string) => `T.${n}`;
    expect(types.typeOf({ $ref: '#/components/schemas/Order' }, 'write', ref)).toBe('T.OrderWritable');
    expect(types.typeOf({ type: 'array', items: { $ref: '#/components/schemas/Order' } }, 'read', ref)).toBe('T.Order[]');
    expect(types.typeOf({ $ref: '#/nowhere' }, 'read', ref)).toBe('unknown');
    expect(types.deref({ $ref: '#/components/schemas/Status' })).toEqual(components.Status);
  });
});
