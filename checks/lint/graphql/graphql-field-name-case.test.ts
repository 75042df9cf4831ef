import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlFieldNameCase, toCamelCase } from './graphql-field-name-case.js';
import { FED2, sdlModel } from './support/testing.js';

describe('graphql-field-name-case', () => {
  it('reports fields and arguments that are not camelCase, at their names', () => {
    const model = sdlModel({ shop: 'type Query {\n  order_by_id(order_id: ID!): Order\n  orders(first: Int): [Order]\n}\ntype Order { TotalAmount: Int id: ID! }\n' });
    expect(runModelRule(graphqlFieldNameCase, model).map((f) => [f.line, f.column, f.message])).toEqual([
      [5, 14, 'Field `Order.TotalAmount` in subgraph `shop` is not camelCase.'],
      [2, 3, 'Field `Query.order_by_id` in subgraph `shop` is not camelCase.'],
      [2, 15, 'Argument `order_id` of `Query.order_by_id` in subgraph `shop` is not camelCase.'],
    ]);
  });

  it('leaves @external fields (named by their owner) and input fields in camelCase alone', () => {
    const model = sdlModel({ shop: `${FED2}type Query { a: P }\ntype P @key(fields: "id") { id: ID! legacy_code: String @external b: Int @requires(fields: "legacy_code") }\ninput In { someField: Int }\n` });
    expect(runModelRule(graphqlFieldNameCase, model)).toEqual([]);
  });

  it('suggests camelCase spellings', () => {
    expect(toCamelCase('order_by_id')).toBe('orderById');
    expect(toCamelCase('TotalAmount')).toBe('totalAmount');
  });
});
