/**
 * The composed supergraph's changes: both sides' subgraphs composed with
 * `@theguild/federation-composition`, their public API schemas (what clients
 * query) diffed with graphql-inspector. What a subgraph diff already reported
 * is not repeated; what only the composition shows (a subgraph dropped from
 * the config, a field made `@inaccessible`, a type two subgraphs disagree on)
 * is reported here.
 */
import { buildASTSchema, parse } from 'graphql';
import { diff } from '@graphql-inspector/core';
import type { GraphQLContract } from '../../../contracts/model/types.js';
import { composeSubgraphs } from '../../../contracts/graphql/compose.js';
import { fromInspector, type GraphQLChange } from './changes.js';

/** Outcome of comparing the composed supergraphs. */
export type SupergraphComparison =
  | { compared: true; changes: GraphQLChange[] }
  | { compared: false; side: 'previous' | 'current'; errors: number };

/** Composes each side and diffs the public schemas. */
export async function supergraphChanges(previous: readonly GraphQLContract[], current: readonly GraphQLContract[]): Promise<SupergraphComparison> {
  const before = composeSubgraphs(previous);
  if (!before.publicSdl) return { compared: false, side: 'previous', errors: before.errors.length };
  const after = composeSubgraphs(current);
  if (!after.publicSdl) return { compared: false, side: 'current', errors: after.errors.length };
  const schema = (sdl: string) => buildASTSchema(parse(sdl), { assumeValidSDL: true });
  return { compared: true, changes: fromInspector(await diff(schema(before.publicSdl), schema(after.publicSdl))) };
}
