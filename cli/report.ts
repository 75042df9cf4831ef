/**
 * Prints findings in the chosen format and decides the exit code.
 */
import { atOrAbove, type Finding } from '../contracts/finding.js';
import { getReporter } from '../checks/report/index.js';
import { resolvePositions } from '../checks/report/resolve.js';
import { toolVersion } from './version.js';
import type { CommandContext } from './context.js';

/** Exit codes: 0 clean, 1 findings at or above --fail-on, 2 unusable input, config or arguments. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** Writes the report of `findings` to stdout. `--quiet` keeps errors only. */
export function printFindings(findings: readonly Finding[], ctx: CommandContext, title: string): void {
  const shown = ctx.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  const reporter = getReporter(ctx.format);
  ctx.out(reporter(resolvePositions([...shown]), { cwd: ctx.cwd, color: ctx.color, toolVersion: toolVersion(), title, quiet: ctx.quiet }));
}

/** 1 when any finding is at or above the failing severity, else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: CommandContext['failOn']): number {
  return findings.some((f) => atOrAbove(f.severity, failOn)) ? EXIT.findings : EXIT.clean;
}
