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
  return {
    ref,
    repoRoot,
    dir,
    mapPath: (p) => join(dir, relative(repoRoot, resolve(cwd, p))),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
