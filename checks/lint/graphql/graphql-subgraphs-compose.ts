/**
 * `graphql-subgraphs-compose`: the subgraphs of the run compose into one
 * supergraph. Composition (with `@theguild/federation-composition`) is what
 * the gateway does at deploy time; running it on every lint finds a field two
 * subgraphs resolve without `@shareable`, a key selecting a missing field or
 * types that disagree across subgraphs before the gateway refuses them. With
 * one subgraph, it validates that subgraph on its own.
 */
import { composeSubgraphs } from '../../../contracts/graphql/compose.js';
import type { ModelRule } from '../rule.js';
import { subgraphLabel, subgraphs } from './support/graphql-model.js';

/** The rule definition. */
export const graphqlSubgraphsCompose: ModelRule = {
  id: 'graphql-subgraphs-compose',
  kind: 'graphql',
  engine: 'model',
  description: 'The GraphQL subgraphs of the run compose into a supergraph (federation composition reports no error).',
  defaultSeverity: 'error',
  presets: ['minimal', 'recommended', 'strict'],
  check(model, ctx) {
    const all = subgraphs(model);
    if (all.length === 0) return;
    const seen = new Map<string, (typeof all)[number]>();
    for (const c of all) {
      const other = seen.get(c.subgraph);
      if (!other) {
        seen.set(c.subgraph, c);
        continue;
      }
      ctx.report({
        file: c.files[0] ?? c.file,
        line: 1,
        column: 1,
        message: `Contracts \`${other.name}\` and \`${c.name}\` are both ${subgraphLabel(c)}; composition needs one name per subgraph.`,
        hint: 'Give each `graphql:` contract its own `subgraph:` name in contractkit.yaml.',
      });
    }
    if (seen.size !== all.length) return;
    for (const e of composeSubgraphs(all).errors) {
      ctx.report({
        file: e.location.file,
        line: e.location.line,
        column: e.location.column,
        message: `Composition error ${e.code}: ${e.message}`,
        hint: hintFor(e.code),
      });
    }
  },
};

/** Fixes for the composition errors met most. */
function hintFor(code: string): string {
  switch (code) {
    case 'INVALID_FIELD_SHARING':
      return 'Mark the field `@shareable` in every subgraph that resolves it, or resolve it in one subgraph only (use `@override(from:)` to move it).';
    case 'FIELD_TYPE_MISMATCH':
    case 'EXTERNAL_TYPE_MISMATCH':
      return 'Give the field the same type in every subgraph (nullability may differ only where federation allows it).';
    case 'KEY_INVALID_FIELDS':
    case 'KEY_FIELDS_SELECT_INVALID_TYPE':
      return 'Select fields the entity has in this subgraph (declare them `@external` if another subgraph resolves them).';
    case 'EXTERNAL_MISSING_ON_BASE':
      return 'Some subgraph must resolve the field (define it without `@external` there).';
    case 'INVALID_GRAPHQL':
      return 'Fix the SDL at this position.';
    default:
      return `See the federation composition error \`${code}\` in the federation docs; run \`contractkit lint\` on all subgraphs together.`;
  }
}
