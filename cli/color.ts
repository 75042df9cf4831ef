/**
 * The one decision whether output gets ANSI colours and bold. Every place
 * that colours asks it: the stylish report and its code frames (through
 * `CommandContext.color`), and the demo scripts (examples/demo.js,
 * examples/orders/services/demo-saga.ts). Without dependencies, so those can
 * import it as they are.
 */

/** The environment variables that take part (https://no-color.org, FORCE_COLOR as Node and chalk read it). */
export interface ColorEnv {
  NO_COLOR?: string;
  FORCE_COLOR?: string;
  TERM?: string;
}

/**
 * Whether to colour output written to `stream`:
 * never with `--no-color` (`flag` false) or a non-empty `NO_COLOR`;
 * then yes with `--color` (`flag` true) or a `FORCE_COLOR` other than `0`/`false`
 * (which turns them off); else only when `stream` is a terminal (and `TERM` is not `dumb`).
 */
export function useColor(stream: { isTTY?: boolean }, flag?: boolean, env: ColorEnv = process.env): boolean {
  if (flag === false || (env.NO_COLOR ?? '') !== '') return false;
  if (flag === true) return true;
  const force = env.FORCE_COLOR ?? '';
  if (force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
