/**
 * The generate cache: a target whose inputs and outputs are unchanged since
 * its last run is skipped without loading the contract. An entry is keyed by
 * the tool version, the generator's code, the target (name, output directory,
 * options) and the contract; it is valid while every input file (the contract
 * and every file it references; for proto modules every .proto and buf file
 * under the root, so a new file counts) and every file the target wrote still
 * has the content hash recorded. Checking that costs a hash of each file, not a load.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractSpec } from '../../contracts/load/types.js';
import type { Contract } from '../../contracts/model/types.js';
import { confinedPath } from './writer.js';
import type { GeneratedFile } from './registry.js';

/** What identifies one target's run. */
export interface CacheTarget {
  target: string;
  out: string;
  options: Record<string, unknown>;
  contract: Pick<ContractSpec, 'kind' | 'path' | 'name'>;
}

interface CacheEntry {
  key: string;
  inputs: Record<string, string>;
  /** Proto module roots: walked again on lookup, so an added .proto file invalidates the entry. */
  protoRoots: string[];
  /** Output paths (relative to `out`) and the hashes of what was written. */
  outputs: Record<string, string>;
}

/** Bumped whenever the entry format changes. */
const CACHE_FORMAT = 1;

function sha(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

function hashFile(path: string): string {
  try {
    return sha(readFileSync(path));
  } catch {
    return 'missing';
  }
}

function protoTree(root: string, out: Record<string, string>): void {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(root, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) protoTree(p, out);
    else if (e.isFile() && (e.name.endsWith('.proto') || /^buf(\.work)?\.(yaml|lock)$/.test(e.name))) out[p] = hashFile(p);
  }
}

/** Content hashes of every file `contracts` were read from (plus `extra` files such as the config). */
export function contractInputs(contracts: readonly Contract[], extra: readonly string[] = []): { files: Record<string, string>; protoRoots: string[] } {
  const files: Record<string, string> = {};
  const protoRoots: string[] = [];
  for (const c of contracts) {
    if (c.kind === 'proto') {
      protoRoots.push(c.root);
      protoTree(c.root, files);
    }
    for (const f of c.files) files[f] ??= hashFile(f);
    files[c.file] ??= hashFile(c.file);
  }
  for (const f of extra) files[f] ??= hashFile(f);
  return { files, protoRoots };
}

/**
 * A fingerprint of code that shapes the output (the generator's module
 * directory and its templates): sizes and modification times, so a changed
 * generator in a development checkout is not answered from the cache.
 */
export function codeFingerprint(dirs: readonly string[]): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const s = statSync(p);
        parts.push(`${p}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  for (const d of dirs) walk(d);
  return sha(parts.sort().join('\n'));
}

/** The cache of one target in `dir` (`.contractkit-cache/` beside the config). */
export function createGenerateCache(dir: string, version: string, code: string, target: CacheTarget) {
  const key = sha(JSON.stringify([CACHE_FORMAT, version, code, target.target, target.out, target.options, [target.contract.kind, target.contract.path, target.contract.name]]));
  const file = join(dir, `generate-${key.slice(0, 16)}.json`);
  return {
    /** True when the last run's inputs and outputs are all unchanged: nothing to regenerate. */
    fresh(): boolean {
      if (!existsSync(file)) return false;
      try {
        const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
        if (entry.key !== key) return false;
        for (const [path, hash] of Object.entries(entry.inputs)) if (hashFile(path) !== hash) return false;
        const now: Record<string, string> = {};
        for (const root of entry.protoRoots) protoTree(root, now);
        if (Object.keys(now).some((p) => !(p in entry.inputs))) return false;
        for (const [path, hash] of Object.entries(entry.outputs)) if (hashFile(confinedPath(target.out, path)) !== hash) return false;
        return true;
      } catch {
        return false;
      }
    },
    /** The input files of the last run (for watching), if any. */
    inputFiles(): string[] {
      try {
        return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as CacheEntry).inputs);
      } catch {
        return [];
      }
    },
    /** Records a run: the inputs' hashes and what was generated. */
    store(inputs: { files: Record<string, string>; protoRoots: string[] }, outputs: readonly GeneratedFile[]): void {
      try {
        mkdirSync(dir, { recursive: true });
        if (!existsSync(join(dir, '.gitignore'))) writeFileSync(join(dir, '.gitignore'), '*\n');
        const entry: CacheEntry = { key, inputs: inputs.files, protoRoots: inputs.protoRoots, outputs: Object.fromEntries(outputs.map((f) => [f.path, sha(f.content)])) };
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(entry));
        renameSync(tmp, file);
      } catch {
        // a cache that cannot be written only costs speed
      }
    },
  };
}

/** One target's cache. */
export type GenerateCache = ReturnType<typeof createGenerateCache>;
