/**
 * The GraphQL loader: a subgraph's SDL files parsed with graphql-js (every
 * node located), federation `@link`s resolved, normalized into a
 * GraphQLContract. The parsed documents and the differ's schema stay in a side
 * table for composition and breaking checks.
 */
import { existsSync } from 'node:fs';
import type { DocumentNode } from 'graphql';
import type { Finding } from '../finding.js';
import type { ContractLoader } from '../load/types.js';
import type { GraphQLContract } from '../model/graphql.js';
import { normalizeGraphQL } from './normalize.js';
import { readSdl, type ParsedSdl } from './read.js';
import { setGraphqlParsed } from './parsed.js';
import { buildDiffSchema } from './schema.js';


/** Builds a contract from parsed SDL files (the loader's last step; the test suites call it on text). */
export function graphqlContractFromParsed(
  spec: { name: string; path: string; subgraph?: string; url?: string },
  files: ParsedSdl[],
): { contract?: GraphQLContract; findings: Finding[] } {
  const documents: DocumentNode[] = files.map((f) => f.document);
  const built = buildDiffSchema(documents);
  if (!built.schema) return { findings: built.findings };
  const contract: GraphQLContract = {
    name: spec.name,
    kind: 'graphql',
    file: spec.path,
    files: files.map((f) => f.file),
    subgraph: spec.subgraph ?? spec.name,
    ...(spec.url ? { url: spec.url } : {}),
    ...normalizeGraphQL(documents),
    sdl: Object.fromEntries(files.map((f) => [f.file, f.text])),
  };
  setGraphqlParsed(contract, { files, schema: built.schema });
  return { contract, findings: [] };
}

/** Loads one subgraph (a file or a folder of `.graphql` files). Never throws for bad input. */
export const loadGraphQL: ContractLoader<GraphQLContract> = async (spec) => {
  if (!existsSync(spec.path)) {
    const message = `No such file or directory: ${spec.path}`;
    return { findings: [{ ruleId: 'load/not-found', severity: 'error', kind: 'graphql', file: spec.path, line: 1, column: 1, message, hint: 'Check the `graphql:` path in contractkit.yaml (relative to the config file).' }] };
  }
  const { parsed, findings } = readSdl(spec.path);
  if (findings.length > 0) return { findings };
  if (parsed.length === 0) {
    return {
      findings: [
        {
          ruleId: 'load/no-contracts',
          severity: 'error',
          kind: 'graphql',
          file: spec.path,
          line: 1,
          column: 1,
          message: 'The GraphQL contract\'s folder holds no .graphql or .gql files.',
          hint: 'Point the `graphql:` contract at a subgraph\'s SDL file or at the folder holding its .graphql files.',
        },
      ],
    };
  }
  return graphqlContractFromParsed(spec, parsed);
};
