import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlDescription } from './graphql-description.js';
import { FED2, sdlModel } from './support/testing.js';

const sdl = `${FED2}type Query {
  "The order."
  order: Order
  orders: [Order]
}
type Order { id: ID! }
"Lines."
type Line { id: ID! }
enum Status { A }
type Hidden @inaccessible { a: Int }
extend type Customer @key(fields: "id") { id: ID! @external }
type Product @key(fields: "sku", resolvable: false) { sku: String! }
`;

describe('graphql-description', () => {
  it('reports public types and root fields without a description; skips root types, extensions, entity references and @inaccessible types', () => {
    expect(runModelRule(graphqlDescription, sdlModel({ shop: sdl })).map((f) => [f.line, f.column, f.message])).toEqual([
      [7, 6, 'Type `Order` in subgraph `shop` has no description.'],
      [10, 6, 'Enum `Status` in subgraph `shop` has no description.'],
      [5, 3, 'Root query field `Query.orders` in subgraph `shop` has no description.'],
    ]);
  });

  it('leaves root fields alone with rootFields: false', () => {
    expect(runModelRule(graphqlDescription, sdlModel({ shop: sdl }), { options: { rootFields: false } }).map((f) => f.line)).toEqual([7, 10]);
  });
});
