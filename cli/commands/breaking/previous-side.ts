/**
 * What `--against` names and which previous contract each current one is
 * compared with: a file (the one contract selected), a directory, a git ref
 * (`origin/main`, a tag, `HEAD~1`) or buf's git input syntax
 * (`.git#branch=main,subdir=proto`).
 *
 * A path given on the command line and its previous version are one contract
 * over time: a directory is paired with a directory (whatever either is
 * called), a file with a file. Without paths, the configured contracts are
 * looked up at the same place in the previous tree.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Finding } from '../../../contracts/finding.js';
import { UsageError } from '../../../contracts/errors.js';
import { checkoutRef, mapFindingsBack, type RefTree } from '../../../contracts/git/at-ref.js';
import { isBufGitInput, parseBufGitInput } from '../../../contracts/git/buf-git-input.js';
import { sniffKind } from '../../../contracts/load/sniff-kind.js';
import type { ContractSpec } from '../../../contracts/load/types.js';
import { selectContracts } from '../../select-contracts.js';
import type { CommandContext } from '../../context.js';
import { pairDirectories, type SpecPair } from './pair-contracts.js';

/** Both sides of a comparison, paired, and how to clean up. */
export interface Sides {
  current: ContractSpec[];
  previous: ContractSpec[];
  pairs: SpecPair[];
  /** Root the previous side's `$ref`s must stay in. */
  root: string;
  /** What was looked at, for the message when nothing could be paired (`previous/`, `origin/main`). */
  where: string;
  /** Points findings about the previous tree back at the paths users know. */
  restore(findings: Finding[]): Finding[];
  /** A path of the previous tree as users know it (a git checkout's temporary directory mapped back). */
  shownPath(path: string): string;
  dispose(): void;
}

/** Where the previous version of a current path is, given what `--against` named. */
interface Source {
  root: string;
  where: string;
  /** The same place in the previous tree (it may not exist). */
  mirror(path: string): string | undefined;
  /** The directory that is the previous version of a path given by itself, when not found at the same place. */
  fallbackDir?: string;
  restore(findings: Finding[]): Finding[];
  shownPath(path: string): string;
  dispose(): void;
}

/** Resolves `--against` and pairs the contracts of `paths` (or the config's) with their previous versions. */
export function resolveSides(ctx: CommandContext, paths: readonly string[], against: string): Sides {
  const asPath = resolve(ctx.cwd, against);
  if (!isBufGitInput(against) && existsSync(asPath) && statSync(asPath).isFile()) return againstFile(ctx, paths, against, asPath);
  const source = sourceOf(ctx, against, asPath);
  try {
    return { ...pairAll(ctx, paths, source), root: source.root, where: source.where, restore: source.restore, shownPath: source.shownPath, dispose: source.dispose };
  } catch (err) {
    source.dispose();
    throw err;
  }
}

function againstFile(ctx: CommandContext, paths: readonly string[], against: string, file: string): Sides {
  const current = selectContracts(ctx, paths);
  if (current.length !== 1) throw new UsageError(`breaking: --against ${against} is a file, so name exactly one contract to compare with it (${current.length} selected).`);
  const kind = sniffKind(file);
  if (kind && kind !== current[0]!.kind) {
    throw new UsageError(`breaking: --against ${against} is ${article(kind)} contract, but ${relative(ctx.cwd, current[0]!.path) || '.'} is ${article(current[0]!.kind)} one; compare a contract with a previous version of itself.`);
  }
  return {
    current,
    previous: [{ ...current[0]!, path: file }],
    pairs: [{ current: 0, previous: 0 }],
    root: ctx.loadOptions.rootDir,
    where: against,
    restore: (fs) => fs,
    shownPath: (p) => p,
    dispose: () => {},
  };
}

function article(kind: string): string {
  return kind === 'openapi' ? 'an OpenAPI' : kind === 'asyncapi' ? 'an AsyncAPI' : kind === 'proto' ? 'a proto' : `a ${kind}`;
}

