/**
 * The Node versions package.json declares (`engines.node`) are versions the
 * dependencies accept, read from package-lock.json (what `npm install`
 * installs). What users install (the non-dev packages, and the runtime's peer
 * dependencies) must accept every version we declare; dev packages the oldest
 * one, so contributors and CI on it install without EBADENGINE warnings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';

interface LockPackage {
  name?: string;
  version?: string;
  dev?: boolean;
  engines?: Record<string, string> | string[];
}

const root = packageRoot();
const read = <T>(...path: string[]) => JSON.parse(readFileSync(join(root, ...path), 'utf8')) as T;
const pkg = read<{ engines: { node: string } }>('package.json');
const runtimePkg = read<{ engines?: { node?: string }; peerDependencies: Record<string, string> }>('runtime', 'package.json');
const lock = read<{ packages: Record<string, LockPackage> }>('package-lock.json');

/** The lock's installed packages (not the workspace links), with the Node range each declares. */
function nodeRanges(): { path: string; name: string; dev: boolean; range: string }[] {
  return Object.entries(lock.packages).flatMap(([path, p]) => {
    if (!path.includes('node_modules/')) return [];
    const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
    const name = p.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    return range ? [{ path, name, dev: p.dev === true, range }] : [];
  });
}

describe('declared Node versions (engines.node) against the dependencies', () => {
  const ours = pkg.engines.node;
  const oldest = semver.minVersion(ours)!.version;

  it('the runtime declares the same Node versions as the CLI', () => {
    expect(runtimePkg.engines?.node).toBe(ours);
  });

  it('every package users install accepts every Node version we declare', () => {
    const peers = new Set(Object.keys(runtimePkg.peerDependencies));
    const narrower = nodeRanges()
      .filter((p) => !p.dev || peers.has(p.name))
      .filter((p) => !semver.subset(ours, p.range))
      .map((p) => `${p.path}@${lock.packages[p.path]!.version}: node ${p.range}`);
    expect(narrower, `engines.node is "${ours}", but these accept less`).toEqual([]);
  });

  it(`every package, dev ones too, accepts the oldest declared Node (${oldest})`, () => {
    const excluding = nodeRanges()
      .filter((p) => !semver.satisfies(oldest, p.range))
      .map((p) => `${p.path}@${lock.packages[p.path]!.version}: node ${p.range}`);
    expect(excluding).toEqual([]);
  });
});
