/**
 * The lint cache: a run over unchanged files is answered from the last run's
 * findings. The key is the tool version, the settings and the list of
 * contracts; an entry is valid while every file it was computed from has the
 * same content hash (for proto modules and GraphQL subgraph folders, every
 * .proto / SDL file and buf config under the root, so a new file invalidates it too).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../contracts/finding.js';
import type { Contract } from '../../contracts/model/types.js';
import type { ContractSpec } from '../../contracts/load/types.js';
import { contentHash, hashFile, hashTree } from '../../contracts/source/file-hash.js';

interface CacheEntry {
  key: string;
  files: Record<string, string>;
  /** Proto module roots and GraphQL subgraph folders: listed again on lookup, so an added file invalidates the entry. */
  protoRoots: string[];
  findings: Finding[];
}

/** What a proto module build or a GraphQL subgraph folder reads: .proto and SDL files, buf's config. */
const isTreeInput = (name: string) => /\.(proto|graphql|gql|graphqls)$/.test(name) || /^buf(\.work)?\.(yaml|lock)$/.test(name);

function protoTree(root: string, out: Record<string, string>): void {
  hashTree(root, isTreeInput, out);
}

/** Directories whose listing an entry depends on: proto roots, and GraphQL contracts read from a folder. */
export function watchedRoots(contracts: readonly Contract[]): string[] {
  return contracts.flatMap((c) => (c.kind === 'proto' ? [c.root] : c.kind === 'graphql' && !c.files.includes(c.file) ? [c.file] : []));
}

/** Content hashes of everything `contracts` were read from. */
export function inputHashes(contracts: readonly Contract[], extra: readonly string[] = []): Record<string, string> {
  const files: Record<string, string> = {};
  for (const c of contracts) {
    if (c.kind === 'proto') protoTree(c.root, files);
    else if (c.kind === 'graphql' && !c.files.includes(c.file)) protoTree(c.file, files);
    for (const f of c.files) files[f] ??= hashFile(f);
    files[c.file] ??= hashFile(c.file);
  }
  for (const f of extra) files[f] ??= hashFile(f);
  return files;
}

/** Bumped whenever what the cache stores changes shape (2: positions resolved). */
const CACHE_FORMAT = 2;

/** A lint cache in `dir` (`.contractkit-cache/` beside the config). */
export function createLintCache(dir: string, version: string, settings: unknown, specs: readonly ContractSpec[]) {
  const key = contentHash(JSON.stringify([CACHE_FORMAT, version, settings, specs.map((s) => [s.kind, s.path, s.name, s.subgraph ?? null, s.url ?? null])]));
  const file = join(dir, `lint-${key.slice(0, 16)}.json`);
  return {
    /** The cached findings when every input is unchanged. */
    lookup(): Finding[] | undefined {
      if (!existsSync(file)) return undefined;
      try {
        const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
        if (entry.key !== key) return undefined;
        for (const [path, hash] of Object.entries(entry.files)) if (hashFile(path) !== hash) return undefined;
        const now: Record<string, string> = {};
        for (const root of entry.protoRoots) protoTree(root, now);
        if (Object.keys(now).some((p) => !(p in entry.files))) return undefined;
        return entry.findings;
      } catch {
        return undefined;
      }
    },
    /** Records findings with the hashes of their inputs. */
    store(findings: readonly Finding[], files: Record<string, string>, protoRoots: string[]): void {
      try {
        mkdirSync(dir, { recursive: true });
        if (!existsSync(join(dir, '.gitignore'))) writeFileSync(join(dir, '.gitignore'), '*\n');
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ key, files, protoRoots, findings: [...findings] } satisfies CacheEntry));
        renameSync(tmp, file);
      } catch {
        // a cache that cannot be written only costs speed
      }
    },
  };
}
