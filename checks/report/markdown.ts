/**
 * Markdown for a pull-request comment: a heading with the counts, then one
 * table per severity, folded into <details> when long.
 */
import { summarize, type ReportedFinding, type Severity } from '../../contracts/finding.js';
import { describeSummary, previousNote, relativePath, reportTitle, SEVERITIES, visibleFindings } from './shared.js';
import type { ReportContext, Reporter } from './types.js';

/** Tables with more rows than this are folded into a <details> block. */
export const MARKDOWN_OPEN_ROWS = 10;
/** Rows shown per severity; GitHub comments hold at most 65,536 characters. */
export const MARKDOWN_MAX_ROWS = 200;

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Infos' };

/** Renders the comment body. */
export const markdownReporter: Reporter = (all, ctx) => {
  const findings = visibleFindings(all, ctx);
  const title = reportTitle(ctx);
  if (findings.length === 0) return `### ✅ ${title}: No problems found\n`;
  const s = summarize(findings);
  const out: string[] = [`### ${s.errors > 0 ? '❌' : '⚠️'} ${title}: ${describeSummary(s)}`];
  for (const severity of SEVERITIES) {
    const rows = findings.filter((f) => f.severity === severity);
    if (rows.length === 0) continue;
    const label = `${HEADINGS[severity]} (${rows.length})`;
    const table = renderTable(rows.slice(0, MARKDOWN_MAX_ROWS), ctx);
    if (rows.length > MARKDOWN_MAX_ROWS) table.push('', `…and ${rows.length - MARKDOWN_MAX_ROWS} more.`);
    out.push('');
    if (rows.length > MARKDOWN_OPEN_ROWS) {
      out.push('<details>', `<summary>${label}</summary>`, '', ...table, '', '</details>');
    } else {
      out.push(`#### ${label}`, '', ...table);
    }
  }
  return out.join('\n') + '\n';
};

function renderTable(rows: readonly ReportedFinding[], ctx: ReportContext): string[] {
  const lines = ['| Location | Rule | Message |', '| --- | --- | --- |'];
  for (const f of rows) {
    const location = codeSpan(`${relativePath(ctx.cwd, f.file)}:${f.line}:${f.column}`);
    const helpUri = ctx.ruleDocs?.(f.ruleId)?.helpUri;
    const rule = helpUri ? `[${codeSpan(f.ruleId)}](${helpUri.replace(/[()|\s]/g, encodeURIComponent)})` : codeSpan(f.ruleId);
    const previous = previousNote(f, (file) => relativePath(ctx.cwd, file));
    const message = inlineText(f.message) + (previous ? `<br>${inlineText(previous)}` : '') + (f.hint ? `<br>${inlineText(f.hint)}` : '');
    lines.push(`| ${location} | ${rule} | ${message} |`);
  }
  return lines;
}

/** A code span holding `s` literally, inside a table cell. */
export function codeSpan(s: string): string {
  const text = s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  // A fence one backtick longer than any run inside, padded when the text touches a backtick.
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Message text for a table cell. Balanced backticks stay code spans (rule
 * messages quote names that way); an odd one is escaped. HTML and pipes are
 * escaped so a message cannot break the table or inject markup.
 */
export function inlineText(s: string): string {
  const parts = s.replace(/\r?\n/g, ' ').split('`');
  const balanced = parts.length % 2 === 1;
  if (!balanced) return escapeText(s.replace(/\r?\n/g, ' ')).replace(/`/g, '\\`');
  return parts.map((p, i) => (i % 2 === 1 ? p.replace(/\|/g, '\\|') : escapeText(p))).join('`');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}
