/**
 * Writes generated files: atomically (temp file + rename), never outside the
 * output directory, skipping files whose content is unchanged; in check mode
 * it writes nothing and reports what is stale.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../../contracts/errors.js';
import type { GeneratedFile } from './registry.js';

/** What the writer did (or, in check mode, would do). */
export interface WriteResult {
  written: string[];
  unchanged: string[];
  /** Check mode: files that differ from or are missing on disk. */
  stale: string[];
}

/** Resolves a generated file's path inside `outDir`, refusing anything that escapes it. */
export function confinedPath(outDir: string, path: string): string {
  const target = resolve(outDir, path);
  const rel = relative(outDir, target);
  if (isAbsolute(path) || rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) {
    throw new UsageError(`Refusing to write ${path}: generated files must stay inside ${outDir}.`);
  }
  return target;
}

/**
 * Writes `files` under `outDir`. All paths are checked before anything is
 * written, so a bad path leaves the output untouched.
 */
export function writeGeneratedFiles(outDir: string, files: readonly GeneratedFile[], options: { check?: boolean } = {}): WriteResult {
  const planned = files.map((f) => ({ file: f, abs: confinedPath(outDir, f.path) }));
  // a file where a directory must go (or a directory where a file must go) fails before anything is written
  if (!options.check) for (const { abs } of planned) blockedBy(outDir, abs);
  const result: WriteResult = { written: [], unchanged: [], stale: [] };
  for (const { file, abs } of planned) {
    const current = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
    if (current === file.content) {
      result.unchanged.push(file.path);
      continue;
    }
    if (options.check) {
      result.stale.push(file.path);
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    // the temp file sits beside its target (inside the output directory) and never outlives this step
    const tmp = join(dirname(abs), `.${process.pid}.${Date.now()}.tmp`);
    try {
      writeFileSync(tmp, file.content);
      renameSync(tmp, abs);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw new UsageError(`Cannot write ${abs}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    result.written.push(file.path);
  }
  return result;
}

/** Throws a UsageError when an existing non-directory sits on the way to `abs`, or `abs` is a directory. */
function blockedBy(outDir: string, abs: string): void {
  const kindOf = (p: string) => {
    try {
      return statSync(p).isDirectory() ? 'dir' : 'file';
    } catch {
      return undefined;
    }
  };
  if (kindOf(abs) === 'dir') throw new UsageError(`Cannot write ${abs}: a directory of that name exists; move it away or choose another output directory. Nothing was written.`);
  for (let d = dirname(abs); d.length >= outDir.length; d = dirname(d)) {
    if (kindOf(d) === 'file') throw new UsageError(`Cannot write ${abs}: ${d} is an existing file, not a directory; move it away or choose another output directory. Nothing was written.`);
    if (d === dirname(d)) break;
  }
}
