/**
 * The default, human-facing format: findings grouped by file, each with its
 * position, severity, message, rule id, hint and a code frame, then a summary.
 */
import pc from 'picocolors';
import { summarize, type ReportedFinding, type Severity } from '../../contracts/finding.js';
import { getSourceText } from '../../contracts/source/positions.js';
import { codeFrame } from './code-frame.js';
import { countOf, previousNote, relativePath, visibleFindings } from './shared.js';
import type { Reporter } from './types.js';

/**
 * Renders findings for a terminal. Example (colours off):
 *
 * ```
 * api/orders.yaml
 *   12:5  error  Path segment `getOrders` is a verb  path-no-verbs
 *         Name the resource instead: `/orders`.
 *     10 |   paths:
 *   > 12 |     /getOrders:
 *        |     ^^^^^^^^^^
 *
 * ✖ 1 problem (1 error, 0 warnings, 0 infos)
 * ```
 */
export const stylishReporter: Reporter = (all, ctx) => {
  const c = pc.createColors(ctx.color);
  const findings = visibleFindings(all, ctx);
  const summary = summarize(findings);
  if (findings.length === 0) return c.green('✔ No problems found') + '\n';

  const paintSeverity: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  for (const [file, group] of groupByFile(findings)) {
    out.push(c.underline(relativePath(ctx.cwd, file)));
    const posWidth = Math.max(...group.map((f) => `${f.line}:${f.column}`.length));
    const sevWidth = Math.max(...group.map((f) => f.severity.length));
    for (const f of group) {
      const text = getSourceText(f.sourceFile ?? file);
      const pos = `${f.line}:${f.column}`.padEnd(posWidth);
      const sev = paintSeverity[f.severity](f.severity.padEnd(sevWidth));
      out.push(`  ${c.dim(pos)}  ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
      const indent = ' '.repeat(2 + posWidth + 2);
      const previous = previousNote(f, (p) => relativePath(ctx.cwd, p));
      if (previous) out.push(indent + c.dim(previous));
      if (f.hint) out.push(...f.hint.split('\n').map((l) => indent + c.dim(l)));
      const frame = text === undefined ? '' : codeFrame(text, f, { colors: c, indent: '  ' });
      if (frame) out.push(frame);
    }
    out.push('');
  }
  const mark = summary.errors > 0 ? c.red : summary.warnings > 0 ? c.yellow : c.blue;
  out.push(
    mark(
      c.bold(
        `✖ ${countOf(findings.length, 'problem')} (${countOf(summary.errors, 'error')}, ` +
          `${countOf(summary.warnings, 'warning')}, ${countOf(summary.infos, 'info')})`,
      ),
    ),
  );
  return out.join('\n') + '\n';
};

/** Groups findings by file, keeping their order. */
function groupByFile(findings: readonly ReportedFinding[]): Map<string, ReportedFinding[]> {
  const groups = new Map<string, ReportedFinding[]>();
  for (const f of findings) {
    const list = groups.get(f.file);
    if (list) list.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}
