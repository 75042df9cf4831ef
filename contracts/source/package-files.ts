/**
 * Locates files shipped with the contractkit package (JSON Schemas, templates),
 * whether running from the sources (tests) or from the build in dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** Absolute path of the contractkit package root (the folder with its package.json). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'contractkit') return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('contractkit: cannot find the package root from ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Absolute path of a file inside the package (`packageFile('schema', 'saga.schema.json')`). */
export function packageFile(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}

/** Reads and parses a JSON file shipped with the package. */
export function readPackageJson<T = unknown>(...segments: string[]): T {
  return JSON.parse(readFileSync(packageFile(...segments), 'utf8')) as T;
}
