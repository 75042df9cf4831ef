/**
 * Suppressions of breaking-change findings, applied after the engines ran:
 *
 * 1. `x-contractkit-allow-breaking` notes in the current documents: a note
 *    `{ reason: …, rules?: [ids] }` on an element (an OpenAPI operation,
 *    schema or parameter; an AsyncAPI message or channel) acknowledges the
 *    findings at or under that element, following `$ref`s, so a note on a
 *    shared schema covers every use. A note without a reason suppresses
 *    nothing and is itself an error; a note that acknowledges nothing is
 *    listed (info) so it gets removed after the release.
 * 2. The ignore file (`breaking.ignoreFile`, default
 *    `.contractkit-breaking-ignore.yaml` beside the config), through the
 *    shared ignore-file module: entries with rule, file, pointer or line,
 *    reason and optional expiry; expired entries fail the run.
 */
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Finding, Severity } from '../../contracts/finding.js';
import { atOrAbove } from '../../contracts/finding.js';
import { applyIgnoreFile, readIgnoreFile } from '../suppress/ignore-file.js';
import { getSourceText, pointerSegments, toPointer } from '../../contracts/source/positions.js';

/** The extension that acknowledges breaking changes on an element. */
export const ALLOW_BREAKING_EXTENSION = 'x-contractkit-allow-breaking';

/** The ignore file's name when the config names none. */
export const DEFAULT_BREAKING_IGNORE_FILE = '.contractkit-breaking-ignore.yaml';

/** Options of {@link applyBreakingSuppressions}. */
export interface BreakingSuppressionOptions {
  /** Files of the current contracts (YAML/JSON ones are searched for notes). */
  files: readonly string[];
  /** Absolute path of the ignore file; nothing happens when it does not exist. */
  ignoreFile?: string;
  /** Lowest level reported (unused notes are info). */
  level: Severity;
  today?: Date;
}

/** A note found in a document. */
interface Note {
  file: string;
  pointer: string;
  reason?: string;
  rules?: string[];
  invalid?: string;
  used: boolean;
}

/**
 * Suppressions of one run, built once: `filter` drops what a note or an ignore
 * entry covers (engines call it before their versioning rules count breaking
 * changes, so an accepted change does not ask for a new version), `extras`
 * lists invalid and unused notes and expired ignore entries, once, at the end.
 */
export interface BreakingSuppressor {
  filter(findings: readonly Finding[]): Finding[];
  extras(): Finding[];
}

/** Creates the suppressor of a run. @throws ConfigError when the ignore file is invalid. */
export function createBreakingSuppressor(options: BreakingSuppressionOptions): BreakingSuppressor {
  const docs = createDocCache();
  const notes = new Map<string, Note>();
  for (const file of options.files) if (/\.(ya?ml|json)$/i.test(file)) collectNotes(file, docs.get(file), [], notes);
  const ignore = options.ignoreFile ? readIgnoreFile(options.ignoreFile) : undefined;
  const seen: Finding[] = [];
  return {
    filter(findings) {
      seen.push(...findings);
      const afterNotes = notes.size === 0 ? [...findings] : findings.filter((f) => !coveredByNote(f, docs, notes));
      // expired entries are reported by `extras`, once
      return ignore ? applyIgnoreFile(afterNotes, { ...ignore, entries: ignore.entries.filter((e) => !isExpired(e.expires, options.today)) }) : afterNotes;
    },
    extras() {
      const out = noteFindings(notes, seen, options.level);
      if (ignore) out.push(...applyIgnoreFile([], { ...ignore, entries: ignore.entries.filter((e) => isExpired(e.expires, options.today)) }, options.today));
      return out;
    },
  };
}

function isExpired(expires: string | undefined, today = new Date()): boolean {
  return expires !== undefined && expires < today.toISOString().slice(0, 10);
}

/** Applies notes, then the ignore file, in one go (for callers without versioning rules to feed). @throws ConfigError when the ignore file is invalid. */
export function applyBreakingSuppressions(findings: readonly Finding[], options: BreakingSuppressionOptions): Finding[] {
  const suppressor = createBreakingSuppressor(options);
  return [...suppressor.filter(findings), ...suppressor.extras()];
}

/** Drops the findings a valid note covers; adds errors for invalid notes and info for unused ones. */
export function applyAllowBreakingNotes(findings: readonly Finding[], files: readonly string[], level: Severity = 'info'): Finding[] {
  const suppressor = createBreakingSuppressor({ files, level });
  return [...suppressor.filter(findings), ...suppressor.extras()];
}

