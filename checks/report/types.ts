/**
 * The reporter contract: a pure function from resolved findings to text.
 *
 * Reporters never print and never read configuration; the CLI picks one with
 * `getReporter(format)`, calls it, and writes the string to stdout.
 */
import type { ReportedFinding } from '../../contracts/finding.js';

/** What a rule's documentation tells reporters (SARIF rule metadata, markdown links). */
export interface RuleDocs {
  /** One sentence saying what the rule checks. */
  description?: string;
  /** Where the rule is documented (`docs/rules/<id>.md` on the web). */
  helpUri?: string;
}

/** Everything a reporter may need besides the findings. */
export interface ReportContext {
  /** Working directory; paths are printed relative to it, with forward slashes. */
  cwd: string;
  /** Whether to colour output (only `stylish` colours anything). */
  color: boolean;
  /** contractkit's version, for SARIF's `tool.driver.version`. */
  toolVersion: string;
  /** The command that produced the findings (`lint`, `breaking`), shown in headings and summaries. */
  title?: string;
  /** Report only error-severity findings (counts then cover errors only). */
  quiet?: boolean;
  /** Looks up documentation for a rule id; undefined when unknown. */
  ruleDocs?: (ruleId: string) => RuleDocs | undefined;
}

/** Turns resolved, sorted findings into the text of one report format. */
export type Reporter = (findings: readonly ReportedFinding[], ctx: ReportContext) => string;
