/**
 * Small helpers every report format shares: relative paths, the quiet
 * filter and the wording of counts.
 */
import { relative, sep } from 'node:path';
import type { ReportedFinding, Severity, Summary } from '../../contracts/finding.js';
import type { ReportContext } from './types.js';

/** `file` relative to `cwd`, with forward slashes on every platform. */
export function relativePath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel === '' ? file : rel).split(sep).join('/');
}

/** A memoized {@link relativePath} for one report (a large report names few files many times). */
export function createPathFormatter(cwd: string): (file: string) => string {
  const cache = new Map<string, string>();
  return (file) => {
    let rel = cache.get(file);
    if (rel === undefined) cache.set(file, (rel = relativePath(cwd, file)));
    return rel;
  };
}

/** The findings a report shows: all of them, or only errors under `quiet`. */
export function visibleFindings(findings: readonly ReportedFinding[], ctx: ReportContext): ReportedFinding[] {
  return ctx.quiet ? findings.filter((f) => f.severity === 'error') : [...findings];
}

/** `1 error`, `2 warnings`, `0 infos`. */
export function countOf(n: number, singular: string): string {
  return `${n} ${singular}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning, 0 infos`. */
export function describeSummary(s: Summary): string {
  return `${countOf(s.errors, 'error')}, ${countOf(s.warnings, 'warning')}, ${countOf(s.infos, 'info')}`;
}

/** `contractkit lint` or plain `contractkit` when no title is given. */
export function reportTitle(ctx: ReportContext): string {
  return ctx.title ? `contractkit ${ctx.title}` : 'contractkit';
}

/** Severities in reporting order. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** `Previously at api/orders.yaml:12:5.` for a finding about something removed, else undefined. */
export function previousNote(f: ReportedFinding, pathOf: (file: string) => string): string | undefined {
  return f.previous ? `Previously at ${pathOf(f.previous.file)}:${f.previous.line}:${f.previous.column}.` : undefined;
}
