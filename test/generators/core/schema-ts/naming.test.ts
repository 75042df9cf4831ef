import { describe, expect, it } from 'vitest';
import { createNameScope } from '../../../../generators/core/names.js';
import { typeName, valuesName, writableName, writableNameOf } from '../../../../generators/core/schema-ts/naming.js';

describe('naming strategy', () => {
  it('PascalCase names, unique in the scope (case folded), with Writable and Values twins', () => {
    const scope = createNameScope(['Client']);
    expect(typeName(scope, 'order-item')).toBe('OrderItem');
    expect(typeName(scope, 'OrderItem')).toBe('OrderItem2');
    expect(typeName(scope, 'client')).toBe('Client2');
    expect(typeName(scope, 'string')).toBe('String');
    expect(writableName(scope, 'OrderItem')).toBe('OrderItemWritable');
    expect(writableNameOf(scope, 'order_item')).toBe('OrderItemWritable2');
    expect(valuesName(scope, 'Status')).toBe('StatusValues');
  });
});
