/**
 * Test support: a scratch directory holding the given files.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp directory (`<prefix>XXXXXX`) with `files` (relative path → content) written into it. */
export function scratchTree(files: Record<string, string>, prefix = 'ck-tree-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
