/**
 * Helpers the GraphQL rules share: where an element is (as a finding's
 * position), the root operation fields, and which types are entities across
 * every subgraph of the run.
 */
import type { ContractModel, GraphQLContract, GraphQLField, GraphQLNamedType, SourceRef } from '../../../../contracts/model/types.js';
import { contractsOfKind } from '../../../../contracts/model/types.js';

/** The position part of a finding for a model element. */
export function at(ref: SourceRef): { file: string; line?: number; column?: number } {
  return { file: ref.file, ...(ref.line !== undefined ? { line: ref.line } : {}), ...(ref.column !== undefined ? { column: ref.column } : {}) };
}

/** Every GraphQL contract of the run. */
export function subgraphs(model: ContractModel): GraphQLContract[] {
  return contractsOfKind(model, 'graphql');
}

/** `subgraph \`orders\`` for messages. */
export function subgraphLabel(c: GraphQLContract): string {
  return `subgraph \`${c.subgraph}\``;
}

/** The named type of a root operation (`query`, `mutation`), if the subgraph has it. */
export function rootType(c: GraphQLContract, op: 'query' | 'mutation' | 'subscription'): GraphQLNamedType | undefined {
  const name = c.rootTypes[op];
  return name ? c.types.find((t) => t.name === name) : undefined;
}

/** True when `type` is a root operation type of `c`. */
export function isRootType(c: GraphQLContract, type: string): boolean {
  return Object.values(c.rootTypes).includes(type);
}

/** Names of the entity types (a `@key` in any subgraph of the run). */
export function entityTypeNames(model: ContractModel): Set<string> {
  return new Set(subgraphs(model).flatMap((c) => c.entities.map((e) => e.type)));
}

/** Types a rule about the subgraph's own API looks at: not machinery, not `@inaccessible`. */
export function apiTypes(c: GraphQLContract): GraphQLNamedType[] {
  return c.types.filter((t) => !t.inaccessible);
}

/** `Type.field` for messages. */
export function coordinate(f: Pick<GraphQLField, 'parent' | 'name'>): string {
  return `${f.parent}.${f.name}`;
}

/** Splits `getCustomerOrders`, `CUSTOMER_TIER`, `customer_tier` into lower-case words (the path rule's splitter). */
export { segmentWords as nameWords } from '../../openapi/path-no-verbs.js';
