/**
 * The GraphQL breaking-change engine. It runs once over every GraphQL pair of
 * a run, because federation changes cross subgraphs: each subgraph's schema
 * diff (graphql-inspector's change names and criticality), the
 * federation-aware changes (keys, `@requires`, fields moving between
 * subgraphs), the composed supergraph's diff, and the versioning rule per
 * subgraph. A finding about something removed points at the nearest element
 * of the current version and keeps where it was as `previous`.
 */
import type { Finding } from '../../../contracts/finding.js';
import type { GraphQLContract } from '../../../contracts/model/types.js';
import type { BreakingOptions, ContractPair } from '../compare.js';
import { subgraphChanges, type GraphQLChange } from './changes.js';
import { GRAPHQL_IDS } from './catalogue.js';
import { coveredRemovals, keyChanges, requiredFieldChanges, type LocatedChange } from './federation.js';
import { elementAt, locatePath } from './locate.js';
import { supergraphChanges } from './supergraph.js';
import { checkSubgraphVersion } from './versioning.js';

export { GRAPHQL_BREAKING_RULES, GRAPHQL_IDS, GRAPHQL_LEVELS } from './catalogue.js';
export { subgraphChanges, type GraphQLChange } from './changes.js';

const isGraphQL = (c: ContractPair['previous']): c is GraphQLContract => c?.kind === 'graphql';

/** Options of {@link diffGraphQL}: the run's, and the suppression of accepted findings. */
export type DiffGraphQLOptions = Partial<BreakingOptions> & {
  /** Drops accepted findings (notes, the ignore file) before the versioning rule counts breaking changes. */
  suppress?: (findings: Finding[]) => Finding[];
};

