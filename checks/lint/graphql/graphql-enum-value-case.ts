/**
 * `graphql-enum-value-case`: enum values are UPPER_SNAKE_CASE (`PENDING`,
 * `OUT_OF_STOCK`), as the GraphQL spec writes them, so they read as constants
 * in queries and generated code.
 */
import type { ModelRule } from '../rule.js';
import { apiTypes, at, nameWords, subgraphLabel, subgraphs } from './support/graphql-model.js';

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** The rule definition. */
export const graphqlEnumValueCase: ModelRule = {
  id: 'graphql-enum-value-case',
  kind: 'graphql',
  engine: 'model',
  description: 'Enum values are UPPER_SNAKE_CASE.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  check(model, ctx) {
    for (const c of subgraphs(model)) {
      for (const t of apiTypes(c)) {
        for (const v of t.values) {
          if (UPPER_SNAKE.test(v.name)) continue;
          const fixed = nameWords(v.name).join('_').toUpperCase();
          ctx.report({ ...at(v.location), message: `Value \`${v.name}\` of enum \`${t.name}\` in ${subgraphLabel(c)} is not UPPER_SNAKE_CASE.`, hint: `Rename it \`${fixed}\`; clients that send or compare the old value break, so add the new value first and deprecate the old.` });
        }
      }
    }
  },
};
