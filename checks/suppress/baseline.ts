/**
 * Baselines: adopt contractkit on a legacy repository by recording today's
 * findings (`contractkit lint --update-baseline`) and reporting only new ones.
 * Entries match on rule, file and pointer (or message when there is no
 * pointer), not on line numbers, so edits elsewhere in a file keep them valid.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Finding } from '../../contracts/finding.js';
import { ConfigError } from '../../contracts/errors.js';

interface BaselineEntry {
  ruleId: string;
  file: string;
  pointer: string | null;
  message: string;
}

function key(e: BaselineEntry): string {
  return e.pointer !== null ? `${e.ruleId}\0${e.file}\0${e.pointer}` : `${e.ruleId}\0${e.file}\0\0${e.message}`;
}

function entryOf(f: Finding, base: string): BaselineEntry {
  return { ruleId: f.ruleId, file: relative(base, f.file).split(sep).join('/'), pointer: f.pointer ?? null, message: f.message };
}

/** Writes the baseline of `findings` (sorted, relative paths, so it diffs well in review). */
export function writeBaseline(path: string, findings: readonly Finding[]): number {
  const base = dirname(path);
  const entries = findings
    .map((f) => entryOf(f, base))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const unique = entries.filter((e, i) => i === 0 || key(e) !== key(entries[i - 1]!));
  writeFileSync(path, JSON.stringify({ version: 1, findings: unique }, null, 2) + '\n');
  return unique.length;
}

/** Drops findings recorded in the baseline at `path`; everything passes through when there is none. */
export function applyBaseline(findings: readonly Finding[], path: string): Finding[] {
  if (!existsSync(path)) return [...findings];
  let data: { version?: number; findings?: BaselineEntry[] };
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`Invalid baseline ${path}`, [
      { ruleId: 'config/invalid-baseline', severity: 'error', kind: 'config', file: path, line: 1, column: 1, message: `The baseline is not valid JSON: ${(err as Error).message}`, hint: 'Recreate it with `contractkit lint --update-baseline`.' },
    ]);
  }
  const known = new Set((data.findings ?? []).map(key));
  const base = dirname(resolve(path));
  return findings.filter((f) => !known.has(key(entryOf(f, base))));
}
