/**
 * `graphql-entity-key-resolvable`: an entity can be fetched by the gateway.
 * Each `@key` selects fields the type has, and some subgraph of the run
 * declares a resolvable key for it (subgraphs that only refer to the entity
 * write `resolvable: false`); otherwise no query plan can reach the entity's
 * fields from another subgraph.
 */
import type { GraphQLContract, GraphQLEntity } from '../../../contracts/model/types.js';
import type { ModelRule } from '../rule.js';
import { at, subgraphLabel, subgraphs } from './support/graphql-model.js';

/** The rule definition. */
export const graphqlEntityKeyResolvable: ModelRule = {
  id: 'graphql-entity-key-resolvable',
  kind: 'graphql',
  engine: 'model',
  description: 'Every `@key` selects fields of its type, and each entity has a resolvable `@key` in some subgraph of the run.',
  defaultSeverity: 'error',
  presets: ['minimal', 'recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      allow: { type: 'array', items: { type: 'string' }, description: 'Entities resolved by a subgraph outside the linted ones.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { allow: [] },
  check(model, ctx) {
    const allow = new Set(ctx.options.allow as string[]);
    const owners = new Map<string, { contract: GraphQLContract; entity: GraphQLEntity }[]>();
    for (const c of subgraphs(model)) {
      for (const e of c.entities) {
        (owners.get(e.type) ?? owners.set(e.type, []).get(e.type)!).push({ contract: c, entity: e });
        const type = c.types.find((t) => t.name === e.type);
        for (const key of e.keys) {
          const missing = key.fieldNames.length === 0 ? undefined : key.fieldNames.filter((n) => !type?.fields.some((f) => f.name === n));
          if (missing !== undefined && missing.length === 0) continue;
          ctx.report({
            ...at(key.location),
            message:
              missing === undefined
                ? `\`@key(fields: "${key.fields}")\` on \`${e.type}\` in ${subgraphLabel(c)} is not a valid field selection.`
                : `\`@key(fields: "${key.fields}")\` on \`${e.type}\` in ${subgraphLabel(c)} selects ${missing.map((m) => `\`${m}\``).join(', ')}, which \`${e.type}\` does not have.`,
            hint: 'A key selects fields of the type itself (`"id"`, `"sku variation { id }"`); add the field, or fix the selection.',
          });
        }
      }
    }
    for (const [type, uses] of owners) {
      if (allow.has(type) || uses.some((u) => !u.entity.referenceOnly)) continue;
      const first = uses[0]!;
      ctx.report({
        ...at(first.entity.keys[0]!.location),
        message: `Entity \`${type}\` has no resolvable \`@key\` in any subgraph of this run (${uses.map((u) => subgraphLabel(u.contract)).join(', ')} only refer to it with \`resolvable: false\`).`,
        hint: `Lint the subgraph that owns \`${type}\` too (list it under \`contracts\` in contractkit.yaml), or give one subgraph a resolvable key; if it is resolved outside this repository, add it to the rule's \`allow\` option.`,
      });
    }
  },
};
