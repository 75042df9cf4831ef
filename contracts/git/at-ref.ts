/**
 * Reads contracts as they were at a git ref (`origin/main`, a tag, `HEAD~1`)
 * by exporting that tree into a temporary directory, so every loader (multi-file
 * `$ref`s, buf modules) works on it unchanged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Finding } from '../finding.js';
import { positionOf } from '../source/positions.js';

function git(args: string[], cwd: string, input?: Buffer) {
  return spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30, encoding: 'buffer' });
}

/** The top level of the git work tree containing `cwd`, or undefined outside a repository. */
export function gitTopLevel(cwd: string): string | undefined {
  const r = git(['rev-parse', '--show-toplevel'], cwd);
  return r.status === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** True when `ref` names a commit in this clone. */
export function refExists(ref: string, cwd: string): boolean {
  return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).status === 0;
}

/** A checkout of a ref in a temporary directory; `dispose()` removes it. */
export interface RefTree {
  ref: string;
  /** Repository top level of the current work tree. */
  repoRoot: string;
  /** Directory holding the tree at the ref. */
  dir: string;
  /** Maps a path of the current work tree to the same path in the ref's tree. */
  mapPath(path: string): string;
  dispose(): void;
}

/**
 * Exports the tree of `ref` into a temporary directory. The whole tree is
 * exported, not only the contracts' entry files: `$ref`s and proto imports may
 * reach any file of the repository.
 * @throws UsageError when not in a git repository, or the ref is unknown (with advice for shallow CI clones).
 */
export function checkoutRef(ref: string, cwd: string): RefTree {
  const repoRoot = gitTopLevel(cwd);
  if (!repoRoot) {
    throw new UsageError(`--against ${ref}: ${cwd} is not inside a git repository; give a directory or file to compare against instead.`);
  }
  if (!refExists(ref, repoRoot)) {
    const shallow = git(['rev-parse', '--is-shallow-repository'], repoRoot).stdout.toString().trim() === 'true';
    throw new UsageError(
      `--against ${ref}: no such commit in this clone.` +
        (shallow
          ? ` This is a shallow clone: fetch the ref first, e.g. \`git fetch --depth=1 origin ${ref.replace(/^origin\//, '')}\` (or use fetch-depth: 0 in actions/checkout).`
          : ' Check the name, or fetch it (`git fetch origin`).'),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'contractkit-ref-'));
  const archive = git(['archive', '--format=tar', ref], repoRoot);
  if (archive.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new UsageError(`--against ${ref}: git archive failed: ${archive.stderr.toString('utf8').trim()}`);
  }
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new UsageError(`--against ${ref}: could not unpack the tree: ${untar.stderr.toString().trim()}`);
  }
  return treeAt(ref, repoRoot, dir, cwd);
}

function treeAt(ref: string, repoRoot: string, dir: string, cwd: string): RefTree {
  return {
    ref,
    repoRoot,
    dir,
    mapPath: (p) => join(dir, relative(repoRoot, resolve(cwd, p))),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Exports the index (the staged version of every tracked file) into a
 * temporary directory: what a pre-commit hook must check.
 * @throws UsageError outside a git repository.
 */
export function checkoutIndex(cwd: string): RefTree & { staged: string[] } {
  const repoRoot = gitTopLevel(cwd);
  if (!repoRoot) throw new UsageError(`--staged: ${cwd} is not inside a git repository.`);
  const names = git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], repoRoot);
  const staged = names.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((p) => join(repoRoot, p));
  const dir = mkdtempSync(join(tmpdir(), 'contractkit-index-'));
  const r = git(['checkout-index', '--all', `--prefix=${dir}/`], repoRoot);
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new UsageError(`--staged: git checkout-index failed: ${r.stderr.toString('utf8').trim()}`);
  }
  return { ...treeAt('the index', repoRoot, dir, cwd), staged };
}

/**
 * Points findings about files of an exported tree back at the work-tree paths
 * users know. Positions are resolved first, from the exported text, which
 * stays the finding's `sourceFile` for code frames.
 */
export function mapFindingsBack(findings: readonly Finding[], tree: RefTree): Finding[] {
  const prefix = tree.dir + '/';
  const back = (file: string) => join(tree.repoRoot, relative(tree.dir, file));
  return findings.map((f) => {
    let g = f;
    if (f.previous && f.previous.file.startsWith(prefix)) {
      // where a removed element was: its line from the exported text, its path as users know it
      const at = f.previous.line ? { line: f.previous.line, column: f.previous.column ?? 1 } : positionOf(f.previous.file, f.previous.pointer, true);
      g = { ...f, previous: { ...f.previous, file: back(f.previous.file), line: at.line, column: at.column } };
    }
    if (!g.file.startsWith(prefix)) return g;
    const pos = g.line
      ? { line: g.line, column: g.column ?? 1, endLine: g.endLine ?? g.line, endColumn: g.endColumn ?? g.column ?? 1 }
      : positionOf(g.file, g.pointer, g.onKey);
    return { ...g, ...pos, file: back(g.file), sourceFile: g.file };
  });
}
