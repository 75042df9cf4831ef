/**
 * Shared helpers of the grpc tests: load a proto contract with the real
 * loader, generate, write into a scratch directory inside the repository (so
 * `@bufbuild/protobuf`, `@grpc/grpc-js` and `@contractkit/runtime` resolve from
 * its node_modules), and type-check under strict.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { loadProto } from '../../../contracts/proto/load.js';
import type { ProtoContract } from '../../../contracts/model/types.js';
import type { GeneratedFile } from '../../../generators/core/registry.js';

/** The repository root. */
export const root = resolve(import.meta.dirname, '../../..');

/** A fresh scratch directory under node_modules/.cache (ignored by git, resolves the repo's packages). */
export function scratchDir(prefix = 'ck-grpc-'): string {
  const base = join(root, 'node_modules', '.cache', 'contractkit-tests');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
}

/** Loads a proto contract; fails the test on load errors. */
export async function loadContract(path: string, name = 'api'): Promise<ProtoContract> {
  const outcome = await loadProto({ name, kind: 'proto', path: resolve(root, path) }, { cwd: root, rootDir: root, allowRemoteRefs: false });
  expect(outcome.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
  return outcome.contract!;
}

/** Every file under `dir` by its path relative to `dir` (with `/`), with its content. */
export function readTree(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, readTree(full, base));
    else out[relative(base, full).split('\\').join('/')] = readFileSync(full, 'utf8');
  }
  return out;
}

/** Writes files under `dir`. */
export function writeFiles(files: GeneratedFile[], dir: string): string {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

/** Runs tsc on the `.ts` files under `dir` with strict settings plus `extra`; returns its output ('' when clean). */
function runTsc(dir: string, extra: Record<string, unknown>): string {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [join(root, 'node_modules/@types')],
      ...extra,
    },
    include: ['**/*.ts'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return (r.stdout + r.stderr).trim();
}

/**
 * Type-checks the `.ts` files under `dir` with strict settings, resolving
 * `@contractkit/runtime/grpc` and `/protobuf` to the runtime's sources. Returns tsc's output ('' when clean).
 */
export function typeCheck(dir: string): string {
  return runTsc(dir, {
    noEmit: true,
    exactOptionalPropertyTypes: false,
    paths: {
      '@contractkit/runtime/grpc': [join(root, 'runtime/src/grpc/index.ts')],
      '@contractkit/runtime/protobuf': [join(root, 'runtime/src/protobuf/index.ts')],
    },
  });
}

/**
 * Compiles the `.ts` files under `dir` to JavaScript beside them (strict; the
 * runtime resolves to its built package, as a service would load it) and
 * returns tsc's output ('' when clean), so tests can import generated code.
 */
export function compileInPlace(dir: string): string {
  return runTsc(dir, {});
}

/**
 * A scratch buf module over the protos of `google-proto-files` (which has no
 * buf.yaml): its `google` directory links to the package's, so each API loads
 * as a directory inside it.
 */
export function googleApisModule(prefix: string): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('google-proto-files/package.json'));
  const module = scratchDir(prefix);
  writeFileSync(join(module, 'buf.yaml'), 'version: v2\n');
  symlinkSync(join(pkg, 'google'), join(module, 'google'), 'dir');
  return module;
}
