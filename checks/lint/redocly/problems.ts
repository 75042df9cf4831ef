/**
 * Maps Redocly problems to our Finding.
 */
import type { NormalizedProblem } from '@redocly/openapi-core';
import type { Finding, Severity } from '../../../contracts/finding.js';
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
  const location = problem.location[0];
  const finding: Finding = {
    ruleId,
    severity,
    message: problem.message,
    kind: context.kind,
    file: location?.source?.absoluteRef || context.file,
  };
  if (location?.pointer !== undefined) {
    const pointer = location.pointer.startsWith('#') ? location.pointer.slice(1) : location.pointer;
    // Redocly writes the document root as `#/`; as a JSON pointer the root is ``.
    finding.pointer = pointer === '/' ? '' : pointer;
    if (location.reportOnKey) finding.onKey = true;
  } else if (location && 'start' in location && location.start) {
    finding.line = location.start.line;
    finding.column = location.start.col;
    if (location.end) {
      finding.endLine = location.end.line;
      finding.endColumn = location.end.col;
    }
  }
  const hint = (problem as NormalizedProblem & { hint?: unknown }).hint;
  if (typeof hint === 'string') finding.hint = hint;
  else if (problem.suggest.length > 0) finding.hint = `Did you mean: ${problem.suggest.join(', ')}?`;
  return finding;
}
