/**
 * Maps Redocly problems to our Finding.
 */
import type { NormalizedProblem } from '@redocly/openapi-core';
import type { Finding, Severity } from '../../../contracts/finding.js';
import { locateProblem } from '../../../contracts/openapi/problem-location.js';
import { unprefixedRuleId } from './plugin.js';

/** What the mapping needs besides the problem. */
export interface ProblemContext {
  kind: Finding['kind'];
  /** The linted document's path, used when a problem has no source. */
  file: string;
  /** Configured severity of each of our rules (Redocly cannot carry `info`). */
  severities: ReadonlyMap<string, Severity>;
}

/**
 * One problem → one Finding: our `ck/` prefix dropped, Redocly's ids kept,
 * `warn` → `warning`, file from the location's source, pointer without `#`.
 */
export function problemToFinding(problem: NormalizedProblem, context: ProblemContext): Finding {
  const ours = unprefixedRuleId(problem.ruleId);
  const ruleId = ours ?? problem.ruleId;
  const severity: Severity =
    (ours !== undefined ? context.severities.get(ours) : undefined) ?? (problem.severity === 'error' ? 'error' : 'warning');
  // the file first (its place in the report's key order), then where in it the problem sits
  const finding = locateProblem({ ruleId, severity, message: problem.message, kind: context.kind, file: context.file }, problem, context.file);
  const hint = (problem as NormalizedProblem & { hint?: unknown }).hint;
  if (typeof hint === 'string') finding.hint = hint;
  else if (problem.suggest.length > 0) finding.hint = `Did you mean: ${problem.suggest.join(', ')}?`;
  return finding;
}