function sourceOf(ctx: CommandContext, against: string, asPath: string): Source {
  const under = (dir: string) => (p: string) => {
    const rel = relative(ctx.cwd, p);
    return rel.startsWith('..') ? undefined : join(dir, rel);
  };
  if (!isBufGitInput(against) && existsSync(asPath) && statSync(asPath).isDirectory() && !looksLikeRef(against)) {
    // the same layout under the directory as under the working directory, else the directory itself
    return { root: asPath, where: against, mirror: under(asPath), fallbackDir: asPath, restore: (fs) => fs, shownPath: (p) => p, dispose: () => {} };
  }
  const input = isBufGitInput(against) ? parseBufGitInput(against, ctx.cwd) : undefined;
  const tree: RefTree = checkoutRef(input?.ref ?? against, ctx.cwd);
  const git = { root: tree.dir, where: against, restore: (fs: Finding[]) => mapFindingsBack(fs, tree), shownPath: (p: string) => join(tree.repoRoot, relative(tree.dir, p)), dispose: () => tree.dispose() };
  if (input?.subdir === undefined) return { ...git, mirror: (p) => tree.mapPath(p) };
  const subdir = join(tree.dir, input.subdir);
  if (!isDirectory(subdir)) {
    tree.dispose();
    throw new UsageError(`--against ${against}: subdir \`${input.subdir}\` is not a directory at ${input.label}.`);
  }
  // subdir= is where the previous version is, whatever the current path is called
  return { ...git, mirror: under(subdir), fallbackDir: subdir };
}

function looksLikeRef(s: string): boolean {
  return /^(origin\/|refs\/|HEAD)/.test(s);
}

/** Pairs each given path (or `.`), or each configured contract, with its previous version. */
function pairAll(ctx: CommandContext, paths: readonly string[], source: Source): Pick<Sides, 'current' | 'previous' | 'pairs'> {
  const out: Pick<Sides, 'current' | 'previous' | 'pairs'> = { current: [], previous: [], pairs: [] };
  const add = (current: ContractSpec[], previous: ContractSpec[], pairs: SpecPair[]) => {
    const [c, p] = [out.current.length, out.previous.length];
    out.current.push(...current);
    out.previous.push(...previous);
    out.pairs.push(...pairs.map((x) => ({ ...(x.current !== undefined ? { current: x.current + c } : {}), ...(x.previous !== undefined ? { previous: x.previous + p } : {}) })));
  };
  const single = (spec: ContractSpec, prev: string | undefined) =>
    prev ? add([spec], [{ ...spec, path: prev }], [{ current: 0, previous: 0 }]) : add([spec], [], [{ current: 0 }]);
  if (paths.length === 0 && ctx.config.contracts.length > 0) {
    // configured contracts: each at the same place in the previous tree
    for (const spec of ctx.config.contracts) {
      const prev = source.mirror(spec.path);
      single(spec, prev && existsSync(prev) && isDirectory(prev) === isDirectory(spec.path) ? prev : undefined);
    }
    return out;
  }
  for (const path of paths.length > 0 ? paths : ['.']) {
    const abs = resolve(ctx.cwd, path);
    const specs = selectContracts(ctx, [path]);
    const mirrored = source.mirror(abs);
    if (isDirectory(abs)) {
      // a directory against a directory: the same place in the previous tree, else the one named
      const prevDir = mirrored && isDirectory(mirrored) ? mirrored : source.fallbackDir;
      const paired = pairDirectories(abs, specs, prevDir, ctx.cwd);
      add(paired.current, paired.previous, paired.pairs);
    } else {
      const beside = source.fallbackDir ? join(source.fallbackDir, basename(abs)) : undefined;
      single(specs[0]!, [mirrored, beside].find((p) => p !== undefined && existsSync(p) && !isDirectory(p)));
    }
  }
  return out;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
