/**
 * Request parameters of a matched operation: removed, added, required,
 * deprecated, and their schemas (request direction: may widen, not narrow).
 */
import { child, report, type DiffContext } from './context.js';
import { addDays, opLabel, sunsetOf, type Op, type OpParameter } from './operations.js';
import { compareSchemas, type SchemaMemo } from './schema-compare.js';
import type { PendingSchema } from './bodies.js';
import { becameFormExplodedArray } from './parameter-form-array.js';

function describeParam(p: OpParameter): string {
  return `${p.in} parameter \`${p.name}\``;
}

/** Compares the parameters of two matched operations; schema comparisons are queued in `pending`. */
export function checkParameters(ctx: DiffContext, memo: SchemaMemo, prev: Op, curr: Op, pending: PendingSchema[]): void {
  const label = opLabel(curr);
  const currByKey = new Map(curr.parameters.map((p) => [p.key, p]));
  const prevByKey = new Map(prev.parameters.map((p) => [p.key, p]));
  for (const p of prev.parameters) {
    const c = currByKey.get(p.key);
    if (!c) {
      removed(ctx, p, label, child(curr.pointer, 'parameters'));
      continue;
    }
    const name = describeParam(c);
    if (p.node.required !== true && c.node.required === true)
      report(ctx, 'request-parameter-became-required', `${cap(name)} of ${label} became required`, 'curr', c.pointer, 'Keep the parameter optional (give it a server-side default), or publish a new major version.');
    if (p.node.required === true && c.node.required !== true) report(ctx, 'request-parameter-became-optional', `${cap(name)} of ${label} became optional`, 'curr', c.pointer);
    checkDeprecation(ctx, p, c, `${cap(name)} of ${label}`);
    if (p.node.schema !== undefined && c.node.schema !== undefined) {
      const node = compareSchemas(ctx, memo, p.node.schema, c.node.schema, p.pointer + '/schema', c.pointer + '/schema', 'request');
      const formArray = becameFormExplodedArray(ctx, memo, p, c);
      pending.push({ scope: { dir: 'request', root: 'parameter', where: label, name, paramIn: c.in, ...(formArray && { formArray }) }, node });
    }
  }
  for (const c of curr.parameters) {
    if (prevByKey.has(c.key)) continue;
    const name = describeParam(c);
    if (c.in === 'path') report(ctx, 'new-request-path-parameter', `Path parameter \`${c.name}\` was added to ${label}`, 'curr', c.pointer);
    else if (c.level === 'path') addedToPath(ctx, c, curr, label);
    else if (c.node.required === true)
      report(ctx, 'new-required-request-parameter', `Required ${name} was added to ${label}`, 'curr', c.pointer, 'Add the parameter as optional (with a server-side default), or publish a new major version.');
    else report(ctx, 'new-optional-request-parameter', `Optional ${name} was added to ${label}`, 'curr', c.pointer);
  }
}

/**
 * A parameter added on the path item of a path that already existed: oasdiff
 * reports it, once per operation of the path, under its own ids (the operation
 * inherits it without having changed itself).
 */
function addedToPath(ctx: DiffContext, c: OpParameter, curr: Op, label: string): void {
  const name = describeParam(c);
  const subject = `${name} was added to the path ${curr.path}, which ${label} inherits`;
  if (c.node.required === true)
    report(ctx, 'new-required-request-default-parameter-to-existing-path', `Required ${subject}`, 'curr', c.pointer, 'Add the parameter as optional (with a server-side default), or publish a new major version.');
  else report(ctx, 'new-optional-request-default-parameter-to-existing-path', `Optional ${subject}`, 'curr', c.pointer);
}

/** Deprecation and sunset changes of a kept parameter, as oasdiff checks them for endpoints. */
function checkDeprecation(ctx: DiffContext, p: OpParameter, c: OpParameter, subject: string): void {
  const was = p.node.deprecated === true;
  const is = c.node.deprecated === true;
  const sunset = sunsetOf(c.node);
  if (!was && is) {
    if (!sunset && ctx.minSunsetDays > 0)
      report(ctx, 'request-parameter-deprecated-sunset-missing', `${subject} was deprecated without a sunset date`, 'curr', c.pointer, `Add x-sunset at least ${ctx.minSunsetDays} days from now.`);
    else if (sunset && 'date' in sunset && ctx.minSunsetDays > 0 && sunset.date < addDays(ctx.today, ctx.minSunsetDays))
      report(ctx, 'request-parameter-sunset-date-too-small', `${subject} was deprecated with sunset date ${sunset.date}, less than ${ctx.minSunsetDays} days from now`, 'curr', c.pointer + '/x-sunset');
    else report(ctx, 'request-parameter-deprecated', `${subject} was deprecated`, 'curr', c.pointer);
  } else if (was && !is) report(ctx, 'request-parameter-reactivated', `${subject} was reactivated`, 'curr', c.pointer);
  else if (was && is) {
    const before = sunsetOf(p.node);
    if (before && 'date' in before && !sunset)
      report(ctx, 'request-parameter-sunset-deleted', `Sunset date of the ${subject.charAt(0).toLowerCase()}${subject.slice(1)} was deleted while it stays deprecated`, 'curr', c.pointer, 'Keep the x-sunset date, or remove the deprecation.');
    else if (before && 'date' in before && sunset && 'date' in sunset && sunset.date < before.date)
      report(ctx, 'request-parameter-sunset-date-changed-too-small', `Sunset date of the ${subject.charAt(0).toLowerCase()}${subject.slice(1)} was moved earlier, from ${before.date} to ${sunset.date}`, 'curr', c.pointer + '/x-sunset', `Keep the sunset at ${before.date} or later.`);
  }
}

function removed(ctx: DiffContext, p: OpParameter, label: string, anchor: string): void {
  const name = describeParam(p);
  if (p.node.deprecated !== true) {
    report(ctx, 'request-parameter-removed', `${cap(name)} of ${label} was removed`, 'prev', p.pointer, 'Clients that still send it may get an error: deprecate the parameter first, and remove it later.', anchor);
    return;
  }
  const sunset = sunsetOf(p.node);
  if (!sunset) report(ctx, 'request-parameter-removed-with-deprecation', `Deprecated ${name} of ${label} was removed`, 'prev', p.pointer, undefined, anchor);
  else if ('error' in sunset) report(ctx, 'request-parameter-sunset-parse', `${cap(name)} of ${label} was removed, but its sunset date could not be read: ${sunset.error}`, 'prev', p.pointer, undefined, anchor);
  else if (ctx.today < sunset.date) report(ctx, 'request-parameter-removed-before-sunset', `${cap(name)} of ${label} was removed before its sunset date ${sunset.date}`, 'prev', p.pointer, undefined, anchor);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
