/**
 * Writes generated files: atomically (temp file + rename), never outside the
 * output directory, skipping files whose content is unchanged; in check mode
 * it writes nothing and reports what is stale.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
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
    const tmp = join(dirname(abs), `.${process.pid}.${Date.now()}.tmp`);
    writeFileSync(tmp, file.content);
    renameSync(tmp, abs);
    result.written.push(file.path);
  }
  return result;
}
