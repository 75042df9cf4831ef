/**
 * Loads a handful of contract files into a ContractModel with the real
 * loaders, for rule tests and scripts: `loadModel(dir, ['a.yaml', 'b.saga.yaml'])`.
 * The kind is read from the name (`.saga.yaml`, `.proto` directory with
 * `buf.yaml`, `openapi:`/`asyncapi:` at the top of the file).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Finding } from '../../../../contracts/finding.js';
import { loadContracts } from '../../../../contracts/load/load-all.js';
import type { ContractSpec, LoadOptions } from '../../../../contracts/load/types.js';
import type { ContractModel } from '../../../../contracts/model/types.js';

/** The kind of the contract at `path`, guessed from its name and first keys. */
export function guessKind(path: string): ContractSpec['kind'] {
  if (existsSync(path) && statSync(path).isDirectory()) return 'proto';
  if (/\.saga\.ya?ml$/.test(path)) return 'saga';
  return /^\s*["']?asyncapi["']?\s*:/m.test(readFileSync(path, 'utf8')) ? 'asyncapi' : 'openapi';
}

/** Loads `files` (relative to `dir`); throws when any fails to load, listing the load errors. */
export async function loadModel(dir: string, files: readonly string[], options: Partial<LoadOptions> = {}): Promise<ContractModel> {
  const specs = files.map((f): ContractSpec => {
    const path = resolve(dir, f);
    return { name: basename(f).replace(/(\.saga)?\.(ya?ml|json)$/, ''), kind: guessKind(path), path };
  });
  const loaded = await loadContracts(specs, { cwd: dir, rootDir: dir, allowRemoteRefs: false, ...options });
  const errors = loaded.findings.filter((f: Finding) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`Fixtures failed to load:\n${errors.map((e) => `${e.file}${e.pointer ?? ''}: ${e.message}`).join('\n')}`);
  return loaded.model;
}

/** 1-based line of the first line of `file` containing `text` (for asserting positions in tests). */
export function lineContaining(file: string, text: string, after = 0): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l, n) => n >= after && l.includes(text));
  if (i < 0) throw new Error(`"${text}" not found in ${file}`);
  return i + 1;
}
