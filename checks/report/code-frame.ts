/**
 * A small code frame: the lines around a finding with a caret under it.
 *
 * Written here rather than taken from @babel/code-frame because we need two
 * things it lacks: a window on very long lines (a minified 13 MB JSON file is
 * one line) and output that depends on nothing but its inputs.
 */

/** Options of {@link codeFrame}. */
export interface CodeFrameOptions {
  /** Lines shown before and after the finding's line (default 2). */
  context?: number;
  /** Longest line shown in full; longer lines are cut to a window around the column (default 120). */
  maxWidth?: number;
  /** Colour functions; plain text when omitted. */
  colors?: FramePalette;
  /** Prefix of every frame line (indentation). */
  indent?: string;
}

/** The colour functions a frame uses (picocolors' `createColors()` fits). */
export interface FramePalette {
  red: (s: string) => string;
  bold: (s: string) => string;
  gray: (s: string) => string;
}

/** A 1-based location range in text. */
export interface FrameLocation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Renders the lines around `loc` in `text`, the finding's line marked with `>`
 * and carets under its span (to the end of the line when the span goes on).
 * Returns an empty string when the line is not in the text.
 */
export function codeFrame(text: string, loc: FrameLocation, options: CodeFrameOptions = {}): string {
  const lines = text.split(/\r?\n|\r/);
  const context = options.context ?? 2;
  const maxWidth = options.maxWidth ?? 120;
  const indent = options.indent ?? '';
  const c = options.colors;
  if (loc.line < 1 || loc.line > lines.length) return '';
  const first = Math.max(1, loc.line - context);
  const last = Math.min(lines.length, loc.line + context);
  const gutterWidth = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = lines[n - 1]!;
    const isTarget = n === loc.line;
    const window = windowOf(raw, isTarget ? loc.column : 1, maxWidth);
    const gutter = ` ${String(n).padStart(gutterWidth)} |`;
    const marker = isTarget ? '>' : ' ';
    const body = window.text.length > 0 ? ' ' + window.text : '';
    out.push(indent + (isTarget ? paint(c?.red, marker) + paint(c?.bold, gutter) : marker + paint(c?.gray, gutter)) + body);
    if (isTarget) {
      const start = Math.min(Math.max(loc.column, 1), raw.length + 1);
      const end = loc.endLine === loc.line ? Math.max(loc.endColumn, start + 1) : raw.length + 1;
      const spanLength = Math.max(1, Math.min(end, raw.length + 1) - start);
      // Keep tabs as tabs under the code so the caret lines up in any terminal.
      const before = raw.slice(window.offset, start - 1).replace(/[^\t]/g, ' ');
      const shift = window.offset > 0 ? 1 : 0; // the leading '…' of a cut line
      const carets = '^'.repeat(Math.min(spanLength, maxWidth));
      const blankGutter = ' ' + ' '.repeat(gutterWidth) + ' |';
      out.push(indent + ' ' + paint(c?.gray, blankGutter) + ' ' + ' '.repeat(shift) + before + paint(c?.red, carets));
    }
  }
  return out.join('\n');
}

function paint(fn: ((s: string) => string) | undefined, s: string): string {
  return fn ? fn(s) : s;
}

/** The part of a line to show: all of it, or a window around `column` marked with '…'. */
function windowOf(line: string, column: number, maxWidth: number): { text: string; offset: number } {
  if (line.length <= maxWidth) return { text: line, offset: 0 };
  const start = Math.max(0, Math.min(column - 1 - Math.floor(maxWidth / 2), line.length - maxWidth));
  const end = start + maxWidth;
  return {
    text: (start > 0 ? '…' : '') + line.slice(start, end) + (end < line.length ? '…' : ''),
    offset: start,
  };
}
