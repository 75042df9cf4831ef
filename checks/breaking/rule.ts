/**
 * The shape of a breaking-change rule, shared by every contract kind.
 *
 * Breaking rules do not run one by one like lint rules: a differ per kind
 * (OpenAPI, proto through buf, AsyncAPI) walks matched pairs of previous and
 * current elements and reports under these ids. The catalogue of each kind
 * lists its rules, so `contractkit rules`, the docs and ignore files agree.
 */
import type { ContractKind, Severity } from '../../contracts/finding.js';

/** Where a rule's id and level come from. */
export type BreakingRuleSource = 'oasdiff' | 'buf' | 'graphql-inspector' | 'contractkit';

/** One breaking-change rule: a stable id, its default severity and one sentence saying what it reports. */
export interface BreakingRule {
  /** Stable id users write in ignore files (`request-parameter-became-required`). */
  id: string;
  kind: Exclude<ContractKind, 'config' | 'saga'>;
  /** Default severity (oasdiff's ERR → error, WARN → warning, INFO → info). */
  severity: Severity;
  description: string;
  /** Whose id this is: ids taken from oasdiff, buf or graphql-inspector keep that tool's meaning. */
  source: BreakingRuleSource;
}

/** oasdiff's level names. */
export type OasdiffLevel = 'ERR' | 'WARN' | 'INFO';

/** Maps an oasdiff level to our severity. */
export function severityOfOasdiffLevel(level: OasdiffLevel): Severity {
  return level === 'ERR' ? 'error' : level === 'WARN' ? 'warning' : 'info';
}
