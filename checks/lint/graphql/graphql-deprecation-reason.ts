/**
 * `graphql-deprecation-reason`: every `@deprecated` says why and what to use
 * instead. In GraphQL an element is removed only after it was deprecated
 * (`contractkit breaking` reports removing a field that was not deprecated as
 * an error, one that was as a warning), and the reason is what clients read in
 * their tooling while they move.
 */
import type { GraphQLDeprecation } from '../../../contracts/model/types.js';
import type { ModelRule } from '../rule.js';
import { at, subgraphLabel, subgraphs } from './support/graphql-model.js';

/** The rule definition. */
export const graphqlDeprecationReason: ModelRule = {
  id: 'graphql-deprecation-reason',
  kind: 'graphql',
  engine: 'model',
  description: '`@deprecated` has a `reason` that says what to use instead (removal comes only after deprecation).',
  defaultSeverity: 'error',
  presets: ['minimal', 'recommended', 'strict'],
  check(model, ctx) {
    for (const c of subgraphs(model)) {
      const check = (what: string, d: GraphQLDeprecation | undefined) => {
        if (!d || hasReason(d)) return;
        ctx.report({
          ...at(d.location),
          message: `${what} in ${subgraphLabel(c)} is deprecated without a reason.`,
          hint: 'Say what to use instead and until when: `@deprecated(reason: "Use `totalPrice`; removed after 2025-06-30.")`.',
        });
      };
      for (const t of c.types) {
        for (const f of t.fields) {
          check(`Field \`${t.name}.${f.name}\``, f.deprecated);
          for (const a of f.args) check(`Argument \`${a.name}\` of \`${t.name}.${f.name}\``, a.deprecated);
        }
        for (const v of t.values) check(`Enum value \`${t.name}.${v.name}\``, v.deprecated);
      }
    }
  },
};

/** A reason someone wrote (graphql-js's default "No longer supported" says nothing). */
function hasReason(d: GraphQLDeprecation): boolean {
  return d.reason !== undefined && d.reason.trim() !== '' && d.reason !== 'No longer supported';
}
