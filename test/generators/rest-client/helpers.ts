/**
 * Shared helpers of the rest-client tests: load an OpenAPI contract with the
 * real loader, generate, write to a temp dir, and type-check under strict.
 */
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { loadOpenApi } from '../../../contracts/openapi/load.js';
import type { OpenApiContract } from '../../../contracts/model/types.js';
import type { GeneratedFile, GeneratorName } from '../../../generators/core/registry.js';
import { manifestFile } from '../../../generators/core/writer.js';
import { restClientGenerator } from '../../../generators/rest-client/index.js';

/** The repository root. */
export const root = resolve(import.meta.dirname, '../../..');

/** Loads an OpenAPI contract; fails the test on load errors. */
export async function loadContract(file: string, name = 'api'): Promise<OpenApiContract> {
  const outcome = await loadOpenApi({ name, kind: 'openapi', path: file }, { cwd: root, rootDir: dirname(file), allowRemoteRefs: false });
  const errors = outcome.findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => f.message)).toEqual([]);
  return outcome.contract!;
}

/** Writes files under a fresh temp directory (or `dir`). */
export function writeFiles(files: GeneratedFile[], dir = mkdtempSync(join(tmpdir(), 'ck-rest-'))): string {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

/**
 * Type-checks `.ts` files under `dir` with strict settings, resolving
 * `@contractkit/runtime/*` to the runtime's sources. Returns tsc's output ('' when clean).
 */
export function typeCheck(dir: string, extra: string[] = []): string {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      noUnusedLocals: false,
      types: ['node'],
      typeRoots: [join(root, 'node_modules/@types')],
      baseUrl: '.',
      paths: { '@contractkit/runtime/http': [join(root, 'runtime/src/http/index.ts')], '@contractkit/runtime/http-server': [join(root, 'runtime/src/http/server/index.ts')] },
    },
    include: ['**/*.ts', ...extra],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return (r.stdout + r.stderr).trim();
}

/**
 * Generates the client of the fixture `test/fixtures/rest-client/<fixture>.yaml`
 * with `options` under node_modules/.cache (so `@contractkit/runtime` and ajv's
 * helpers resolve from there) and imports its index.
 */
export async function generateAndImport<M>(fixture: string, options: Record<string, unknown>, prefix: string): Promise<{ dir: string; mod: M }> {
  const contract = await loadContract(join(root, `test/fixtures/rest-client/${fixture}.yaml`), fixture);
  const files = await restClientGenerator.generate({ contracts: [contract] }, { out: '/unused', options });
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = writeFiles(files, mkdtempSync(join(cache, prefix)));
  return { dir, mod: (await import(join(dir, 'index.ts'))) as M };
}

/**
 * The CI diff check of a committed example output: `generated` (with the
 * target's manifest, as `contractkit generate` writes it) is exactly what
 * `committed` holds. `UPDATE_GENERATED=1` rewrites the folder instead.
 */
export function expectCommittedOutput(target: GeneratorName, generated: GeneratedFile[], committed: string): void {
  const files = [...generated, manifestFile(target, generated)];
  if (process.env.UPDATE_GENERATED === '1') {
    rmSync(committed, { recursive: true, force: true });
    writeFiles(files, committed);
  }
  expect(existsSync(committed), 'generated output is committed').toBe(true);
  const onDisk = readdirSync(committed, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') || f.endsWith('.files')).sort();
  expect(onDisk).toEqual(files.map((f) => f.path).sort());
  for (const f of files) expect(readFileSync(join(committed, f.path), 'utf8'), `${f.path} is stale: regenerate and commit`).toBe(f.content);
}
