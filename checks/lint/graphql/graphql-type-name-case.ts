/**
 * `graphql-type-name-case`: type names are PascalCase (`OrderLine`,
 * `CustomerTier`), as the GraphQL spec's examples and every major schema
 * write them; generated TypeScript types take the same names.
 */
import type { ModelRule } from '../rule.js';
import { apiTypes, at, subgraphLabel, subgraphs } from './support/graphql-model.js';

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;

/** `order_line` → `OrderLine`. */
export function toPascalCase(name: string): string {
  return name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + (w === w.toUpperCase() ? w.slice(1).toLowerCase() : w.slice(1)))
    .join('');
}

/** The rule definition. */
export const graphqlTypeNameCase: ModelRule = {
  id: 'graphql-type-name-case',
  kind: 'graphql',
  engine: 'model',
  description: 'Type names (objects, interfaces, unions, enums, inputs, scalars) are PascalCase.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  check(model, ctx) {
    for (const c of subgraphs(model)) {
      for (const t of apiTypes(c)) {
        if (PASCAL.test(t.name)) continue;
        ctx.report({
          ...at(t.location),
          message: `Type \`${t.name}\` in ${subgraphLabel(c)} is not PascalCase.`,
          hint: `Rename it \`${toPascalCase(t.name)}\` (a rename is a breaking change once clients use it: add the new type first).`,
        });
      }
    }
  },
};
