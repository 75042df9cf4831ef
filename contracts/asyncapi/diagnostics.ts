/**
 * Turns @asyncapi/parser diagnostics (Spectral results) into Findings.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Diagnostic } from '@asyncapi/parser';
import type { Finding, Severity } from '../finding.js';
import { toPointer } from '../source/positions.js';

/** Spectral's DiagnosticSeverity numbers: Error 0, Warning 1, Information 2, Hint 3. */
const SEVERITIES: Record<number, Severity | undefined> = { 0: 'error', 1: 'warning', 2: 'info' };

/** Hints for the parser's rule codes we know; anything else gets a generic one. */
const HINTS: Record<string, string> = {
  'asyncapi-is-asyncapi': 'Start the document with `asyncapi: 3.0.0` (or 2.6.0) and follow that version of the specification.',
  'asyncapi-document-resolved': 'Fix the document so it matches the AsyncAPI schema of its version (https://www.asyncapi.com/docs/reference/specification).',
  'asyncapi-document-unresolved': 'Fix the document so it matches the AsyncAPI schema of its version (before `$ref`s are resolved).',
  'invalid-ref': 'Check the `$ref`: the file must exist (paths are relative to the referring file) and the fragment must point at an existing node.',
  parser: 'Fix the YAML syntax at this position.',
};

/** Maps one parser diagnostic; returns undefined for hints (Spectral's lowest level, noise for users). */
export function diagnosticToFinding(d: Diagnostic, entryFile: string): Finding | undefined {
  const severity = SEVERITIES[d.severity as number];
  if (!severity) return undefined;
  const code = String(d.code);
  const file = d.source ? (isAbsolute(d.source) ? d.source : resolve(d.source)) : entryFile;
  const finding: Finding = {
    ruleId: ruleIdFor(code),
    severity,
    kind: 'asyncapi',
    file,
    message: d.message,
    hint: HINTS[code] ?? `Reported by the AsyncAPI parser (${code}).`,
  };
  if (d.path && d.path.length > 0) finding.pointer = toPointer(d.path.map(String));
  // Spectral ranges are 0-based; ours are 1-based. A range at 0:0 with a non-empty
  // path is Spectral's "position unknown": leave it to the pointer.
  const r = d.range;
  const unknown = r && r.start.line === 0 && r.start.character === 0 && r.end.line === 0 && r.end.character === 0 && finding.pointer;
  if (r && !unknown) {
    finding.line = r.start.line + 1;
    finding.column = r.start.character + 1;
    finding.endLine = r.end.line + 1;
    finding.endColumn = r.end.character + 1;
  }
  return finding;
}

/** `load/asyncapi-…` ids: the parser's own `asyncapi-*` codes keep their name, others get the prefix. */
export function ruleIdFor(code: string): string {
  if (code === 'parser') return 'load/invalid-yaml';
  if (code === 'invalid-ref') return 'load/unresolved-ref';
  if (code === 'asyncapi-is-asyncapi') return 'load/not-asyncapi';
  return code.startsWith('asyncapi') ? `load/${code}` : `load/asyncapi-${code}`;
}
