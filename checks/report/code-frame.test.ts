import { describe, expect, it } from 'vitest';
import { codeFrame } from './code-frame.js';

describe('codeFrame', () => {
  it('shows two lines either side and a caret under the span', () => {
    const text = ['a', 'b', 'c: value', 'd', 'e', 'f'].join('\n');
    expect(codeFrame(text, { line: 3, column: 4, endLine: 3, endColumn: 9 })).toBe(
      ['  1 | a', '  2 | b', '> 3 | c: value', '    |    ^^^^^', '  4 | d', '  5 | e'].join('\n'),
    );
  });

  it('keeps tabs under the code so the caret lines up', () => {
    expect(codeFrame('\tx = 1', { line: 1, column: 2, endLine: 1, endColumn: 3 }).split('\n')[1]).toBe('    | \t^');
  });

  it('cuts a very long line to a window around the column', () => {
    const line = 'x'.repeat(5000) + 'TARGET' + 'y'.repeat(5000);
    const frame = codeFrame(line, { line: 1, column: 5001, endLine: 1, endColumn: 5007 }, { maxWidth: 40 });
    const [code, carets] = frame.split('\n');
    expect(code!.length).toBeLessThan(60);
    expect(code).toContain('TARGET');
    expect(code!.indexOf('TARGET')).toBe(carets!.indexOf('^'));
  });

  it('returns nothing for a line outside the text', () => {
    expect(codeFrame('one line', { line: 5, column: 1, endLine: 5, endColumn: 1 })).toBe('');
  });
});
