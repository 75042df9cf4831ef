/**
 * The project a config belongs to: the nearest directory at or above it that
 * holds `.git` (a directory, or a file in a worktree), else the config's own
 * directory. Found without spawning git, so loading a config stays cheap.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isOutside, realOrResolved } from '../openapi/resolver.js';

/** The project root of `dir` (see the module comment); `fallback` (default `dir`) when no `.git` is above it. */
export function projectRootOf(dir: string, fallback = dir): string {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return resolve(fallback);
  }
}

/** True when `file` (symlinks followed) lies outside `root`. */
export function outsideProject(root: string, file: string): boolean {
  return isOutside(realOrResolved(root), realOrResolved(file));
}
