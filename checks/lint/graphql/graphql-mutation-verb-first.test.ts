import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlMutationVerbFirst } from './graphql-mutation-verb-first.js';
import { sdlModel } from './support/testing.js';

const sdl = 'type Query { a: Int }\ntype Mutation {\n  placeOrder: Int\n  orderCancel: Int\n  checkoutCart: Int\n  frobnicateWidget: Int\n}\n';

describe('graphql-mutation-verb-first', () => {
  it('reports mutations that do not start with a verb, suggesting the verb-first name', () => {
    const findings = runModelRule(graphqlMutationVerbFirst, sdlModel({ shop: sdl }));
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [4, 3, 'Mutation `Mutation.orderCancel` in subgraph `shop` does not start with a verb (`order`).'],
      [6, 3, 'Mutation `Mutation.frobnicateWidget` in subgraph `shop` does not start with a verb (`frobnicate`).'],
    ]);
    expect(findings[0]!.hint).toContain('`cancelOrder`');
  });

  it('takes more verbs and allowed names from its options; leaves queries alone', () => {
    expect(runModelRule(graphqlMutationVerbFirst, sdlModel({ shop: sdl }), { options: { verbs: ['Frobnicate'], allow: ['orderCancel'] } })).toEqual([]);
    expect(runModelRule(graphqlMutationVerbFirst, sdlModel({ shop: 'type Query { orderList: Int }' }))).toEqual([]);
  });

  it('finds the mutation type through the schema definition', () => {
    const findings = runModelRule(graphqlMutationVerbFirst, sdlModel({ shop: 'schema { query: Q mutation: M }\ntype Q { a: Int }\ntype M { orderDelete: Int }\n' }));
    expect(findings.map((f) => f.message)).toEqual(['Mutation `M.orderDelete` in subgraph `shop` does not start with a verb (`order`).']);
  });
});