/** Compares every GraphQL pair of a run (added and removed contracts count for the supergraph). */
export async function diffGraphQL(pairs: readonly ContractPair[], options: DiffGraphQLOptions = {}): Promise<Finding[]> {
  const previousAll = pairs.map((p) => p.previous).filter(isGraphQL);
  const currentAll = pairs.map((p) => p.current).filter(isGraphQL);
  const matched = pairs.filter((p): p is ContractPair & { previous: GraphQLContract; current: GraphQLContract } => isGraphQL(p.previous) && isGraphQL(p.current));
  const located: { change: LocatedChange; pair?: (typeof matched)[number] }[] = [];
  const reported = new Set<string>();
  // removals another subgraph seemed to cover, by change: the supergraph diff says whether clients lose the element
  const coveredAt = new Map<string, number>();

  for (const pair of matched) {
    const owner = { previous: pair.previous, current: pair.current };
    const changes = await subgraphChanges(pair.previous, pair.current);
    const covered = coveredRemovals(owner, changes, previousAll, currentAll);
    changes.forEach((change, i) => {
      const key = `${change.type}\0${change.path}`;
      if (covered.has(i)) coveredAt.set(key, located.length);
      else reported.add(key);
      const side = elementAt(pair.current, change.path) ? 'current' : 'previous';
      located.push({ change: covered.get(i) ?? { ...change, side, contract: side === 'current' ? pair.current : pair.previous }, pair });
    });
    for (const change of [...keyChanges(pair.previous, pair.current), ...requiredFieldChanges(owner, changes, currentAll)]) located.push({ change, pair });
  }

  const findings: Finding[] = [];
  // a side without subgraphs has no supergraph: the first subgraphs added (or the last removed) are contract-added/-removed
  if (previousAll.length > 0 && currentAll.length > 0 && Math.max(previousAll.length, currentAll.length) > 1) {
    const composed = await supergraphChanges(previousAll, currentAll);
    if (!composed.compared) {
      const c = (composed.side === 'current' ? currentAll : previousAll)[0]!;
      findings.push({
        ruleId: GRAPHQL_IDS.notComposed,
        severity: 'warning',
        kind: 'graphql',
        file: c.files[0] ?? c.file,
        line: 1,
        column: 1,
        message: `The composed supergraph was not compared: the ${composed.side} subgraphs do not compose (${composed.errors} composition error${composed.errors === 1 ? '' : 's'}).`,
        hint: composed.side === 'current' ? 'Run `contractkit lint` on the subgraphs: `graphql-subgraphs-compose` says where composition fails.' : 'The previous version did not compose either; only the subgraphs were compared.',
      });
    } else {
      for (const change of composed.changes) {
        const key = `${change.type}\0${change.path}`;
        if (reported.has(key)) continue;
        const seemed = coveredAt.get(key);
        if (seemed !== undefined) {
          // the other subgraph did not keep it for clients after all: the subgraph's removal breaks them
          const at = located[seemed]!;
          located[seemed] = { change: { ...change, message: `In the composed supergraph: ${change.message}`, side: 'previous', contract: at.pair?.previous ?? at.change.contract }, pair: at.pair };
          continue;
        }
        const inCurrent = currentAll.find((c) => elementAt(c, change.path));
        const contract = inCurrent ?? previousAll.find((c) => elementAt(c, change.path)) ?? currentAll[0] ?? previousAll[0]!;
        const pair = matched.find((p) => p.current === contract || p.previous === contract);
        // what an added subgraph brings is its `contract-added`; only what it breaks is worth a line here
        if (!pair && change.severity === 'info') continue;
        located.push({ change: { ...change, message: `In the composed supergraph: ${change.message}`, side: inCurrent ? 'current' : 'previous', contract }, pair });
      }
    }
  }

  // the versioning rule counts only the breaking changes nobody accepted (notes, the ignore file); the
  // suppressor may hand back copies (positions mapped back from a git checkout), so each finding is
  // suppressed on its own and counted for its pair by position, not by object identity
  const suppress = options.suppress ?? ((fs: Finding[]) => fs);
  const kept: Finding[] = suppress(findings);
  const errorsBySubgraph = new Map<(typeof matched)[number], number>();
  for (const { change, pair } of located) {
    for (const f of suppress([toFinding(change, pair?.current)])) {
      kept.push(f);
      if (pair && f.severity === 'error') errorsBySubgraph.set(pair, (errorsBySubgraph.get(pair) ?? 0) + 1);
    }
  }
  const versions = matched.flatMap((pair) => checkSubgraphVersion(pair.previous, pair.current, errorsBySubgraph.get(pair) ?? 0) ?? []);
  return [...kept, ...suppress(versions)];
}

/** A finding as the breaking report takes it: a removal also says where the element was in the previous version. */
export type GraphQLBreakingFinding = Finding & { previous?: { file: string; line: number; column: number } };

/**
 * A change as a finding. One about something removed points at the nearest
 * element of the current version that still exists (where the user can act,
 * the type that lost a field, else the top of the subgraph's first file) and
 * keeps where it was as `previous`.
 */
function toFinding(change: LocatedChange, current: GraphQLContract | undefined): GraphQLBreakingFinding {
  const at = change.at?.line !== undefined ? { file: change.at.file, line: change.at.line, column: change.at.column ?? 1 } : locatePath(change.path, [change.contract]);
  const hint = change.hint ?? hintOf(change);
  const finding: GraphQLBreakingFinding = { ruleId: change.type, severity: change.severity, kind: 'graphql', ...at, message: change.message, ...(hint ? { hint } : {}) };
  if (change.side !== 'previous' || !current) return finding;
  return { ...finding, ...locatePath(change.path, [current]), previous: at };
}

function hintOf(change: GraphQLChange): string | undefined {
  if (change.severity === 'info') return undefined;
  const why = change.reason ? `${change.reason.replace(/\.?$/, '.')} ` : '';
  return `${why}Clients written against the previous schema break: add the new element beside the old one and deprecate the old (\`@deprecated(reason:)\`) instead.`;
}
