/**
 * `graphql-field-name-case`: field and argument names are camelCase
 * (`totalAmount`, `customerId`), the convention clients and code generators
 * expect (a field becomes a property of the generated type).
 */
import type { ModelRule } from '../rule.js';
import { apiTypes, at, coordinate, nameWords, subgraphLabel, subgraphs } from './support/graphql-model.js';

const CAMEL = /^_?[a-z][A-Za-z0-9]*$/;

/** `total_amount` → `totalAmount`. */
export function toCamelCase(name: string): string {
  const words = nameWords(name);
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

/** The rule definition. */
export const graphqlFieldNameCase: ModelRule = {
  id: 'graphql-field-name-case',
  kind: 'graphql',
  engine: 'model',
  description: 'Field and argument names are camelCase.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  check(model, ctx) {
    for (const c of subgraphs(model)) {
      for (const t of apiTypes(c)) {
        for (const f of t.fields) {
          // a field this subgraph only declares as @external is named by the subgraph that owns it
          if (f.federation.external) continue;
          if (!CAMEL.test(f.name)) {
            ctx.report({ ...at(f.location), message: `Field \`${coordinate(f)}\` in ${subgraphLabel(c)} is not camelCase.`, hint: `Rename it \`${toCamelCase(f.name)}\`; to rename a field clients already use, add the new one and deprecate the old.` });
          }
          for (const a of f.args) {
            if (CAMEL.test(a.name)) continue;
            ctx.report({ ...at(a.location), message: `Argument \`${a.name}\` of \`${coordinate(f)}\` in ${subgraphLabel(c)} is not camelCase.`, hint: `Rename it \`${toCamelCase(a.name)}\`.` });
          }
        }
      }
    }
  },
};
