/**
 * `graphql-entity-key-resolvable`: an entity can be fetched by the gateway:
 * some subgraph of the run declares a resolvable key for it (subgraphs that
 * only refer to the entity write `resolvable: false`); otherwise no query plan
 * can reach the entity's fields from another subgraph. A key that selects
 * fields the type lacks is a composition error (`KEY_INVALID_FIELDS`), which
 * `graphql-subgraphs-compose` reports.
 */
import type { GraphQLContract, GraphQLEntity } from '../../../contracts/model/types.js';
import type { ModelRule } from '../rule.js';
import { at, subgraphLabel, subgraphs } from './support/graphql-model.js';

/** The rule definition. */
export const graphqlEntityKeyResolvable: ModelRule = {
  id: 'graphql-entity-key-resolvable',
  kind: 'graphql',
  engine: 'model',
  description: 'Each entity has a resolvable `@key` in some subgraph of the run.',
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
