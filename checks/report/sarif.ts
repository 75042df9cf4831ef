/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
 *
 * Paths are relative to the working directory under `%SRCROOT%`, which is what
 * code scanning maps onto the repository when the command runs at its root.
 */
import { createHash } from 'node:crypto';
import { SEVERITY_RANK, type ReportedFinding, type Severity } from '../../contracts/finding.js';
import { createPathFormatter, visibleFindings } from './shared.js';
import type { ReportContext, Reporter } from './types.js';

/** Code scanning accepts at most this many results per run. */
export const SARIF_MAX_RESULTS = 25_000;

/** The key under which results carry contractkit's own fingerprint. */
export const SARIF_FINGERPRINT_KEY = 'contractkitFindingHash/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Renders one SARIF log with one run. */
export const sarifReporter: Reporter = (all, ctx) => {
  const findings = visibleFindings(all, ctx);
  const kept = capResults(findings, SARIF_MAX_RESULTS);
  const ruleIds = [...new Set(kept.map((f) => f.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'contractkit',
        version: ctx.toolVersion,
        rules: ruleIds.map((id) => ruleDescriptor(id, ctx, kept)),
      },
    },
  };
  // Distinguishes a lint upload from a breaking-change upload of the same commit.
  if (ctx.title) run.automationDetails = { id: `contractkit/${ctx.title}/` };
  if (kept.length < findings.length) {
    run.invocations = [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: {
              text:
                `Only ${kept.length} of ${findings.length} results are included: code scanning accepts at most ` +
                `${SARIF_MAX_RESULTS} per run. Errors are kept first; run with --format json for the full list.`,
            },
          },
        ],
      },
    ];
  }
  run.columnKind = 'utf16CodeUnits';
  const pathOf = createPathFormatter(ctx.cwd);
  run.results = kept.map((f) => result(f, pathOf(f.file), ruleIndex.get(f.ruleId)!, f.previous && pathOf(f.previous.file)));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** The most severe `max` findings, in their original order. */
function capResults(findings: readonly ReportedFinding[], max: number): readonly ReportedFinding[] {
  if (findings.length <= max) return findings;
  const order = findings.map((f, i) => ({ f, i }));
  order.sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i);
  const keep = new Set(order.slice(0, max).map((x) => x.i));
  return findings.filter((_, i) => keep.has(i));
}

function ruleDescriptor(id: string, ctx: ReportContext, findings: readonly ReportedFinding[]): Record<string, unknown> {
  const docs = ctx.ruleDocs?.(id);
  const descriptor: Record<string, unknown> = {
    id,
    shortDescription: { text: docs?.description ?? id },
  };
  if (docs?.helpUri) descriptor.helpUri = docs.helpUri;
  // The most severe level the rule reported at in this run.
  const severity = findings
    .filter((f) => f.ruleId === id)
    .reduce<Severity>((s, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[s] ? f.severity : s), 'info');
  descriptor.defaultConfiguration = { level: LEVEL[severity] };
  return descriptor;
}

function result(f: ReportedFinding, file: string, ruleIndex: number, previousFile?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.hint ? `${f.message}\n${f.hint}` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUriReference(file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprint(f, file) },
  };
  // a removed element: where it was in the previous version
  if (f.previous && previousFile !== undefined) {
    out.relatedLocations = [
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: toUriReference(previousFile), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.previous.line, startColumn: f.previous.column },
        },
        message: { text: 'Where it was in the previous version' },
      },
    ];
  }
  return out;
}

/**
 * A fingerprint that survives unrelated edits: the rule, the file, the JSON
 * pointer and the message, not the line (lines move when text is added above).
 * Findings without a pointer (proto, buf) fall back to their line and column.
 */
export function fingerprint(f: ReportedFinding, relativeFile: string): string {
  const where = f.pointer ?? `${f.line}:${f.column}`;
  return createHash('sha256').update([f.ruleId, relativeFile, where, f.message].join('\0')).digest('hex').slice(0, 32);
}

/** Percent-encodes each path segment so the path is a valid URI reference. */
function toUriReference(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}
