/**
 * Endpoint lifecycle: operations removed (with or without deprecation, before
 * or after their sunset), added, deprecated, reactivated; sunset dates moved;
 * stability levels changed; operation ids and tags changed.
 */
import { report, type DiffContext } from './context.js';
import { addDays, opLabel, stabilityOf, STABILITY_LEVELS, sunsetOf, type Op } from './operations.js';

const RESTORE = 'Restore the operation, or deprecate it first (deprecated: true with an x-sunset date) and remove it after the sunset.';

/** Reports a removed operation; `pathGone` when its whole path was removed. */
export function checkRemovedOperation(ctx: DiffContext, op: Op, pathGone: boolean): void {
  const s = stabilityOf(op.node);
  if ('error' in s) {
    report(ctx, 'api-invalid-stability-level', `${opLabel(op)} has an invalid stability level: ${s.error}`, 'prev', op.pointer);
    return;
  }
  if (s.level === 'draft' || s.level === 'alpha') return;
  const label = opLabel(op);
  if (op.node.deprecated !== true) {
    report(ctx, pathGone ? 'api-path-removed-without-deprecation' : 'api-removed-without-deprecation', `${label} was removed without deprecation`, 'prev', op.pointer, RESTORE);
    return;
  }
  const sunset = sunsetOf(op.node);
  if (!sunset) {
    report(ctx, pathGone ? 'api-path-removed-with-deprecation' : 'api-removed-with-deprecation', `${label} was removed after deprecation`, 'prev', op.pointer);
    return;
  }
  if ('error' in sunset) {
    report(ctx, 'api-path-sunset-parse', `${label} was removed, but its sunset date could not be read: ${sunset.error}`, 'prev', op.pointer + '/x-sunset');
    return;
  }
  if (ctx.today < sunset.date) {
    report(
      ctx,
      pathGone ? 'api-path-removed-before-sunset' : 'api-removed-before-sunset',
      `${label} was removed before its sunset date ${sunset.date}`,
      'prev',
      op.pointer,
      `Keep the operation until ${sunset.date}; clients were promised it until then.`,
    );
  }
}

/** Reports an added operation (changelog). */
export function checkAddedOperation(ctx: DiffContext, op: Op): void {
  report(ctx, 'endpoint-added', `${opLabel(op)} was added`, 'curr', op.pointer);
}

/** Deprecation, sunset, stability, operationId and tag changes of a matched operation. */
export function checkOperationLifecycle(ctx: DiffContext, prev: Op, curr: Op): void {
  const label = opLabel(curr);
  const ps = stabilityOf(prev.node);
  const cs = stabilityOf(curr.node);
  if ('error' in ps) report(ctx, 'api-invalid-stability-level', `${label} had an invalid stability level: ${ps.error}`, 'prev', prev.pointer + '/x-stability-level');
  if ('error' in cs) report(ctx, 'api-invalid-stability-level', `${label} has an invalid stability level: ${cs.error}`, 'curr', curr.pointer + '/x-stability-level');
  if ('level' in ps && 'level' in cs && ps.level !== cs.level && ps.level !== 'draft' && ps.level !== 'alpha') {
    const down = STABILITY_LEVELS.indexOf(cs.level) < STABILITY_LEVELS.indexOf(ps.level);
    report(ctx, down ? 'api-stability-decreased' : 'api-stability-increased', `Stability level of ${label} was ${down ? 'decreased' : 'increased'} from ${ps.level} to ${cs.level}`, 'curr', curr.pointer);
  }

  const wasDeprecated = prev.node.deprecated === true;
  const isDeprecated = curr.node.deprecated === true;
  const sunset = sunsetOf(curr.node);
  if (!wasDeprecated && isDeprecated) {
    if (sunset && 'error' in sunset) report(ctx, 'api-deprecated-sunset-parse', `${label} was deprecated with an unreadable sunset date: ${sunset.error}`, 'curr', curr.pointer + '/x-sunset');
    else if (!sunset && ctx.minSunsetDays > 0)
      report(ctx, 'api-deprecated-sunset-missing', `${label} was deprecated without a sunset date`, 'curr', curr.pointer, `Add x-sunset at least ${ctx.minSunsetDays} days from now.`);
    else if (sunset && ctx.minSunsetDays > 0 && sunset.date < addDays(ctx.today, ctx.minSunsetDays))
      report(ctx, 'api-sunset-date-too-small', `${label} was deprecated with sunset date ${sunset.date}, less than ${ctx.minSunsetDays} days from now`, 'curr', curr.pointer + '/x-sunset');
    else if (sunset) report(ctx, 'endpoint-deprecated-with-sunset', `${label} was deprecated with sunset date ${sunset.date}`, 'curr', curr.pointer);
    else report(ctx, 'endpoint-deprecated', `${label} was deprecated`, 'curr', curr.pointer);
  } else if (wasDeprecated && !isDeprecated) {
    report(ctx, 'endpoint-reactivated', `${label} was reactivated (no longer deprecated)`, 'curr', curr.pointer);
  } else if (wasDeprecated && isDeprecated) {
    const before = sunsetOf(prev.node);
    if (before && 'date' in before && !sunset)
      report(ctx, 'sunset-deleted', `Sunset date of ${label} was deleted while it stays deprecated`, 'curr', curr.pointer, 'Keep the x-sunset date, or remove the deprecation.');
    else if (before && 'date' in before && sunset && 'date' in sunset && sunset.date < before.date)
      report(ctx, 'api-sunset-date-changed-too-small', `Sunset date of ${label} was moved earlier, from ${before.date} to ${sunset.date}`, 'curr', curr.pointer + '/x-sunset', `Keep the sunset at ${before.date} or later.`);
  }

  const pid = typeof prev.node.operationId === 'string' ? prev.node.operationId : undefined;
  const cid = typeof curr.node.operationId === 'string' ? curr.node.operationId : undefined;
  if (pid !== cid) {
    if (pid !== undefined) report(ctx, 'api-operation-id-removed', `Operation id \`${pid}\` of ${label} was ${cid ? `replaced with \`${cid}\`` : 'removed'}`, 'curr', curr.pointer);
    else report(ctx, 'api-operation-id-added', `Operation id \`${cid}\` was added to ${label}`, 'curr', curr.pointer);
  }
  const ptags = new Set(Array.isArray(prev.node.tags) ? prev.node.tags.map(String) : []);
  const ctags = new Set(Array.isArray(curr.node.tags) ? curr.node.tags.map(String) : []);
  for (const t of ptags) if (!ctags.has(t)) report(ctx, 'api-tag-removed', `Tag \`${t}\` was removed from ${label}`, 'curr', curr.pointer);
  for (const t of ctags) if (!ptags.has(t)) report(ctx, 'api-tag-added', `Tag \`${t}\` was added to ${label}`, 'curr', curr.pointer);
}
