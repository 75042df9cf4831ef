import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlEnumValueCase } from './graphql-enum-value-case.js';
import { sdlModel } from './support/testing.js';

describe('graphql-enum-value-case', () => {
  it('reports enum values that are not UPPER_SNAKE_CASE, with the fixed spelling', () => {
    const model = sdlModel({ shop: 'type Query { s: Status }\nenum Status {\n  PENDING\n  outOfStock\n  Shipped\n  ON_HOLD_2\n}\n' });
    const findings = runModelRule(graphqlEnumValueCase, model);
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [4, 3, 'Value `outOfStock` of enum `Status` in subgraph `shop` is not UPPER_SNAKE_CASE.'],
      [5, 3, 'Value `Shipped` of enum `Status` in subgraph `shop` is not UPPER_SNAKE_CASE.'],
    ]);
    expect(findings[0]!.hint).toContain('`OUT_OF_STOCK`');
  });
});
