/**
 * How our Redocly-engine rules report: Redocly's `ctx.report` plus a `hint`
 * (how to fix it), which the engine carries over into the Finding.
 */
import type { Location, UserContext } from '@redocly/openapi-core';

/** What a rule reports: what is wrong, how to fix it, and where (defaults to the visited node). */
export interface RuleReport {
  message: string;
  hint?: string;
  /** Where to point; `location.key()` points at the map key (a path, a status code). */
  location?: Location | { reportOnKey: true };
}

/**
 * Reports a problem through Redocly's context. Redocly spreads unknown report
 * fields into the problem, so `hint` reaches the engine's mapping untouched.
 */
export function report(ctx: Pick<UserContext, 'report'>, problem: RuleReport): void {
  ctx.report(problem as unknown as Parameters<UserContext['report']>[0]);
}

/**
 * Returns a reporter that reports each location once (per `topic`): shared
 * components (`$ref: '#/components/responses/NotFound'`) are reached from many
 * operations but are one mistake, written in one place.
 */
export function createOnceReporter(): (
  ctx: Pick<UserContext, 'report'>,
  problem: RuleReport & { location: Location; topic?: string },
) => void {
  const seen = new Set<string>();
  return (ctx, { topic, ...problem }) => {
    const loc = problem.location as Location & { reportOnKey?: boolean };
    const key = `${loc.source.absoluteRef}#${loc.pointer}|${loc.reportOnKey ? 'k' : 'v'}|${topic ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    report(ctx, problem);
  };
}
