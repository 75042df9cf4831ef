/**
 * `graphql-connection-shape`: a connection follows the Relay cursor
 * connection spec, forward pagination: the field takes `first` and `after`,
 * the connection type has `edges { cursor node }` and `pageInfo: PageInfo!`,
 * and `PageInfo` has `hasNextPage: Boolean!` and `endCursor: String` — the
 * GraphQL form of the REST rules' `cursor`/`limit` → `nextCursor`/`hasMore`.
 */
import type { GraphQLContract, GraphQLField, GraphQLNamedType } from '../../../contracts/model/types.js';
import { namedTypeOf } from '../../../contracts/model/graphql.js';
import type { ModelRule } from '../rule.js';
import { at, coordinate, subgraphLabel, subgraphs } from './support/graphql-model.js';

/** True when `t` is a connection type: named `…Connection`, or shaped like one (`edges` and `pageInfo`). */
export function isConnectionType(t: GraphQLNamedType): boolean {
  if (t.kind !== 'object' && t.kind !== 'interface') return false;
  return t.name.endsWith('Connection') || (t.fields.some((f) => f.name === 'edges') && t.fields.some((f) => f.name === 'pageInfo'));
}

function typeIn(c: GraphQLContract, name: string): GraphQLNamedType | undefined {
  return c.types.find((t) => t.name === name);
}

/** What is wrong with a connection type, as sentences. */
function connectionProblems(c: GraphQLContract, conn: GraphQLNamedType): string[] {
  const problems: string[] = [];
  const edges = conn.fields.find((f) => f.name === 'edges');
  if (!edges || edges.type.kind !== 'list') problems.push('it has no `edges` list');
  else {
    const edge = typeIn(c, namedTypeOf(edges.type));
    if (edge && !edge.fields.some((f) => f.name === 'cursor')) problems.push(`its edge type \`${edge.name}\` has no \`cursor\``);
    if (edge && !edge.fields.some((f) => f.name === 'node')) problems.push(`its edge type \`${edge.name}\` has no \`node\``);
  }
  const pageInfo = conn.fields.find((f) => f.name === 'pageInfo');
  if (!pageInfo) problems.push('it has no `pageInfo`');
  else {
    if (pageInfo.type.kind !== 'named' || !pageInfo.type.nonNull) problems.push('`pageInfo` is not a non-null `PageInfo!`');
    const info = typeIn(c, namedTypeOf(pageInfo.type));
    const has = (name: string, text: string) => info?.fields.find((f) => f.name === name)?.typeText === text;
    if (info && !has('hasNextPage', 'Boolean!')) problems.push(`\`${info.name}\` has no \`hasNextPage: Boolean!\``);
    if (info && !has('endCursor', 'String') && !has('endCursor', 'String!')) problems.push(`\`${info.name}\` has no \`endCursor: String\``);
  }
  return problems;
}

function missingArgs(f: GraphQLField): string[] {
  const missing: string[] = [];
  const first = f.args.find((a) => a.name === 'first');
  const after = f.args.find((a) => a.name === 'after');
  if (!first || namedTypeOf(first.type) !== 'Int') missing.push('`first: Int`');
  if (!after || namedTypeOf(after.type) !== 'String') missing.push('`after: String`');
  return missing;
}

/** The rule definition. */
export const graphqlConnectionShape: ModelRule = {
  id: 'graphql-connection-shape',
  kind: 'graphql',
  engine: 'model',
  description: 'Connections are Relay cursor connections: `first`/`after` arguments, `edges { cursor node }`, `pageInfo { hasNextPage endCursor }`.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  check(model, ctx) {
    for (const c of subgraphs(model)) {
      const connections = c.types.filter(isConnectionType);
      for (const conn of connections) {
        const problems = connectionProblems(c, conn);
        if (problems.length === 0) continue;
        ctx.report({
          ...at(conn.location),
          message: `Connection type \`${conn.name}\` in ${subgraphLabel(c)} is not a Relay cursor connection: ${problems.join('; ')}.`,
          hint: 'Shape it as a Relay connection: `edges: [XEdge!]!` (each `{ cursor: String! node: X! }`) and `pageInfo: PageInfo!` with `hasNextPage: Boolean!` and `endCursor: String`.',
        });
      }
      const names = new Set(connections.map((t) => t.name));
      for (const t of c.types) {
        for (const f of t.fields) {
          if (f.federation.external || !names.has(namedTypeOf(f.type)) || t.kind === 'input') continue;
          const missing = missingArgs(f);
          if (missing.length === 0) continue;
          ctx.report({
            ...at(f.location),
            message: `Field \`${coordinate(f)}\` in ${subgraphLabel(c)} returns the connection \`${namedTypeOf(f.type)}\` but does not take ${missing.join(' and ')}.`,
            hint: 'Take `first: Int` (page size) and `after: String` (the `endCursor` of the page before) so clients can page forward.',
          });
        }
      }
    }
  },
};
