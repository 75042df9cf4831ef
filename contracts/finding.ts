/**
 * The one finding type every loader, rule, generator and reporter shares: the
 * vocabulary of every layer, so it lives at the bottom (contracts/), below checks/.
 *
 * Locations are kept as file + JSON pointer (or proto source path) while rules
 * run; line and column are resolved once, when a finding is reported, so a
 * clean run over a large document never pays for positions.
 */

/** Severity of a finding, in reporting order. */
export type Severity = 'error' | 'warning' | 'info';

/** The kinds of contract contractkit understands. */
export type ContractKind = 'openapi' | 'proto' | 'asyncapi' | 'saga' | 'graphql' | 'config';

/** A finding as rules and loaders produce it, before positions are resolved. */
export interface Finding {
  /** Rule id (`path-no-verbs`, `STANDARD`'s `FIELD_LOWER_SNAKE_CASE`, `load/invalid-yaml`, …). */
  ruleId: string;
  severity: Severity;
  message: string;
  kind: ContractKind;
  /** Absolute path of the file the finding is about. */
  file: string;
  /** JSON pointer into the document (`/paths/~1orders/get`), when the source is YAML or JSON. */
  pointer?: string;
  /** When true, the finding points at the key of `pointer` rather than its value. */
  onKey?: boolean;
  /** 1-based positions; filled by the loader when it knows them (buf, parsers) or by {@link resolvePositions}. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** How to fix it, shown under the message by human-facing reporters. */
  hint?: string;
  /**
   * Where the text the position refers to lives, when that is not `file`: a
   * finding about a removed element points into the previous version (a
   * temporary checkout of the git ref), while `file` names the path users know.
   */
  sourceFile?: string;
  /**
   * Where the element was in the previous version, for a finding about
   * something removed: the finding itself points at the nearest element of
   * the current version that still exists (where the user can act).
   */
  previous?: PreviousLocation;
}

/** A location in the previous version of a contract (file + JSON pointer, or a line). */
export interface PreviousLocation {
  /** Absolute path (in a git checkout, mapped back to the work-tree path when reported). */
  file: string;
  pointer?: string;
  line?: number;
  column?: number;
}

/** A finding whose position is known, ready for reporters. */
export interface ReportedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  previous?: { file: string; pointer?: string; line: number; column: number };
}

/** Sort key and rank of each severity (lower is more severe). */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** True when `severity` is at or above `threshold` (error ≥ warning ≥ info). */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}

/** Counts of findings per severity, as the JSON report's `summary` gives them. */
export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts findings per severity. */
export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** Orders findings by file, line, column, then rule id, so output is deterministic. */
export function compareFindings(a: ReportedFinding, b: ReportedFinding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
