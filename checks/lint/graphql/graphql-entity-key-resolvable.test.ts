import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlEntityKeyResolvable } from './graphql-entity-key-resolvable.js';
import { FED2, sdlModel, virtualFile } from './support/testing.js';

const owner = `${FED2}type Query { c(id: ID!): Customer }\ntype Customer @key(fields: "id") { id: ID! name: String }\n`;
const reference = `${FED2}type Query { o: Order }\ntype Order { customer: Customer }\ntype Customer @key(fields: "id", resolvable: false) { id: ID! }\n`;

describe('graphql-entity-key-resolvable', () => {
  it('passes an entity one subgraph resolves and another only refers to', () => {
    expect(runModelRule(graphqlEntityKeyResolvable, sdlModel({ customers: owner, orders: reference }))).toEqual([]);
  });

  it('reports an entity no subgraph of the run resolves, at its first key, unless allowed', () => {
    const findings = runModelRule(graphqlEntityKeyResolvable, sdlModel({ orders: reference }));
    expect(findings.map((f) => [f.severity, f.file, f.line, f.column, f.message])).toEqual([
      ['error', virtualFile('orders'), 4, 15, 'Entity `Customer` has no resolvable `@key` in any subgraph of this run (subgraph `orders` only refer to it with `resolvable: false`).'],
    ]);
    expect(runModelRule(graphqlEntityKeyResolvable, sdlModel({ orders: reference }), { options: { allow: ['Customer'] } })).toEqual([]);
  });
});
