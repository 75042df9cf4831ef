/**
 * Writes generated files: atomically (temp file + rename), never outside the
 * output directory, skipping files whose content is unchanged; in check mode
 * it writes nothing and reports what is stale.
 *
 * With a `target`, the writer keeps a manifest of what that target wrote
 * (`<out>/.contractkit/<target>.files`, as openapi-generator's
 * `.openapi-generator/FILES`): a file listed in the previous manifest that the
 * target no longer generates is an orphan, deleted on write and reported in
 * check mode. Only files the manifest lists are ever deleted, so a user's own
 * file in the output directory is never touched; user-owned generated files
 * (`userOwned`, like a saga's steps file) are left out of the manifest for the
 * same reason.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, unlinkSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../../contracts/errors.js';
import type { GeneratedFile } from './registry.js';

/** What the writer did (or, in check mode, would do). */
export interface WriteResult {
  written: string[];
  unchanged: string[];
  /** Check mode: files that differ from or are missing on disk. */
  stale: string[];
  /** Files the target's previous manifest lists that it no longer generates and that are still on disk (deleted unless checking). */
  orphans: string[];
  /** The manifest written with the files (with a `target`), for the caller's cache. */
  manifest?: GeneratedFile;
}

/** Where a target's manifest lives, relative to its output directory. */
export function manifestPath(target: string): string {
  return `.contractkit/${target}.files`;
}

const MANIFEST_HEADER = (target: string) =>
  `# The files \`contractkit generate\` wrote for the ${target} target, one per line.\n` +
  '# A file listed here that is no longer generated is deleted on the next run (`--check` reports it). Do not edit.\n';

/** The manifest of `files` (the user-owned ones left out), sorted so it is deterministic. */
export function manifestFile(target: string, files: readonly GeneratedFile[]): GeneratedFile {
  const paths = [...new Set(files.filter((f) => !f.userOwned).map((f) => f.path.split(sep).join('/')))];
  paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { path: manifestPath(target), content: MANIFEST_HEADER(target) + paths.map((p) => `${p}\n`).join('') };
}

/** The paths a target's manifest in `outDir` lists, or an empty list when there is none. */
export function readManifest(outDir: string, target: string): string[] {
  const file = join(outDir, manifestPath(target));
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
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

/** `path` inside `outDir`, or undefined when it escapes (a hand-edited manifest never makes the writer delete outside). */
function insideOrUndefined(outDir: string, path: string): string | undefined {
  try {
    return confinedPath(outDir, path);
  } catch {
    return undefined;
  }
}

/** Removes the directories a deletion emptied, up to (not including) `outDir`. */
function removeEmptyParents(outDir: string, file: string): void {
  const root = resolve(outDir);
  for (let dir = dirname(file); dir !== root && dir.startsWith(root + sep); dir = dirname(dir)) {
    if (readdirSync(dir).length > 0) return;
    rmdirSync(dir);
  }
}

/**
 * Writes `files` under `outDir`. All paths are checked before anything is
 * written, so a bad path leaves the output untouched. With `target`, the
 * target's manifest is written beside them and its orphans are deleted (or,
 * in check mode, reported).
 */
export function writeGeneratedFiles(outDir: string, files: readonly GeneratedFile[], options: { check?: boolean; target?: string } = {}): WriteResult {
  const manifest = options.target ? manifestFile(options.target, files) : undefined;
  const all = manifest ? [...files, manifest] : files;
  const planned = all.map((f) => ({ file: f, abs: confinedPath(outDir, f.path) }));
  // a file where a directory must go (or a directory where a file must go) fails before anything is written
  if (!options.check) for (const { abs } of planned) blockedBy(outDir, abs);
  const result: WriteResult = { written: [], unchanged: [], stale: [], orphans: [] };
  if (manifest) {
    const current = new Set(planned.map((p) => p.abs));
    for (const listed of readManifest(outDir, options.target!)) {
      const abs = insideOrUndefined(outDir, listed);
      if (abs && !current.has(abs) && existsSync(abs)) result.orphans.push(listed);
    }
    result.manifest = manifest;
  }
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
  if (!options.check) {
    for (const orphan of result.orphans) {
      const abs = confinedPath(outDir, orphan);
      unlinkSync(abs);
      removeEmptyParents(outDir, abs);
    }
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
