/**
 * The JSON report, contractkit's stable machine interface (docs/report-json.md).
 *
 * Keys are written in a fixed order and nothing else is added: a change to
 * this shape is a change to `version`.
 */
import { summarize } from '../../contracts/finding.js';
import { createPathFormatter, visibleFindings } from './shared.js';
import type { Reporter } from './types.js';

/** Version of the JSON report's shape; bumped only for incompatible changes. */
export const JSON_REPORT_VERSION = 1;

/** One finding as the JSON report gives it. */
export interface JsonReportFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  pointer: string | null;
  kind: string;
  /** Only on findings about something removed: where it was in the previous version. */
  previous?: { file: string; line: number; column: number };
}

/** The whole JSON report. */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  findings: JsonReportFinding[];
  summary: { errors: number; warnings: number; infos: number };
}

/** Renders `{"version":1,"findings":[…],"summary":{…}}`, two-space indented, with a final newline. */
export const jsonReporter: Reporter = (all, ctx) => {
  const findings = visibleFindings(all, ctx);
  const s = summarize(findings);
  const pathOf = createPathFormatter(ctx.cwd);
  const report: JsonReport = {
    version: JSON_REPORT_VERSION,
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: pathOf(f.file),
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      pointer: f.pointer ?? null,
      kind: f.kind,
      ...(f.previous ? { previous: { file: pathOf(f.previous.file), line: f.previous.line, column: f.previous.column } } : {}),
    })),
    summary: { errors: s.errors, warnings: s.warnings, infos: s.infos },
  };
  return JSON.stringify(report, null, 2) + '\n';
};
