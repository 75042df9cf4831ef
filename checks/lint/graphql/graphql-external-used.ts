/**
 * `graphql-external-used`: a field marked `@external` is there for a reason:
 * a `@key`, `@requires` or `@provides` of the same subgraph selects it. An
 * unused `@external` field is a leftover that misleads readers about which
 * subgraph resolves what. Federation 2 composition rejects unused externals
 * itself (`EXTERNAL_UNUSED`, reported by `graphql-subgraphs-compose`), so the
 * rule looks at federation 1 subgraphs, which composition lets pass.
 */
import type { FieldSelection, GraphQLContract } from '../../../contracts/model/types.js';
import { namedTypeOf } from '../../../contracts/model/graphql.js';
import type { ModelRule } from '../rule.js';
import { at, subgraphLabel, subgraphs } from './support/graphql-model.js';

/** `Type.field` coordinates a subgraph's keys, `@requires` and `@provides` select (nested selections followed through field types). */
export function selectedCoordinates(c: GraphQLContract): Set<string> {
  const used = new Set<string>();
  const walk = (typeName: string, selection: readonly FieldSelection[]) => {
    const type = c.types.find((t) => t.name === typeName);
    for (const s of selection) {
      used.add(`${typeName}.${s.name}`);
      const f = type?.fields.find((x) => x.name === s.name);
      if (f && s.selections.length > 0) walk(namedTypeOf(f.type), s.selections);
    }
  };
  for (const e of c.entities) for (const k of e.keys) walk(e.type, k.selection);
  for (const t of c.types) {
    for (const f of t.fields) {
      if (f.federation.requiresSelection) walk(t.name, f.federation.requiresSelection);
      if (f.federation.providesSelection) walk(namedTypeOf(f.type), f.federation.providesSelection);
    }
  }
  return used;
}

/** The rule definition. */
export const graphqlExternalUsed: ModelRule = {
  id: 'graphql-external-used',
  kind: 'graphql',
  engine: 'model',
  description: 'Every `@external` field of a federation 1 subgraph is selected by a `@key`, `@requires` or `@provides` of it (federation 2 composition checks this itself).',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  check(model, ctx) {
    for (const c of subgraphs(model)) {
      if (c.federation !== '1') continue;
      const used = selectedCoordinates(c);
      for (const t of c.types) {
        for (const f of t.fields) {
          if (!f.federation.external || used.has(`${t.name}.${f.name}`)) continue;
          ctx.report({
            ...at(f.location),
            message: `Field \`${t.name}.${f.name}\` in ${subgraphLabel(c)} is \`@external\` but no \`@key\`, \`@requires\` or \`@provides\` of the subgraph selects it.`,
            hint: `Remove it, or select it where this subgraph needs it (\`@requires(fields: "${f.name}")\` on the field computed from it).`,
          });
        }
      }
    }
  },
};
