/**
 * Shared helpers of the rest-client tests: load an OpenAPI contract with the
 * real loader, generate, write to a temp dir, and type-check under strict.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { loadOpenApi } from '../../../contracts/openapi/load.js';
import type { OpenApiContract } from '../../../contracts/model/types.js';
import type { GeneratedFile } from '../../../generators/core/registry.js';
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