function coveredByNote(f: Finding, docs: DocCache, notes: Map<string, Note>): boolean {
  // findings about removed elements point into the previous version: no note there can acknowledge them
  const covering = f.sourceFile || f.pointer === undefined ? [] : notesAlong(f.file, f.pointer, docs, notes);
  const note = covering.find((n) => !n.invalid && (!n.rules || n.rules.includes(f.ruleId)));
  if (note) note.used = true;
  return note !== undefined;
}

function noteFindings(notes: Map<string, Note>, findings: readonly Finding[], level: Severity): Finding[] {
  const out: Finding[] = [];
  for (const n of notes.values()) {
    if (n.invalid) {
      out.push({
        ruleId: 'allow-breaking-invalid',
        severity: 'error',
        kind: kindOf(n.file, findings),
        file: n.file,
        pointer: `${n.pointer}/${ALLOW_BREAKING_EXTENSION}`,
        onKey: true,
        message: `\`${ALLOW_BREAKING_EXTENSION}\` ${n.invalid}; it acknowledges nothing.`,
        hint: `Write it as \`${ALLOW_BREAKING_EXTENSION}: { reason: "why this break is accepted", rules: [rule-id] }\` (rules optional).`,
      });
    } else if (!n.used && atOrAbove('info', level)) {
      out.push({
        ruleId: 'allow-breaking-unused',
        severity: 'info',
        kind: kindOf(n.file, findings),
        file: n.file,
        pointer: `${n.pointer}/${ALLOW_BREAKING_EXTENSION}`,
        onKey: true,
        message: `\`${ALLOW_BREAKING_EXTENSION}\` acknowledges no breaking change in this comparison (reason: ${n.reason}).`,
        hint: 'Remove the note once the change it acknowledged has been released.',
      });
    }
  }
  return out;
}

function kindOf(file: string, findings: readonly Finding[]): Finding['kind'] {
  return findings.find((f) => f.file === file)?.kind ?? (/asyncapi|events/i.test(file) ? 'asyncapi' : 'openapi');
}

interface DocCache {
  get(file: string): unknown;
}

function createDocCache(): DocCache {
  const cache = new Map<string, unknown>();
  return {
    get(file) {
      if (!cache.has(file)) {
        let value: unknown;
        try {
          const text = getSourceText(file) ?? '';
          // JSON.parse for JSON: the YAML parser takes seconds on an 11 MB description
          value = /^\s*[{[]/.test(text) ? JSON.parse(text) : parse(text, { uniqueKeys: false });
        } catch {
          value = undefined;
        }
        cache.set(file, value);
      }
      return cache.get(file);
    },
  };
}

function collectNotes(file: string, node: unknown, path: string[], into: Map<string, Note>): void {
  if (Array.isArray(node)) return node.forEach((v, i) => collectNotes(file, v, [...path, String(i)], into));
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (ALLOW_BREAKING_EXTENSION in obj) into.set(`${file}#${toPointer(path)}`, readNote(file, toPointer(path), obj[ALLOW_BREAKING_EXTENSION]));
  for (const [k, v] of Object.entries(obj)) if (k !== ALLOW_BREAKING_EXTENSION) collectNotes(file, v, [...path, k], into);
}

function readNote(file: string, pointer: string, raw: unknown): Note {
  const note: Note = { file, pointer, used: false };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ...note, invalid: 'must be an object with a `reason`' };
  const { reason, rules } = raw as Record<string, unknown>;
  if (typeof reason !== 'string' || reason.trim().length < 3) return { ...note, invalid: 'has no `reason`: say why the break is accepted' };
  if (rules !== undefined && (!Array.isArray(rules) || !rules.every((r) => typeof r === 'string'))) return { ...note, invalid: 'has `rules` that is not a list of rule ids' };
  return { ...note, reason: reason.trim(), ...(rules ? { rules: rules as string[] } : {}) };
}

/** The notes on every node from the document root to `pointer`, following `$ref`s into their targets. */
function notesAlong(file: string, pointer: string, docs: DocCache, notes: Map<string, Note>): Note[] {
  const found: Note[] = [];
  const visit = (f: string, path: string[]): void => {
    const n = notes.get(`${f}#${toPointer(path)}`);
    if (n && !found.includes(n)) found.push(n);
  };
  let currentFile = file;
  let path: string[] = [];
  let node: unknown = docs.get(file);
  visit(currentFile, path);
  for (const seg of pointerSegments(pointer)) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    if (node === undefined) break;
    path = [...path, seg];
    visit(currentFile, path);
    for (let hops = 0; hops < 16 && node && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string'; hops++) {
      const ref = (node as { $ref: string }).$ref;
      const [target, fragment = ''] = ref.split('#');
      if (target) currentFile = resolve(dirname(currentFile), target);
      path = pointerSegments(fragment);
      node = path.reduce<unknown>((n, s) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[s] : undefined), docs.get(currentFile));
      visit(currentFile, path);
    }
  }
  return found;
}
