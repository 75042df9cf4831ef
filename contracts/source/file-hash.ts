/**
 * Content hashes of the files contracts are read from: the one helper of the
 * lint cache (checks/lint/cache.ts) and the generator cache
 * (generators/core/cache.ts), so both agree on what "unchanged" means.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A missing or unreadable file's hash: never equal to a content hash, so a vanished input invalidates. */
export const MISSING_FILE = 'missing';

/** The SHA-1 of `data`, hex (a cache key, not a security measure). */
export function contentHash(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

/** The content hash of the file at `path`, or {@link MISSING_FILE}. */
export function hashFile(path: string): string {
  try {
    return contentHash(readFileSync(path));
  } catch {
    return MISSING_FILE;
  }
}

/**
 * Every file under `root` whose name `wanted` accepts (`node_modules` and
 * dot-directories left out), in directory order; nothing when `root` cannot be read.
 */
export function treeFiles(root: string, wanted: (name: string) => boolean, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(root, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) treeFiles(p, wanted, out);
    else if (e.isFile() && wanted(e.name)) out.push(p);
  }
  return out;
}

/** Hashes every file under `root` that `wanted` accepts into `out` (path → hash). */
export function hashTree(root: string, wanted: (name: string) => boolean, out: Record<string, string>): void {
  for (const p of treeFiles(root, wanted)) out[p] = hashFile(p);
}
