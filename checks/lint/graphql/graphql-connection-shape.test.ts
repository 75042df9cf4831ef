import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlConnectionShape } from './graphql-connection-shape.js';
import { sdlModel } from './support/testing.js';

const good = 'type Query { customers(first: Int = 20, after: String): CustomerConnection! }\ntype CustomerConnection { edges: [CustomerEdge!]! pageInfo: PageInfo! }\ntype CustomerEdge { cursor: String! node: Customer! }\ntype Customer { id: ID! }\ntype PageInfo { hasNextPage: Boolean! endCursor: String }\n';

describe('graphql-connection-shape', () => {
  it('passes a Relay cursor connection', () => {
    expect(runModelRule(graphqlConnectionShape, sdlModel({ shop: good }))).toEqual([]);
  });

  it('reports offset arguments on the field and a connection without cursor or pageInfo fields', () => {
    const sdl = [
      'type Query { customers(offset: Int, limit: Int): CustomerConnection! }',
      'type CustomerConnection { edges: [CustomerEdge!]! pageInfo: PageInfo }',
      'type CustomerEdge { node: Customer! }',
      'type Customer { id: ID! }',
      'type PageInfo { hasMore: Boolean! endCursor: String }',
      '',
    ].join('\n');
    expect(runModelRule(graphqlConnectionShape, sdlModel({ shop: sdl })).map((f) => [f.line, f.message])).toEqual([
      [2, 'Connection type `CustomerConnection` in subgraph `shop` is not a Relay cursor connection: its edge type `CustomerEdge` has no `cursor`; `pageInfo` is not a non-null `PageInfo!`; `PageInfo` has no `hasNextPage: Boolean!`.'],
      [1, 'Field `Query.customers` in subgraph `shop` returns the connection `CustomerConnection` but does not take `first: Int` and `after: String`.'],
    ]);
  });

  it('takes a type shaped like a connection as one, whatever its name', () => {
    const sdl = 'type Query { page: CustomerPage }\ntype CustomerPage { edges: [Customer] pageInfo: PageInfo! }\ntype Customer { id: ID! }\ntype PageInfo { hasNextPage: Boolean! endCursor: String }\n';
    expect(runModelRule(graphqlConnectionShape, sdlModel({ shop: sdl })).map((f) => f.message)).toEqual([
      'Connection type `CustomerPage` in subgraph `shop` is not a Relay cursor connection: its edge type `Customer` has no `cursor`; its edge type `Customer` has no `node`.',
      'Field `Query.page` in subgraph `shop` returns the connection `CustomerPage` but does not take `first: Int` and `after: String`.',
    ]);
  });
});
