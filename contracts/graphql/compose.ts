/**
 * Composes subgraphs into a supergraph with `@theguild/federation-composition`
 * (MIT), and places each composition error at a subgraph file and line: at the
 * AST node the error carries when it has one, else at the element its message
 * names (`"Customer.email"` in subgraph `"orders"`).
 *
 * The composition library is required on first use so that a lint run over
 * other kinds never loads it.
 */
import { createRequire } from 'node:module';
import type { DocumentNode, GraphQLError } from 'graphql';
import type { GraphQLContract } from '../model/graphql.js';
import type { SourceRef } from '../model/types.js';
import { graphqlParsedOf } from './parsed.js';

/** One composition error, located. */
export interface CompositionError {
  /** The library's error code (`INVALID_FIELD_SHARING`, `KEY_INVALID_FIELDS`, …). */
  code: string;
  message: string;
  /** Subgraphs the error names (or the one its node is in). */
  subgraphs: string[];
  location: SourceRef & { line: number; column: number };
}

/** Outcome of composing a set of subgraphs. */
export interface Composition {
  errors: CompositionError[];
  /** The supergraph SDL (join directives included), when composition succeeded. */
  supergraphSdl?: string;
  /** The public API schema clients see, when composition succeeded. */
  publicSdl?: string;
}

type ComposeLib = typeof import('@theguild/federation-composition');
let lib: ComposeLib | undefined;

function composeLib(): ComposeLib {
  return (lib ??= createRequire(import.meta.url)('@theguild/federation-composition') as ComposeLib);
}

/** The subgraph's files as one document (definitions keep their file locations). */
export function subgraphDocument(contract: GraphQLContract): DocumentNode {
  const parsed = graphqlParsedOf(contract);
  if (!parsed) throw new Error(`GraphQL contract ${contract.name} was not loaded by the GraphQL loader`);
  return { kind: 'Document', definitions: parsed.files.flatMap((f) => f.document.definitions) } as unknown as DocumentNode;
}

/** Composes `contracts` (one subgraph each); errors are located in the subgraphs' files. */
export function composeSubgraphs(contracts: readonly GraphQLContract[]): Composition {
  const services = contracts.map((c) => ({ name: c.subgraph, typeDefs: subgraphDocument(c), ...(c.url ? { url: c.url } : {}) }));
  const result = composeLib().composeServices(services);
  if (!result.errors) return { errors: [], supergraphSdl: result.supergraphSdl, publicSdl: result.publicSdl };
  return { errors: result.errors.map((e) => locateError(e, contracts)) };
}

/** Subgraph names an error message mentions, in order: `[orders] …`, `subgraph "orders"`, `subgraphs "a" and "b"`. */
export function subgraphsNamed(message: string, known: readonly string[]): string[] {
  const out: string[] = [];
  const add = (n: string) => known.includes(n) && !out.includes(n) && out.push(n);
  const lead = /^\[([^\]]+)\]/.exec(message);
  if (lead) add(lead[1]!);
  for (const m of message.matchAll(/subgraphs? ((?:"[^"]+"(?:, | and | or )?)+)/g)) for (const q of m[1]!.matchAll(/"([^"]+)"/g)) add(q[1]!);
  return out;
}

function locateError(error: GraphQLError, contracts: readonly GraphQLContract[]): CompositionError {
  const code = String(error.extensions?.code ?? 'COMPOSITION_ERROR');
  const names = contracts.map((c) => c.subgraph);
  const loc = error.nodes?.find((n) => n.loc)?.loc;
  if (loc) {
    const file = loc.source.name;
    const owner = contracts.find((c) => c.files.includes(file));
    return { code, message: error.message, subgraphs: owner ? [owner.subgraph] : [], location: { file, line: loc.startToken.line, column: loc.startToken.column } };
  }
  const mentioned = subgraphsNamed(error.message, names);
  const candidates = mentioned.length > 0 ? mentioned.map((n) => contracts.find((c) => c.subgraph === n)!) : [...contracts];
  const coordinates = [...error.message.matchAll(/"([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)?)(?:\([^"]*\))?"/g)].map((m) => m[1]!);
  for (const contract of candidates) {
    for (const coordinate of coordinates) {
      const at = elementLocation(contract, coordinate);
      if (at) return { code, message: error.message, subgraphs: mentioned, location: at };
    }
  }
  const first = candidates[0] ?? contracts[0]!;
  return { code, message: error.message, subgraphs: mentioned, location: { file: first.files[0] ?? first.file, line: 1, column: 1 } };
}

/** Where `Type` or `Type.field` is defined in a subgraph. */
export function elementLocation(contract: GraphQLContract, coordinate: string): (SourceRef & { line: number; column: number }) | undefined {
  const [typeName, fieldName] = coordinate.split('.');
  const type = contract.types.find((t) => t.name === typeName);
  if (!type) return undefined;
  const ref = fieldName ? (type.fields.find((f) => f.name === fieldName) ?? type.values.find((v) => v.name === fieldName))?.location : type.location;
  return ref?.line !== undefined ? { ...ref, line: ref.line, column: ref.column ?? 1 } : undefined;
}
