import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlListPagination } from './graphql-list-pagination.js';
import { FED2, sdlModel, virtualFile } from './support/testing.js';

const customers = `${FED2}type Query {\n  customers: [Customer!]!\n  tags: [String!]!\n}\ntype Customer @key(fields: "id") { id: ID! }\n`;
const orders = `${FED2}type Query { order(id: ID!): Order }
type Customer @key(fields: "id") {
  id: ID!
  orders: [Order!]!
}
type Order @key(fields: "id") {
  id: ID!
  lines: [OrderLine!]!
}
type OrderLine { sku: String! }
`;

describe('graphql-list-pagination', () => {
  it('reports root lists and lists of entities on entities, across subgraphs', () => {
    const findings = runModelRule(graphqlListPagination, sdlModel({ customers, orders }));
    expect(findings.map((f) => [f.file, f.line, f.message])).toEqual([
      [virtualFile('customers'), 3, 'Field `Query.customers` in subgraph `customers` returns a root list of `Customer`, which can grow without bound, as a plain list.'],
      [virtualFile('orders'), 5, 'Field `Customer.orders` in subgraph `orders` returns a list of the entity `Order`, which can grow without bound, as a plain list.'],
    ]);
    expect(findings[1]!.hint).toContain('orders(first: Int, after: String): OrderConnection!');
  });

  it('leaves lists of scalars and of value objects inside an entity alone, and honours allow', () => {
    const findings = runModelRule(graphqlListPagination, sdlModel({ customers, orders }), { options: { allow: ['Query.customers', 'Customer.orders'] } });
    expect(findings).toEqual([]);
  });

  it('passes connections', () => {
    const sdl = 'type Query { customers(first: Int, after: String): CustomerConnection! }\ntype CustomerConnection { edges: [CustomerEdge!]! pageInfo: PageInfo! }\ntype CustomerEdge { cursor: String! node: Customer! }\ntype Customer { id: ID! }\ntype PageInfo { hasNextPage: Boolean! endCursor: String }\n';
    expect(runModelRule(graphqlListPagination, sdlModel({ shop: sdl }))).toEqual([]);
  });
});
