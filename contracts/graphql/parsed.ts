/**
 * What the GraphQL loader keeps beside each contract: its parsed SDL files and
 * the differ's schema. Composition and breaking checks read them from here; the
 * module imports graphql-js only as types, so the lint catalogue can refer to it
 * without loading the parser.
 */
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContract } from '../model/graphql.js';
import type { ParsedSdl } from './read.js';

/** A contract's parsed files (in `files` order) and schema. */
export interface GraphQLParsed {
  files: ParsedSdl[];
  schema: GraphQLSchema;
}

const parsedByContract = new WeakMap<GraphQLContract, GraphQLParsed>();

/** Records what the loader parsed for `contract`. */
export function setGraphqlParsed(contract: GraphQLContract, parsed: GraphQLParsed): void {
  parsedByContract.set(contract, parsed);
}

/** The parsed documents and schema of a contract the GraphQL loader produced. */
export function graphqlParsedOf(contract: GraphQLContract): GraphQLParsed | undefined {
  return parsedByContract.get(contract);
}
