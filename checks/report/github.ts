/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice`
 * annotation per finding, then a plain summary line (GitHub shows only 10
 * annotations of each level per step and 50 per job).
 */
import { summarize, type Severity } from '../../contracts/finding.js';
import { countOf, createPathFormatter, describeSummary, previousNote, reportTitle, visibleFindings } from './shared.js';
import type { Reporter } from './types.js';

/** How many annotations of one level GitHub shows for a step. */
export const GITHUB_ANNOTATIONS_SHOWN_PER_LEVEL = 10;

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command's message (as @actions/core does). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value, where `:` and `,` are separators too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Renders annotations and a summary line. */
export const githubReporter: Reporter = (all, ctx) => {
  const findings = visibleFindings(all, ctx);
  const out: string[] = [];
  const pathOf = createPathFormatter(ctx.cwd);
  for (const f of findings) {
    const props: string[] = [`file=${escapeProperty(pathOf(f.file))}`, `line=${f.line}`];
    // GitHub rejects columns on an annotation that spans lines.
    if (f.endLine === f.line) props.push(`col=${f.column}`);
    props.push(`endLine=${f.endLine}`);
    if (f.endLine === f.line) props.push(`endColumn=${f.endColumn}`);
    props.push(`title=${escapeProperty(f.ruleId)}`);
    const message = [f.message, previousNote(f, pathOf), f.hint].filter(Boolean).join('\n');
    out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(message)}`);
  }
  const s = summarize(findings);
  if (findings.length === 0) {
    out.push(`${reportTitle(ctx)}: no problems found`);
  } else {
    out.push(`${reportTitle(ctx)}: ${countOf(findings.length, 'problem')} (${describeSummary(s)})`);
    const most = Math.max(s.errors, s.warnings, s.infos);
    if (most > GITHUB_ANNOTATIONS_SHOWN_PER_LEVEL) {
      out.push(
        `GitHub shows only ${GITHUB_ANNOTATIONS_SHOWN_PER_LEVEL} annotations of each level per step; ` +
          'run with --format stylish or upload --format sarif to see them all.',
      );
    }
  }
  return out.join('\n') + '\n';
};
