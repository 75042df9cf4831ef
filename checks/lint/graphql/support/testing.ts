/**
 * Test support: a ContractModel from inline SDL, one subgraph per entry, read
 * by the real GraphQL parser and normalizer (files are virtual:
 * `/virtual/<subgraph>.graphql`, so positions are lines of the given text).
 */
import { graphqlContractFromParsed } from '../../../../contracts/graphql/load.js';
import { parseSdl } from '../../../../contracts/graphql/read.js';
import type { ContractModel, GraphQLContract } from '../../../../contracts/model/types.js';

/** Federation v2.3 link with the usual imports, for fixtures. */
export const FED2 = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable", "@override", "@inaccessible"])\n';

/** The virtual file of a subgraph in {@link sdlModel}. */
export function virtualFile(subgraph: string, dir = '/virtual'): string {
  return `${dir}/${subgraph}.graphql`;
}

/** One GraphQL contract per `subgraph → SDL` entry (files under `dir`); throws on SDL that does not load. */
export function sdlModel(subgraphs: Record<string, string>, dir = '/virtual'): ContractModel {
  const contracts: GraphQLContract[] = Object.entries(subgraphs).map(([name, sdl]) => {
    const file = virtualFile(name, dir);
    const { parsed, findings } = parseSdl(file, sdl);
    if (!parsed) throw new Error(findings.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n'));
    const built = graphqlContractFromParsed({ name, path: file }, [parsed]);
    if (!built.contract) throw new Error(built.findings.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n'));
    return built.contract;
  });
  return { contracts };
}
