/**
 * @theguild/federation-composition's own test schemas run through
 * contractkit's composition check: every `composeServices` call their specs
 * make (the Guild implementation, every federation version their tests loop
 * over) is recorded; the same subgraphs, printed to SDL and loaded by
 * contractkit's GraphQL loader, are composed by contractkit's
 * `composeSubgraphs`. Schemas that compose must compose; schemas that fail
 * must fail with the same error codes. The figure is printed.
 *
 * It needs a snapshot of graphql-hive/federation-composition: set
 * FEDERATION_COMPOSITION_REPO to its git directory or work tree, else it skips.
 */
import * as graphql from 'graphql';
import * as composition from '@theguild/federation-composition';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../../contracts/graphql/compose.js';
import { graphqlContractFromParsed } from '../../../contracts/graphql/load.js';
import { parseSdl } from '../../../contracts/graphql/read.js';
import type { GraphQLContract } from '../../../contracts/model/types.js';
import { evaluateTestFile, gitList, gitShow } from './suite-runner.js';

const repo = process.env.FEDERATION_COMPOSITION_REPO;
const VERSIONS = ['v2.0', 'v2.1', 'v2.2', 'v2.3', 'v2.4', 'v2.5', 'v2.6', 'v2.7', 'v2.8', 'v2.9'];

type Service = { name: string; typeDefs: graphql.DocumentNode; url?: string };
interface Call {
  services: Service[];
  internal?: { disableValidationRules?: string[] };
}

/**
 * The outcome as compared: `ok`, or the sorted distinct error codes. An error
 * without a code is `COMPOSITION_ERROR` (what contractkit calls it), and
 * contractkit's loader refusing invalid SDL (`load/invalid-graphql`, exit 2)
 * is its name for the library's `INVALID_GRAPHQL`.
 */
function outcome(errors: readonly { extensions?: { code?: unknown } }[] | undefined): string {
  const code = (e: { extensions?: { code?: unknown } }) => String(e.extensions?.code ?? 'COMPOSITION_ERROR').replace('load/invalid-graphql', 'INVALID_GRAPHQL');
  return errors?.length ? [...new Set(errors.map(code))].sort().join(',') : 'ok';
}

let file = 0;
function ours(call: Call): string {
  const contracts: GraphQLContract[] = [];
  for (const s of call.services) {
    const path = `/suite/${++file}/${s.name}.graphql`;
    const { parsed, findings } = parseSdl(path, graphql.print(s.typeDefs));
    if (!parsed) return outcome([{ extensions: { code: findings[0]?.ruleId } }]);
    const built = graphqlContractFromParsed({ name: s.name, path, subgraph: s.name, ...(s.url ? { url: s.url } : {}) }, [parsed]);
    if (!built.contract) return outcome([{ extensions: { code: built.findings[0]?.ruleId } }]);
    contracts.push(built.contract);
  }
  return outcome(composeSubgraphs(contracts).errors.map((e) => ({ extensions: { code: e.code } })));
}

describe.skipIf(!repo)('federation-composition suite (snapshot)', () => {
  it('composes what the library composes and fails with the same error codes where it fails', async () => {
    let calls: Call[] = [];
    const compose = (services: Service[], internal?: Call['internal']) => {
      calls.push({ services, ...(internal ? { internal } : {}) });
      return composition.composeServices(services, internal);
    };
    const lib = { ...composition, composeServices: compose };
    const api = { library: 'guild', composeServices: compose, injectIf: (l: string, s: string) => (l === 'guild' ? s : ''), runIf: (l: string, fn: () => void) => l === 'guild' && fn(), interpolate: (s: string) => s };
    const tag = (literals: string | readonly string[], ...args: unknown[]) => {
      const parts = typeof literals === 'string' ? [literals] : literals;
      return graphql.parse(parts.reduce((acc, p, i) => acc + String(args[i - 1]) + p), { noLocation: true });
    };
    const testkit = {
      graphql: tag,
      versions: VERSIONS,
      testVersions: (run: (a: typeof api, v: string) => void) => VERSIONS.forEach((v) => run(api, v)),
      testImplementations: (run: (a: typeof api) => void) => run(api),
      satisfiesVersionRange: (range: string, version: string) => {
        const [sign, v] = range.split(' ');
        const a = parseFloat(version.slice(1));
        const b = parseFloat(v!.slice(1));
        return sign === '<' ? a < b : sign === '>' ? a > b : a >= b;
      },
      assertCompositionSuccess: composition.assertCompositionSuccess,
      assertCompositionFailure: composition.assertCompositionFailure,
      ensureCompositionSuccess: (r: composition.CompositionResult) => r,
      normalizeErrorMessage: (s: string | readonly string[]) => (typeof s === 'string' ? s : s.join('')).trim(),
      federationVersionToJoinSpecVersion: {},
    };
    const vitestShim = {};
    const modules = (specifier: string): unknown => {
      if (specifier === 'graphql') return graphql;
      if (specifier === 'vitest') return vitestShim;
      if (/shared\/testkit(\.js)?$/.test(specifier)) return testkit;
      if (/\/src(\/index(\.js)?|\/compose\.js|\/validate\.js|\/types\.js)?$/.test(specifier)) return lib;
      return undefined;
    };
    const results: { name: string; want: string; got: string }[] = [];
    const skippedFiles: string[] = [];
    for (const path of gitList(repo!, '__tests__').filter((f) => f.endsWith('.spec.ts'))) {
      let tests;
      try {
        // vitest's own functions come from the globals the runner passes in
        Object.assign(vitestShim, { describe: undefined });
        tests = evaluateTestFile(gitShow(repo!, path).replace(/import\s*\{[^}]*\}\s*from\s*["']vitest["'];?/g, ''), modules);
      } catch {
        skippedFiles.push(path);
        continue;
      }
      for (const t of tests) {
        calls = [];
        try {
          await t.run();
        } catch {
          // their assertions are not ours to check; what was composed is recorded
        }
        for (const call of calls) {
          if (call.internal) continue;
          const want = outcome(composition.composeServices(call.services).errors);
          results.push({ name: `${path.replace('__tests__/', '')} > ${t.name}`, want, got: ours(call) });
        }
      }
    }
    const agree = results.filter((r) => r.want === r.got);
    const composes = results.filter((r) => r.want === 'ok');
    const fails = results.filter((r) => r.want !== 'ok');
    const summary = [
      `federation-composition cases: ${agree.length}/${results.length} agree (${((100 * agree.length) / results.length).toFixed(1)}%)`,
      `composing ${composes.filter((r) => r.got === 'ok').length}/${composes.length}, failing with the same codes ${fails.filter((r) => r.got === r.want).length}/${fails.length}`,
      `files not evaluated (they import library internals or fixtures): ${skippedFiles.length}`,
    ].join('; ');
    console.log(summary);
    const seen = new Set<string>();
    for (const r of results.filter((x) => x.want !== x.got)) {
      const key = `${r.name.replace(/ > v2\.\d/, '')}|${r.want}|${r.got}`;
      if (!seen.has(key)) console.log(`  differs: ${r.name}: library ${r.want}, contractkit ${r.got}`);
      seen.add(key);
    }
    expect(results.length).toBeGreaterThan(500);
    expect(agree.length / results.length, summary).toBeGreaterThanOrEqual(0.95);
  }, 900_000);
});
