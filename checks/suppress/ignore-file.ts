/**
 * Ignore files: reviewed, explicit suppressions of single findings, each with
 * a reason and an optional expiry date. Shared by lint and breaking.
 *
 * ```yaml
 * # .contractkit-ignore.yaml
 * - rule: path-no-verbs
 *   file: openapi/legacy.yaml        # relative to this file
 *   pointer: /paths/~1getOrders      # or line: 12; neither = every occurrence in the file
 *   reason: Kept for the mobile app until it moves to /orders.
 *   expires: 2027-03-31              # after this date the entry fails the run
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { Ajv } from 'ajv';
import type { Finding } from '../../contracts/finding.js';
import { ConfigError } from '../../contracts/errors.js';
import { setSourceText } from '../../contracts/source/positions.js';
import { schemaErrorsToFindings } from '../../contracts/source/schema-errors.js';

/** One suppression. */
export interface IgnoreEntry {
  rule: string;
  /** Absolute path. */
  file: string;
  pointer?: string;
  line?: number;
  reason: string;
  expires?: string;
  /** Index in the file, for locating the entry in errors. */
  index: number;
}

/** A loaded ignore file. */
export interface IgnoreFile {
  path: string;
  entries: IgnoreEntry[];
}

const schema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['rule', 'file', 'reason'],
    additionalProperties: false,
    properties: {
      rule: { type: 'string', minLength: 1 },
      file: { type: 'string', minLength: 1 },
      pointer: { type: 'string' },
      line: { type: 'integer', minimum: 1 },
      reason: { type: 'string', minLength: 3 },
      expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    },
  },
};
// compiled on first use: a lint run without an ignore file should not pay for it
let validator: ReturnType<Ajv['compile']> | undefined;
const validate = (data: unknown) => (validator ??= new Ajv({ allErrors: true }).compile(schema))(data);

/** Reads an ignore file; undefined when it does not exist. @throws ConfigError when it is invalid (exit 2). */
export function readIgnoreFile(path: string): IgnoreFile | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  setSourceText(path, text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new ConfigError(`Invalid ignore file ${path}`, [
      { ruleId: 'config/invalid-yaml', severity: 'error', kind: 'config', file: path, line: pos.line, column: pos.col, message: `The ignore file is not valid YAML: ${e.message.split('\n')[0]}` },
    ]);
  }
  const data = doc.toJS() ?? [];
  if (!validate(data)) {
    throw new ConfigError(`Invalid ignore file ${path}`, schemaErrorsToFindings(validator?.errors ?? [], path, 'config', 'config/invalid-ignore-file', 'ignore file'));
  }
  const base = dirname(path);
  return {
    path,
    entries: (data as Omit<IgnoreEntry, 'index'>[]).map((e, index) => ({ ...e, file: resolve(base, e.file), index })),
  };
}

/** True when `entry` covers `finding`. */
export function entryMatches(entry: IgnoreEntry, finding: Finding): boolean {
  if (entry.rule !== finding.ruleId || entry.file !== finding.file) return false;
  if (entry.pointer !== undefined) {
    const under = (p: string | undefined) => p !== undefined && (p === entry.pointer || p.startsWith(entry.pointer + '/'));
    // a removal is reported at the element that still exists; an entry may name where the removed element was
    return under(finding.pointer) || under(finding.previous?.pointer);
  }
  if (entry.line !== undefined) return finding.line === entry.line;
  return true;
}

/**
 * Drops the findings an unexpired entry covers. An expired entry suppresses
 * nothing and is itself reported as an error, so the run fails until someone
 * decides again.
 */
export function applyIgnoreFile(findings: readonly Finding[], ignore: IgnoreFile | undefined, today = new Date()): Finding[] {
  if (!ignore) return [...findings];
  const day = today.toISOString().slice(0, 10);
  const live = ignore.entries.filter((e) => !e.expires || e.expires >= day);
  const out = findings.filter((f) => !live.some((e) => entryMatches(e, f)));
  for (const e of ignore.entries) {
    if (e.expires && e.expires < day) {
      out.push({
        ruleId: 'ignore-expired',
        severity: 'error',
        kind: 'config',
        file: ignore.path,
        pointer: `/${e.index}/expires`,
        message: `The ignore entry for ${e.rule} expired on ${e.expires} (reason given: ${e.reason}).`,
        hint: 'Fix the finding, or review the entry and extend `expires` if it still holds.',
      });
    }
  }
  return out;
}
