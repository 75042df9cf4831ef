/**
 * Pairs the contracts found under a directory with those found under the
 * directory holding its previous version: the same contract over time, so
 * the two folders may differ in name, and a proto tree may have gained or lost
 * its `buf.yaml` (which moves where discovery finds its root).
 */
import { join, relative, sep } from 'node:path';
import { contractName, discoverContracts } from '../../../contracts/load/discover.js';
import type { ContractSpec } from '../../../contracts/load/types.js';

/** Indexes into the current and previous spec lists; one side is missing for an added or removed contract. */
export interface SpecPair {
  current?: number;
  previous?: number;
}

/** The result of pairing two directories. */
export interface DirectoryPairing {
  current: ContractSpec[];
  previous: ContractSpec[];
  pairs: SpecPair[];
}

/**
 * Pairs the contracts of `currentSpecs` (found under `currentDir`) with the
 * contracts discovered under `previousDir`:
 *
 * 1. Proto trees are compared from the same root on both sides: when one
 *    side's proto root lies inside the other's (a `buf.yaml` added or
 *    removed), both are read from the outer one, so buf sees the same file
 *    names (`shop/v1/shop.proto`) on both sides.
 * 2. Contracts match by kind and path relative to their directory.
 * 3. What is left matches when exactly one contract of a kind is left on each
 *    side (a renamed file or folder).
 */
export function pairDirectories(currentDir: string, currentSpecs: readonly ContractSpec[], previousDir: string | undefined, cwd: string): DirectoryPairing {
  const previousSpecs = previousDir ? discoverContracts([previousDir], cwd).specs : [];
  const roots = outerProtoRoots([
    ...currentSpecs.filter((s) => s.kind === 'proto').map((s) => relativeKey(currentDir, s.path)),
    ...previousSpecs.filter((s) => s.kind === 'proto').map((s) => relativeKey(previousDir!, s.path)),
  ]);
  const current = reroot(currentSpecs, currentDir, roots, cwd);
  const previous = previousDir ? reroot(previousSpecs, previousDir, roots, cwd) : [];

  const pairs: SpecPair[] = [];
  const keyOf = (dir: string, s: ContractSpec) => `${s.kind}\u0000${relativeKey(dir, s.path)}`;
  const prevByKey = new Map(previous.map((s, i) => [keyOf(previousDir!, s), i]));
  const pairedPrev = new Set<number>();
  const leftCurrent: number[] = [];
  current.forEach((s, i) => {
    const j = prevByKey.get(keyOf(currentDir, s));
    if (j === undefined) return leftCurrent.push(i);
    pairs.push({ current: i, previous: j });
    pairedPrev.add(j);
  });
  const leftPrevious = previous.map((_, j) => j).filter((j) => !pairedPrev.has(j));
  for (const i of leftCurrent) {
    const kind = current[i]!.kind;
    const sameKind = (list: number[], specs: ContractSpec[]) => list.filter((k) => specs[k]!.kind === kind);
    const prevOfKind = sameKind(leftPrevious, previous);
    if (prevOfKind.length === 1 && sameKind(leftCurrent, current).length === 1) {
      pairs.push({ current: i, previous: prevOfKind[0] });
      leftPrevious.splice(leftPrevious.indexOf(prevOfKind[0]!), 1);
    } else {
      pairs.push({ current: i });
    }
  }
  for (const j of leftPrevious) pairs.push({ previous: j });
  return { current, previous, pairs };
}

/** `a/b` for `<dir>/a/b`, `.` for the directory itself, with `/` separators. */
function relativeKey(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/') || '.';
}

/** Each proto root → the outermost root (of either side) containing it. */
function outerProtoRoots(keys: string[]): Map<string, string> {
  const inside = (key: string, outer: string) => outer === '.' || key === outer || key.startsWith(outer + '/');
  const out = new Map<string, string>();
  for (const key of keys) {
    const containing = keys.filter((o) => inside(key, o)).sort((a, b) => depth(a) - depth(b));
    out.set(key, containing[0] ?? key);
  }
  return out;
}

const depth = (key: string): number => (key === '.' ? 0 : key.split('/').length);

/** Moves proto specs to their outer root (one spec per root), keeping everything else. */
function reroot(specs: readonly ContractSpec[], dir: string, roots: Map<string, string>, cwd: string): ContractSpec[] {
  const out: ContractSpec[] = [];
  const seen = new Set<string>();
  for (const s of specs) {
    if (s.kind !== 'proto') {
      out.push(s);
      continue;
    }
    const key = roots.get(relativeKey(dir, s.path)) ?? relativeKey(dir, s.path);
    if (seen.has(key)) continue;
    seen.add(key);
    const path = key === '.' ? dir : join(dir, key);
    out.push(path === s.path ? s : { ...s, path, name: contractName(path, cwd) });
  }
  return out;
}
