/**
 * `graphql-list-pagination`: a list that can grow without bound is a Relay
 * cursor connection, as the REST rules ask for cursor pagination of
 * collections. A list can grow when it is a root query field, or a list of
 * entities on an entity (`Customer.orders`); a list of value objects inside
 * one object (`Order.lines`) is bounded by that object and stays a list.
 */
import type { GraphQLContract, GraphQLField, GraphQLNamedType, GraphQLTypeRef } from '../../../contracts/model/types.js';
import type { ModelRule } from '../rule.js';
import { at, coordinate, entityTypeNames, rootType, subgraphLabel, subgraphs } from './support/graphql-model.js';

/** The item type of a list reference (`Order` for `[Order!]!`), or undefined when `ref` is not a list. */
export function listItemType(ref: GraphQLTypeRef): string | undefined {
  if (ref.kind === 'named') return undefined;
  let inner: GraphQLTypeRef = ref.ofType;
  while (inner.kind === 'list') inner = inner.ofType;
  return inner.name;
}

const COMPOSITE: ReadonlySet<GraphQLNamedType['kind']> = new Set(['object', 'interface', 'union']);

function growingLists(c: GraphQLContract, entities: Set<string>): { field: GraphQLField; item: string }[] {
  const out: { field: GraphQLField; item: string }[] = [];
  const query = rootType(c, 'query')?.name;
  for (const t of c.types) {
    if (t.kind !== 'object' && t.kind !== 'interface') continue;
    const onQuery = t.name === query;
    if (!onQuery && !entities.has(t.name)) continue;
    for (const f of t.fields) {
      if (f.federation.external) continue;
      const item = listItemType(f.type);
      if (!item) continue;
      const itemType = c.types.find((x) => x.name === item);
      const composite = itemType ? COMPOSITE.has(itemType.kind) : entities.has(item);
      if (!composite) continue;
      if (onQuery || entities.has(item)) out.push({ field: f, item });
    }
  }
  return out;
}

/** The rule definition. */
export const graphqlListPagination: ModelRule = {
  id: 'graphql-list-pagination',
  kind: 'graphql',
  engine: 'model',
  description: 'Lists that can grow (root query lists, lists of entities on an entity) are Relay cursor connections, not plain lists.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      allow: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_]\\w*\\.[A-Za-z_]\\w*$' }, description: 'Fields (`Type.field`) known to stay small, left as lists.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { allow: [] },
  check(model, ctx) {
    const allow = new Set(ctx.options.allow as string[]);
    const entities = entityTypeNames(model);
    for (const c of subgraphs(model)) {
      for (const { field, item } of growingLists(c, entities)) {
        if (allow.has(coordinate(field))) continue;
        const why = entities.has(item) && field.parent !== c.rootTypes.query ? `a list of the entity \`${item}\`` : `a root list of \`${item}\``;
        ctx.report({
          ...at(field.location),
          message: `Field \`${coordinate(field)}\` in ${subgraphLabel(c)} returns ${why}, which can grow without bound, as a plain list.`,
          hint: `Make it a cursor connection: \`${field.name}(first: Int, after: String): ${item}Connection!\` with \`edges { cursor node }\` and \`pageInfo { hasNextPage endCursor }\`; if it stays small, add \`${coordinate(field)}\` to the rule's \`allow\` option.`,
        });
      }
    }
  },
};
