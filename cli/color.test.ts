import { describe, expect, it } from 'vitest';
import { useColor } from './color.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('useColor', () => {
  it.each([
    ['a terminal', tty, undefined, {}, true],
    ['a pipe', pipe, undefined, {}, false],
    ['a dumb terminal', tty, undefined, { TERM: 'dumb' }, false],
    ['--color on a pipe', pipe, true, {}, true],
    ['--no-color on a terminal', tty, false, {}, false],
    ['NO_COLOR on a terminal', tty, undefined, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR', tty, undefined, { NO_COLOR: '' }, true],
    ['NO_COLOR against --color', pipe, true, { NO_COLOR: '1' }, false],
    ['FORCE_COLOR on a pipe', pipe, undefined, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=3 on a pipe', pipe, undefined, { FORCE_COLOR: '3' }, true],
    ['FORCE_COLOR=0 on a terminal', tty, undefined, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', tty, undefined, { FORCE_COLOR: 'false' }, false],
    ['FORCE_COLOR against NO_COLOR', pipe, undefined, { FORCE_COLOR: '1', NO_COLOR: 'x' }, false],
    ['FORCE_COLOR against --no-color', pipe, false, { FORCE_COLOR: '1' }, false],
  ] as const)('%s', (_name, stream, flag, env, expected) => {
    expect(useColor(stream, flag, env)).toBe(expected);
  });
});
