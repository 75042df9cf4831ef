/**
 * Test support: contractkit's changes between two SDL texts, through its own
 * loader and per-subgraph differ, in graphql-inspector's terms (change name,
 * criticality, path) for comparison with graphql-inspector's output.
 */
import { graphqlContractFromParsed } from '../../../contracts/graphql/load.js';
import { parseSdl } from '../../../contracts/graphql/read.js';
import type { GraphQLContract } from '../../../contracts/model/types.js';
import { subgraphChanges, type InspectorOptions } from '../../../checks/breaking/graphql/changes.js';

/** A change as compared: graphql-inspector's name, level and path. */
export interface ComparedChange {
  type: string;
  level: string;
  path: string;
}

const LEVEL = { error: 'BREAKING', warning: 'DANGEROUS', info: 'NON_BREAKING' } as const;
let n = 0;

function contractOf(sdl: string, side: string): GraphQLContract {
  const file = `/suite/${side}-${++n}.graphql`;
  const { parsed, findings } = parseSdl(file, sdl);
  if (!parsed) throw new Error(findings.map((f) => f.message).join('; '));
  const built = graphqlContractFromParsed({ name: 'suite', path: file }, [parsed]);
  if (!built.contract) throw new Error(built.findings.map((f) => f.message).join('; '));
  return built.contract;
}

/** contractkit's changes from `before` to `after`; a schema it refuses gives one `<refused: …>` entry. */
export async function changesOfSdl(before: string, after: string, inspector: InspectorOptions = {}): Promise<ComparedChange[]> {
  try {
    const changes = await subgraphChanges(contractOf(before, 'before'), contractOf(after, 'after'), inspector);
    return changes.map((c) => ({ type: c.type, level: LEVEL[c.severity], path: c.path }));
  } catch (err) {
    return [{ type: `<refused: ${(err as Error).message}>`, level: '', path: '' }];
  }
}

/** Sorted `TYPE LEVEL path` strings, for comparing two change lists as multisets. */
export function changeKeys(changes: readonly ComparedChange[]): string[] {
  return changes.map((c) => `${c.type} ${c.level} ${c.path}`).sort();
}
