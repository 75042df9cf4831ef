/**
 * Where `generate` may write. A pull request that changes contractkit.yaml (or
 * a script passing `--out`) must not make CI write anywhere: every output
 * directory stays inside the project (the config's directory, or the current
 * directory without a config) unless `--allow-outside-out` is given, and the
 * filesystem root and the home directory are refused even then. An output
 * path naming an existing file is refused too (the writer would fail on it).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, parse, relative, resolve, sep } from 'node:path';

/** What is wrong with an output directory, or undefined when generate may write there. */
export interface OutProblem {
  message: string;
  hint: string;
}

/**
 * Checks `out` (absolute) against the project directory `base`.
 * Symlinks are followed on the existing part of both paths, so a link inside
 * the project that points outside it does not pass.
 */
export function outDirProblem(out: string, base: string, allowOutside: boolean): OutProblem | undefined {
  const real = realExisting(out);
  const home = realExisting(homedir());
  if (real === parse(real).root || out === parse(out).root) {
    return { message: `refusing to write generated files into the filesystem root (${out}).`, hint: 'Choose an output directory inside the project, e.g. `--out src/generated`.' };
  }
  if (real === home) {
    return { message: `refusing to write generated files straight into the home directory (${out}).`, hint: 'Choose an output directory inside the project, e.g. `--out src/generated`.' };
  }
  // the nearest existing path at or above `out` must be a directory, or nothing can be created there
  let existing = out;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) {
    return { message: `the output path ${out} is not a directory: ${existing} is an existing file, not a directory.`, hint: 'Name a directory (it is created when missing), or move the file away.' };
  }
  if (!allowOutside && isOutside(realExisting(base), real)) {
    return {
      message: `the output directory ${out} is outside the project (${base}); generated files stay inside it.`,
      hint: 'Choose a directory inside the project, or pass --allow-outside-out when writing there is intended.',
    };
  }
  return undefined;
}

/** True when `path` is not `root` or inside it. */
function isOutside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel);
}

/** `path` with symlinks followed on its longest existing prefix (the rest appended as written). */
function realExisting(path: string): string {
  const abs = resolve(path);
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(head), ...tail);
    } catch {
      const up = dirname(head);
      if (up === head) return abs;
      tail.unshift(head.slice(up.length).replace(/^[/\\]/, ''));
      head = up;
    }
  }
}
