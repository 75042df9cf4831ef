import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlExternalUsed } from './graphql-external-used.js';
import { FED2, sdlModel } from './support/testing.js';

const v1 = (sdl: string) => sdl.replace(FED2, '');

describe('graphql-external-used', () => {
  it('passes @external fields selected by @requires (nested too), @provides and @key', () => {
    const sdl = `${FED2}type Query { review: Review }
type Review { product: Product @provides(fields: "name") }
type Product @key(fields: "upc") {
  upc: String! @external
  name: String @external
  size: Size @external
  shippingCost: Int @requires(fields: "size { weight }")
}
type Size @shareable { weight: Int @external }
`;
    expect(runModelRule(graphqlExternalUsed, sdlModel({ reviews: v1(sdl) }))).toEqual([]);
  });

  it('reports an @external field nothing selects, at the field', () => {
    const sdl = 'type Query { p: Product }\nextend type Product @key(fields: "upc") {\n  upc: String! @external\n  weight: Int @external\n}\n';
    expect(runModelRule(graphqlExternalUsed, sdlModel({ shipping: sdl })).map((f) => [f.line, f.column, f.message])).toEqual([
      [4, 3, 'Field `Product.weight` in subgraph `shipping` is `@external` but no `@key`, `@requires` or `@provides` of the subgraph selects it.'],
    ]);
  });

  it('leaves federation 2 subgraphs to composition (EXTERNAL_UNUSED)', () => {
    const sdl = `${FED2}type Query { p: Product }\ntype Product @key(fields: "upc") {\n  upc: String!\n  weight: Int @external\n}\n`;
    expect(runModelRule(graphqlExternalUsed, sdlModel({ shipping: sdl }))).toEqual([]);
  });
});
