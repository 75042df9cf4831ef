/**
 * The generate cache: a target whose inputs and outputs are unchanged since
 * its last run is skipped without loading the contract. An entry is keyed by
 * the tool version, the generator's code, the target (name, output directory,
 * options) and the contract; it is valid while every input file (the contract
 * and every file it references; for proto modules every .proto and buf file
 * under the root, so a new file counts) and every file the target wrote still
 * has the content hash recorded. Checking that costs a stat of each file, not
 * a load: a file whose size and modification time are those recorded is not
 * read again (as git's index does). A file modified at or after the moment its
 * hash was recorded could change again within the same clock tick, so such a
 * file is always hashed ("racy" entries, in git's words).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractSpec } from '../../contracts/load/types.js';
import type { Contract } from '../../contracts/model/types.js';
import { contentHash, hashFile, hashTree, treeFiles } from '../../contracts/source/file-hash.js';
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
  /** Absolute path → `size:mtimeMs` when the entry was stored (files older than `storedAt` only). */
  stats: Record<string, string>;
  /** When the entry was stored (ms since the epoch). */
  storedAt: number;
}

/** Bumped whenever the entry format changes. */
const CACHE_FORMAT = 2;

/** `size:mtimeMs` of a file and its modification time; undefined when it cannot be stat'ed. */
function statOf(path: string): { key: string; mtimeMs: number } | undefined {
  try {
    const s = statSync(path);
    return { key: `${s.size}:${s.mtimeMs}`, mtimeMs: s.mtimeMs };
  } catch {
    return undefined;
  }
}

/** Stat keys of files last modified before `before` (the others, and missing files, are always hashed). */
function stableStats(paths: readonly string[], before: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of paths) {
    const s = statOf(p);
    if (s && s.mtimeMs < before) out[p] = s.key;
  }
  return out;
}


/** buf's configuration files at a proto root. */
const BUF_CONFIG_FILES = ['buf.yaml', 'buf.lock', 'buf.work.yaml'];

/** Every .proto and buf file under `root` (what a module build reads). */
const isProtoInput = (name: string) => name.endsWith('.proto') || /^buf(\.work)?\.(yaml|lock)$/.test(name);

function protoFiles(root: string, out: Set<string>): void {
  for (const p of treeFiles(root, isProtoInput)) out.add(p);
}

function protoTree(root: string, out: Record<string, string>): void {
  hashTree(root, isProtoInput, out);
}

/** Content hashes of every file `contracts` were read from (plus `extra` files such as the config). */
export function contractInputs(contracts: readonly Contract[], extra: readonly string[] = []): { files: Record<string, string>; protoRoots: string[] } {
  const files: Record<string, string> = {};
  const protoRoots: string[] = [];
  for (const c of contracts) {
    if (c.kind === 'proto' && c.paths?.length) {
      // a build restricted to `paths` read the selected files, what they import and the buf config, not
      // the whole tree (hashing all of googleapis took longer than generating from it); a file added in a
      // selected directory is noticed by walking those directories again
      for (const p of c.paths) protoRoots.push(join(c.root, p));
      for (const f of [...c.importFiles, ...BUF_CONFIG_FILES.map((n) => join(c.root, n))]) if (existsSync(f)) files[f] ??= hashFile(f);
    } else if (c.kind === 'proto') {
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
  return contentHash(parts.sort().join('\n'));
}

/** The cache of one target in `dir` (`.contractkit-cache/` beside the config). */
export function createGenerateCache(dir: string, version: string, code: string, target: CacheTarget) {
  const key = contentHash(JSON.stringify([CACHE_FORMAT, version, code, target.target, target.out, target.options, [target.contract.kind, target.contract.path, target.contract.name]]));
  const file = join(dir, `generate-${key.slice(0, 16)}.json`);
  return {
    /** True when the last run's inputs and outputs are all unchanged: nothing to regenerate. */
    fresh(): boolean {
      if (!existsSync(file)) return false;
      try {
        const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
        if (entry.key !== key) return false;
        const unchanged = (path: string, hash: string) => {
          const recorded = entry.stats[path];
          return (recorded !== undefined && statOf(path)?.key === recorded) || hashFile(path) === hash;
        };
        for (const [path, hash] of Object.entries(entry.inputs)) if (!unchanged(path, hash)) return false;
        if (entry.protoRoots.length) {
          const now = new Set<string>();
          for (const root of entry.protoRoots) protoFiles(root, now);
          for (const p of now) if (!(p in entry.inputs)) return false;
        }
        for (const [path, hash] of Object.entries(entry.outputs)) if (!unchanged(confinedPath(target.out, path), hash)) return false;
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
        const storedAt = Date.now();
        const paths = [...Object.keys(inputs.files), ...outputs.map((f) => confinedPath(target.out, f.path))];
        const entry: CacheEntry = {
          key,
          inputs: inputs.files,
          protoRoots: inputs.protoRoots,
          outputs: Object.fromEntries(outputs.map((f) => [f.path, contentHash(f.content)])),
          stats: stableStats(paths, storedAt),
          storedAt,
        };
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
