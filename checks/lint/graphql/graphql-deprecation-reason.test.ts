import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlDeprecationReason } from './graphql-deprecation-reason.js';
import { sdlModel } from './support/testing.js';

describe('graphql-deprecation-reason', () => {
  it('reports @deprecated without a reason, with an empty one or with the default, at the directive', () => {
    const sdl = [
      'type Query {',
      '  old: Int @deprecated',
      '  older(a: Int @deprecated(reason: "")): Int',
      '  oldest: Int @deprecated(reason: "No longer supported")',
      '  fine: Int @deprecated(reason: "Use `new`.")',
      '  new: Int',
      '  s: Status',
      '}',
      'enum Status { OPEN CLOSED @deprecated }',
      '',
    ].join('\n');
    expect(runModelRule(graphqlDeprecationReason, sdlModel({ shop: sdl })).map((f) => [f.severity, f.line, f.column, f.message])).toEqual([
      ['error', 2, 12, 'Field `Query.old` in subgraph `shop` is deprecated without a reason.'],
      ['error', 3, 16, 'Argument `a` of `Query.older` in subgraph `shop` is deprecated without a reason.'],
      ['error', 4, 15, 'Field `Query.oldest` in subgraph `shop` is deprecated without a reason.'],
      ['error', 9, 27, 'Enum value `Status.CLOSED` in subgraph `shop` is deprecated without a reason.'],
    ]);
  });
});
