/**
 * Test support for the hostile corpus: a sandbox directory holding a project
 * directory (`proj/`, where the CLI runs), so a write anywhere in the sandbox
 * outside the project is seen. Sandboxes live under the package's
 * node_modules so generated code resolves the runtime and ajv when type-checked.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../../contracts/source/package-files.js';

/** A sandbox: `root` holds `proj` (the cwd of every run) and nothing else at first. */
export interface Sandbox {
  root: string;
  proj: string;
}

/** Creates a sandbox whose project holds `files` (relative path → content). */
export function sandbox(files: Record<string, string>): Sandbox {
  const base = join(packageRoot(), 'node_modules', '.cache-hostile');
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, 'case-'));
  const proj = join(root, 'proj');
  mkdirSync(proj);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(proj, name, '..'), { recursive: true });
    writeFileSync(join(proj, name), text.replaceAll('@ROOT@', root));
  }
  return { root, proj };
}

/** Every file and directory under `dir` (relative paths, sorted), iteratively. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const todo = [dir];
  while (todo.length) {
    const d = todo.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      out.push(relative(dir, p) + (e.isDirectory() ? '/' : ''));
      if (e.isDirectory()) todo.push(p);
    }
  }
  return out.sort();
}

/** What appeared in the sandbox outside `proj/` (and the cache the CLI keeps in it). */
export function writtenOutside(box: Sandbox): string[] {
  return listTree(box.root).filter((p) => !p.startsWith('proj/'));
}
