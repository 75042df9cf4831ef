/**
 * graphql-inspector's own diff test cases (packages/core/__tests__/diff) run
 * through contractkit's GraphQL breaking engine: every `diff(a, b)` their
 * tests make is recorded, and contractkit's changes for the same two schemas
 * (SDL → contractkit's loader → its per-subgraph differ) must have the same
 * change names, criticality and paths as graphql-inspector's own answer. The
 * figure is printed; the test fails under 95% of cases agreeing.
 *
 * It needs a snapshot of graphql-hive/graphql-inspector: set
 * GRAPHQL_INSPECTOR_REPO to its git directory or work tree, else it skips.
 * The committed cases (graphql-inspector-cases.test.ts) run everywhere.
 */
import * as graphql from 'graphql';
import * as inspector from '@graphql-inspector/core';
import { describe, expect, it } from 'vitest';
import { evaluateTestFile, gitList, gitShow } from './suite-runner.js';
import { changesOfSdl, changeKeys } from './sdl-changes.js';

const repo = process.env.GRAPHQL_INSPECTOR_REPO;

const asCompared = (c: inspector.Change) => ({ type: String(c.type), level: c.criticality.level, path: c.path ?? '' });

interface Call {
  before: graphql.GraphQLSchema | null;
  after: graphql.GraphQLSchema | null;
  expected: inspector.Change[];
  rules?: inspector.Rule[];
  config?: unknown;
}

describe.skipIf(!repo)('graphql-inspector diff suite (snapshot)', () => {
  it('agrees with graphql-inspector on at least 95% of its diff cases', async () => {
    const files = gitList(repo!, 'packages/core/__tests__/diff').filter((f) => f.endsWith('.test.ts'));
    const sources = new WeakMap<graphql.GraphQLSchema, { sdl: string; options?: graphql.BuildSchemaOptions }>();
    let calls: Call[] = [];
    const modules = (specifier: string): unknown => {
      if (specifier === 'graphql') {
        return {
          ...graphql,
          buildSchema: (sdl: string | graphql.Source, options?: graphql.BuildSchemaOptions) => {
            const s = graphql.buildSchema(sdl, options);
            sources.set(s, { sdl: typeof sdl === 'string' ? sdl : sdl.body, ...(options ? { options } : {}) });
            return s;
          },
        };
      }
      if (/\/src\/index\.js$/.test(specifier)) {
        return {
          ...inspector,
          diff: async (before: graphql.GraphQLSchema | null, after: graphql.GraphQLSchema | null, rules?: inspector.Rule[], config?: unknown) => {
            const expected = await inspector.diff(before, after, rules, config as never);
            calls.push({ before, after, expected, ...(rules ? { rules } : {}), ...(config !== undefined ? { config } : {}) });
            return expected;
          },
        };
      }
      if (/\/src\/diff\/rules\/index\.js$/.test(specifier)) return inspector.DiffRule;
      if (/\/utils\/testing\.js$/.test(specifier)) {
        const findChangesByPath = (changes: inspector.Change[], path: string) => changes.filter((c) => c.path === path);
        return { findChangesByPath, findFirstChangeByPath: (changes: inspector.Change[], path: string) => findChangesByPath(changes, path)[0] };
      }
      return undefined;
    };
    // the SDL a schema was built from, unless the test changed the schema afterwards (programmatic defaults): then as printed
    const sdlOf = (s: graphql.GraphQLSchema) => {
      const source = sources.get(s);
      const printed = graphql.printSchema(s);
      return source && graphql.printSchema(graphql.buildSchema(source.sdl, source.options)) === printed ? source.sdl : printed;
    };
    const results: { name: string; agree: boolean; applicable: boolean; detail?: string }[] = [];
    for (const file of files) {
      for (const t of evaluateTestFile(gitShow(repo!, file), modules)) {
        calls = [];
        try {
          await t.run();
        } catch {
          // a case whose own code fails without its library internals still counts by what it recorded
        }
        // tests of inspector's helpers that never diff two schemas are no diff cases
        if (calls.length === 0) continue;
        let agree = true;
        let applicable = true;
        let detail: string | undefined;
        for (const call of calls) {
          // contractkit compares files: a null side is an added or removed contract, and a schema changed in code
          // after it was built (graphql 17's programmatic `default`) has no SDL that says so
          if (!call.before || !call.after) applicable = false;
          else {
            const fromFiles = await inspector.diff(graphql.buildSchema(sdlOf(call.before), { assumeValidSDL: true }), graphql.buildSchema(sdlOf(call.after), { assumeValidSDL: true }), call.rules, call.config as never);
            if (changeKeys(fromFiles.map(asCompared)).join('\n') !== changeKeys(call.expected.map(asCompared)).join('\n')) applicable = false;
          }
          const want = changeKeys(call.expected.map(asCompared));
          const got = call.before && call.after ? changeKeys(await changesOfSdl(sdlOf(call.before), sdlOf(call.after), { rules: call.rules, config: call.config as never })) : ['<no schema: contractkit reports an added or removed contract instead>'];
          if (want.join('\n') !== got.join('\n')) {
            agree = false;
            detail = `want ${want.join('; ')} | got ${got.join('; ')}`;
          }
        }
        results.push({ name: `${file.split('/').pop()} > ${t.name}`, agree, applicable, ...(detail ? { detail } : {}) });
      }
    }
    const pct = (n: number, d: number) => `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`;
    const files_ = results.filter((r) => r.applicable);
    const agreed = files_.filter((r) => r.agree).length;
    const summary = `graphql-inspector diff cases: ${pct(agreed, files_.length)} of those expressible as SDL files agree; ${pct(results.filter((r) => r.agree).length, results.length)} of all`;
    console.log(summary);
    for (const r of results.filter((x) => !x.agree)) console.log(`  differs${r.applicable ? '' : ' (not expressible as SDL files)'}: ${r.name}${r.detail ? `\n    ${r.detail}` : ''}`);
    expect(files_.length).toBeGreaterThan(100);
    expect(agreed / files_.length, summary).toBeGreaterThanOrEqual(0.95);
  });
});
