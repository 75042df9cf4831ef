/**
 * Where a Redocly problem sits, as a finding's location: its source file, a
 * JSON pointer (Redocly writes the root as `#/`; as a JSON pointer the root is
 * ``), or line and column where it gives no pointer. One mapping for lint's
 * findings and the rest-client generator's structural check.
 */
import type { NormalizedProblem } from '@redocly/openapi-core';
import type { Finding } from '../finding.js';

/** Sets `finding`'s file, pointer (or line/column) from the first location of `problem`; `file` when it has no source. */
export function locateProblem(finding: Finding, problem: NormalizedProblem, file: string): Finding {
  const location = problem.location[0];
  finding.file = location?.source?.absoluteRef || file;
  if (location?.pointer !== undefined) {
    const pointer = location.pointer.startsWith('#') ? location.pointer.slice(1) : location.pointer;
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
  return finding;
}
