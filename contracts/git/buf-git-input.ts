/**
 * buf's spelling of a git input (`.git#branch=main`, `.git#tag=v1`,
 * `.git#ref=<sha>,subdir=proto`), accepted by `--against` so commands copied
 * from a buf setup work unchanged. Only the local repository's `.git` is
 * accepted: the text cannot mean anything else there.
 */
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { gitTopLevel, refExists } from './at-ref.js';

/** A git input in buf's syntax, resolved to a ref of this clone. */
export interface BufGitInput {
  /** What git is asked for: `refs/heads/main`, `refs/tags/v1`, a sha, `HEAD~1`. */
  ref: string;
  /** How the user named it, for messages (`branch \`main\``). */
  label: string;
  /** Directory inside the ref's tree that holds the previous version (`subdir=`). */
  subdir?: string;
}

const KNOWN = ['branch', 'tag', 'ref', 'commit', 'subdir', 'depth', 'format'];

/** True when `against` is written as buf writes a git input (`<path>.git#…`). */
export function isBufGitInput(against: string): boolean {
  return /(^|[/\\])\.git(#|$)/.test(against) && against.includes('#');
}

/**
 * Parses `against` in buf's git syntax and resolves it in the repository of `cwd`.
 * `branch=X` is the local branch, else `origin/X` (CI clones often have only
 * the remote one); `tag=X` a tag; `ref=X` (and buf's older `commit=X`) any
 * commit-ish. `depth` is accepted and has no meaning for a local clone.
 * @throws UsageError for another repository's `.git`, unknown keys, or a ref that is not there.
 */
export function parseBufGitInput(against: string, cwd: string): BufGitInput {
  const hash = against.indexOf('#');
  const path = against.slice(0, hash);
  const top = gitTopLevel(cwd);
  if (!top) throw new UsageError(`--against ${against}: ${cwd} is not inside a git repository.`);
  if (resolve(cwd, path) !== resolve(top, '.git')) {
    throw new UsageError(`--against ${against}: only this repository's own \`.git\` (${resolve(top, '.git')}) can be compared against; check out the other repository and give its directory instead.`);
  }
  const options = new Map<string, string>();
  for (const part of against.slice(hash + 1).split(',').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!KNOWN.includes(key)) {
      throw new UsageError(`--against ${against}: \`${key}\` is not supported here; use branch=, tag= or ref= (with subdir= optionally).`);
    }
    if (eq < 0 || eq === part.length - 1) throw new UsageError(`--against ${against}: \`${key}\` needs a value (\`${key}=…\`).`);
    options.set(key, part.slice(eq + 1));
  }
  if (options.has('format') && options.get('format') !== 'git') throw new UsageError(`--against ${against}: only format=git is a git input.`);
  const named = ['branch', 'tag', 'ref', 'commit'].filter((k) => options.has(k));
  if (named.length > 1) throw new UsageError(`--against ${against}: give one of branch=, tag= or ref=, not ${named.join(' and ')}.`);
  const subdir = options.get('subdir');
  const base = { ...(subdir !== undefined ? { subdir } : {}) };
  const branch = options.get('branch');
  if (branch !== undefined) {
    for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) if (refExists(ref, top)) return { ref, label: `branch \`${branch}\``, ...base };
    throw new UsageError(`--against ${against}: no branch \`${branch}\` here (neither local nor origin/${branch}); fetch it first, e.g. \`git fetch origin ${branch}\`.`);
  }
  const tag = options.get('tag');
  if (tag !== undefined) {
    if (refExists(`refs/tags/${tag}`, top)) return { ref: `refs/tags/${tag}`, label: `tag \`${tag}\``, ...base };
    throw new UsageError(`--against ${against}: no tag \`${tag}\` here; fetch tags first (\`git fetch --tags\`).`);
  }
  const ref = options.get('ref') ?? options.get('commit');
  if (ref !== undefined) return { ref, label: `ref \`${ref}\``, ...base };
  // buf's default for a git input without a ref is the default branch: here, the checked-out one
  return { ref: 'HEAD', label: 'HEAD', ...base };
}
