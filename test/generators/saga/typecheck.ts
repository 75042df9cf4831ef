/**
 * Type-checks generated saga output under `strict` with the real compiler,
 * `@contractkit/runtime/saga` resolved to the runtime's sources.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

/** Runs tsc over `files` (absolute); resolves to its diagnostics ('' when clean). */
export function typecheck(files: string[]): string {
  const dir = mkdtempSync(join(ROOT, 'node_modules', '.cache-saga-tsc-'));
  try {
    const config = {
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true,
        types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')], baseUrl: ROOT,
        paths: Object.fromEntries(['saga', 'http', 'grpc', 'events'].map((part) => [`@contractkit/runtime/${part}`, [`runtime/src/${part}/index.ts`]])),
      },
      files,
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    return (r.stdout + r.stderr).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
