import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlSubgraphsCompose } from './graphql-subgraphs-compose.js';
import { FED2, sdlModel, virtualFile } from './support/testing.js';

const customers = `${FED2}type Query { customer(id: ID!): Customer }\ntype Customer @key(fields: "id") {\n  id: ID!\n  email: String\n}\n`;

describe('graphql-subgraphs-compose', () => {
  it('passes subgraphs that compose', () => {
    const orders = `${FED2}type Customer @key(fields: "id") { id: ID! orders: [Order!]! }\ntype Order { id: ID! }\n`;
    expect(runModelRule(graphqlSubgraphsCompose, sdlModel({ customers, orders }))).toEqual([]);
  });

  it('reports errors the library locates at their node, in the subgraph file', () => {
    const orders = `${FED2}type Customer @key(fields: "uuid") { id: ID! orders: [Order!]! }\ntype Order { id: ID! }\n`;
    const findings = runModelRule(graphqlSubgraphsCompose, sdlModel({ customers, orders }));
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column])).toEqual([['graphql-subgraphs-compose', 'error', virtualFile('orders'), 2, 15]]);
    expect(findings[0]!.message).toMatch(/^Composition error KEY_INVALID_FIELDS: \[orders\] On type "Customer", for @key\(fields: "uuid"\)/);
  });

  it('places errors without a node at the element their message names, in the first subgraph named', () => {
    const orders = `${FED2}type Customer @key(fields: "id") {\n  id: ID!\n  email: Int\n}\n`;
    const findings = runModelRule(graphqlSubgraphsCompose, sdlModel({ customers, orders }));
    expect(findings.map((f) => [f.message.split(':')[0], f.file, f.line, f.column])).toEqual([
      ['Composition error FIELD_TYPE_MISMATCH', virtualFile('customers'), 5, 3],
      ['Composition error INVALID_FIELD_SHARING', virtualFile('customers'), 5, 3],
    ]);
    expect(findings[1]!.hint).toContain('@shareable');
  });

  it('validates a single subgraph', () => {
    const findings = runModelRule(graphqlSubgraphsCompose, sdlModel({ alone: `${FED2}type Query { p: P }\ntype P @key(fields: "nope") { id: ID! }\n` }));
    expect(findings.map((f) => [f.message.split(':')[0], f.line])).toEqual([['Composition error KEY_INVALID_FIELDS', 3]]);
  });

  it('reports two contracts with the same subgraph name instead of composing', () => {
    const model = sdlModel({ a: customers, b: customers });
    (model.contracts[1] as { subgraph: string }).subgraph = 'a';
    expect(runModelRule(graphqlSubgraphsCompose, model).map((f) => f.message)).toEqual(['Contracts `a` and `b` are both subgraph `a`; composition needs one name per subgraph.']);
  });
});
