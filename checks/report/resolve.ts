/**
 * Resolves positions of findings just before they are reported.
 *
 * Rules report file + JSON pointer; turning that into line and column costs a
 * parse of the source, so it happens only here, once, for findings that are
 * actually printed.
 */
import { compareFindings, type Finding, type PreviousLocation, type ReportedFinding } from '../../contracts/finding.js';
import { getSourceText, positionOf, prefetchPositions, type Position } from '../../contracts/source/positions.js';

/**
 * Gives every finding a line, column, endLine and endColumn (1-based) and
 * sorts them by file, position and rule id.
 *
 * - A finding that already has a line keeps it; a missing column becomes 1 and
 *   a missing end becomes the start.
 * - A finding with a pointer and no line is located in its source with
 *   `positionOf` (key or value as `onKey` says; the nearest existing ancestor
 *   when the pointer no longer exists).
 * - Anything else is placed at 1:1.
 */
export function resolvePositions(findings: readonly Finding[]): ReportedFinding[] {
  const lines = new Map<string, string[] | undefined>();
  // one pass per file for all its pointers (thousands of findings on a 13 MB description)
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) if (f.line === undefined && f.pointer !== undefined) (byFile.get(f.file) ?? byFile.set(f.file, []).get(f.file)!).push(f);
  for (const [file, group] of byFile) prefetchPositions(file, group);
  const resolved = findings.map((f) => resolveOne(f, lines));
  return resolved.sort(compareFindings);
}

function resolveOne(finding: Finding, lines: Map<string, string[] | undefined>): ReportedFinding {
  const f = finding.previous ? { ...finding, previous: resolvePrevious(finding.previous) } : (finding as Finding & { previous?: undefined });
  if (f.line !== undefined && f.line > 0) {
    const column = f.column !== undefined && f.column > 0 ? f.column : 1;
    const endLine = f.endLine !== undefined && f.endLine >= f.line ? f.endLine : f.line;
    const endColumn =
      f.endColumn !== undefined && f.endColumn > 0 && (endLine > f.line || f.endColumn >= column) ? f.endColumn : column;
    return { ...f, line: f.line, column, endLine, endColumn };
  }
  if (f.pointer !== undefined) {
    const pos = trimTrailingLines(f.file, positionOf(f.file, f.pointer, f.onKey ?? false), lines);
    return { ...f, ...pos };
  }
  return { ...f, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The previous location of a removed element, at the key it was written under. */
export function resolvePrevious(p: PreviousLocation): NonNullable<ReportedFinding['previous']> {
  if (p.line !== undefined && p.line > 0) return { ...p, line: p.line, column: p.column !== undefined && p.column > 0 ? p.column : 1 };
  const pos = positionOf(p.file, p.pointer, true);
  return { ...p, line: pos.line, column: pos.column };
}

/**
 * A YAML block value's range runs to the start of the next key; end it after
 * the last non-blank line instead, so annotations cover only the value.
 */
function trimTrailingLines(file: string, pos: Position, cache: Map<string, string[] | undefined>): Position {
  if (pos.endLine <= pos.line || pos.endColumn !== 1) return pos;
  if (!cache.has(file)) cache.set(file, getSourceText(file)?.split(/\r?\n|\r/));
  const lines = cache.get(file);
  if (!lines) return pos;
  let endLine = pos.endLine - 1;
  while (endLine > pos.line && (lines[endLine - 1] ?? '').trim() === '') endLine--;
  return { ...pos, endLine, endColumn: (lines[endLine - 1] ?? '').length + 1 };
}
