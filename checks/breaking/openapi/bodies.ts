/**
 * Request bodies and responses of a matched operation: bodies added, removed
 * or made required, media types (added, removed, renamed in a response),
 * response status codes, response headers,
 * and the schemas of each (queued for reporting once the schema graph is
 * complete).
 */
import { child, deref, isObject, report, type DiffContext, type Json } from './context.js';
import { opLabel, type Op } from './operations.js';
import { isJsonMediaType } from '../../../contracts/openapi/media-types.js';
import { OPENAPI_LEVELS } from './catalogue.js';
import { classifyMediaTypeRename, pairRenamedMediaTypes } from './media-type-names.js';
import { compareSchemas, type SchemaMemo, type SchemaNode } from './schema-compare.js';
import type { SchemaScope } from './schema-report.js';

/** A schema comparison waiting to be reported. */
export interface PendingSchema {
  scope: SchemaScope;
  node: SchemaNode;
}

function mediaLabel(label: string, mediaType: string): string {
  return mediaType === 'application/json' ? label : `${label} (${mediaType})`;
}

/** Compares the request bodies of two matched operations. */
export function checkRequestBody(ctx: DiffContext, memo: SchemaMemo, prev: Op, curr: Op, pending: PendingSchema[]): void {
  const label = opLabel(curr);
  const p = deref(ctx.prev, prev.node.requestBody, prev.pointer + '/requestBody');
  const c = deref(ctx.curr, curr.node.requestBody, curr.pointer + '/requestBody');
  if (!p.node && !c.node) return;
  if (!p.node && c.node) {
    if (c.node.required === true) report(ctx, 'request-body-added-required', `A required request body was added to ${label}`, 'curr', c.pointer, 'Make the new body optional, or publish a new major version.');
    else report(ctx, 'request-body-added-optional', `An optional request body was added to ${label}`, 'curr', c.pointer);
    return;
  }
  if (p.node && !c.node) {
    report(ctx, 'request-body-removed', `Request body of ${label} was removed`, 'prev', p.pointer, 'Clients still send it: keep accepting the body, or publish a new major version.');
    return;
  }
  const pb = p.node!;
  const cb = c.node!;
  if (pb.required !== true && cb.required === true) report(ctx, 'request-body-became-required', `Request body of ${label} became required`, 'curr', c.pointer);
  if (pb.required === true && cb.required !== true) report(ctx, 'request-body-became-optional', `Request body of ${label} became optional`, 'curr', c.pointer);
  const pc = isObject(pb.content) ? pb.content : {};
  const cc = isObject(cb.content) ? cb.content : {};
  for (const mt of Object.keys(pc)) {
    const pm = pc[mt];
    const cm = cc[mt];
    if (!isObject(cm)) {
      report(ctx, 'request-body-media-type-removed', `Media type ${mt} of the request body of ${label} was removed`, 'prev', child(p.pointer, 'content', mt));
      continue;
    }
    if (!isObject(pm)) continue;
    compareMediaType(ctx, memo, 'request', pm, cm, child(p.pointer, 'content', mt), child(c.pointer, 'content', mt), `the request body of ${label}`, mt, mediaLabel(label, mt), pending);
  }
  for (const mt of Object.keys(cc)) if (!(mt in pc)) report(ctx, 'request-body-media-type-added', `Media type ${mt} was added to the request body of ${label}`, 'curr', child(c.pointer, 'content', mt));
}

/**
 * The schemas of a media type present in both versions (under the same name, or
 * renamed): its `schema` and its OpenAPI 3.2 `itemSchema` (the schema of each
 * item of a sequential body such as `application/jsonl`).
 *
 * A schema appearing in (or vanishing from) the media type: a request that
 * accepted anything now constrains it; a response that promised a shape no
 * longer does. Otherwise the two `schema`s are compared; as in oasdiff, the
 * contents of two `itemSchema`s are not.
 */
function compareMediaType(ctx: DiffContext, memo: SchemaMemo, dir: 'request' | 'response', pm: Json, cm: Json, pp: string, cp: string, what: string, mt: string, where: string, pending: PendingSchema[]): void {
  if (pm.schema === undefined && cm.schema !== undefined)
    report(ctx, `${dir}-body-media-type-schema-added`, `A schema was added to media type ${mt} of ${what}`, 'curr', child(cp, 'schema'));
  else if (pm.schema !== undefined && cm.schema === undefined)
    report(ctx, `${dir}-body-media-type-schema-removed`, `The schema of media type ${mt} of ${what} was removed`, 'prev', child(pp, 'schema'));
  else if (pm.schema !== undefined && cm.schema !== undefined) {
    const node = compareSchemas(ctx, memo, pm.schema, cm.schema, child(pp, 'schema'), child(cp, 'schema'), dir);
    // JSON tells a number from a string; other media types (XML, text, forms) carry text (oasdiff's isStronglyTyped)
    pending.push({ scope: { dir, root: 'body', where, looselyTyped: !isJsonMediaType(mt) }, node });
  }
  if (pm.itemSchema === undefined && cm.itemSchema !== undefined)
    report(ctx, `${dir}-body-media-type-item-schema-added`, `An item schema was added to media type ${mt} of ${what}`, 'curr', child(cp, 'itemSchema'));
  else if (pm.itemSchema !== undefined && cm.itemSchema === undefined) {
    // With no schema left either, nothing types the body at all any more (oasdiff's -untyped variant).
    const id = dir === 'response' && cm.schema === undefined ? 'response-body-media-type-item-schema-removed-untyped' : (`${dir}-body-media-type-item-schema-removed` as const);
    report(ctx, id, `The item schema of media type ${mt} of ${what} was removed`, 'prev', child(pp, 'itemSchema'));
  }
}

function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** Compares the responses of two matched operations. */
export function checkResponses(ctx: DiffContext, memo: SchemaMemo, prev: Op, curr: Op, pending: PendingSchema[]): void {
  const label = opLabel(curr);
  const pr = isObject(prev.node.responses) ? prev.node.responses : {};
  const cr = isObject(curr.node.responses) ? curr.node.responses : {};
  for (const status of Object.keys(pr)) {
    const pptr = child(prev.pointer, 'responses', status);
    if (!(status in cr)) {
      const ok = isSuccess(status);
      report(ctx, ok ? 'response-success-status-removed' : 'response-non-success-status-removed', `Response ${status} of ${label} was removed`, 'prev', pptr, ok ? 'Clients expect this status: keep returning it, or publish a new major version.' : undefined);
      continue;
    }
    const p = deref(ctx.prev, pr[status], pptr);
    const c = deref(ctx.curr, cr[status], child(curr.pointer, 'responses', status));
    if (p.node && c.node) compareResponse(ctx, memo, p.node, c.node, p.pointer, c.pointer, `${label} ${status}`, pending);
  }
  for (const status of Object.keys(cr)) {
    if (status in pr) continue;
    report(ctx, isSuccess(status) ? 'response-success-status-added' : 'response-non-success-status-added', `Response ${status} was added to ${label}`, 'curr', child(curr.pointer, 'responses', status));
  }
}

function compareResponse(ctx: DiffContext, memo: SchemaMemo, p: Json, c: Json, pp: string, cp: string, where: string, pending: PendingSchema[]): void {
  const pc = isObject(p.content) ? p.content : {};
  const cc = isObject(c.content) ? c.content : {};
  // A media type removed and a related one added are one renamed media type, as in oasdiff.
  const renames = new Map(
    pairRenamedMediaTypes(
      Object.keys(pc).filter((mt) => !isObject(cc[mt])),
      Object.keys(cc).filter((mt) => !(mt in pc)),
    ),
  );
  const renamedTo = new Set(renames.values());
  for (const mt of Object.keys(pc)) {
    const pm = pc[mt];
    const to = isObject(cc[mt]) ? mt : renames.get(mt);
    if (to === undefined) {
      report(ctx, 'response-media-type-removed', `Media type ${mt} of response ${where} was removed`, 'prev', child(pp, 'content', mt), 'Clients may ask for this media type: keep serving it.');
      continue;
    }
    const cm = cc[to] as Json;
    if (to !== mt) {
      for (const change of classifyMediaTypeRename(mt, to)) {
        const id = `response-media-type-${change.suffix}` as const;
        report(ctx, id, `Media type ${mt} of response ${where} ${change.text}`, 'curr', child(cp, 'content', to), OPENAPI_LEVELS.get(id) === 'error' ? `Clients parse the response as ${mt}: keep serving it.` : undefined);
      }
    }
    if (!isObject(pm)) continue;
    compareMediaType(ctx, memo, 'response', pm, cm, child(pp, 'content', mt), child(cp, 'content', to), `response ${where}`, to, mediaLabel(where, to), pending);
  }
  for (const mt of Object.keys(cc)) if (!(mt in pc) && !renamedTo.has(mt)) report(ctx, 'response-media-type-added', `Media type ${mt} was added to response ${where}`, 'curr', child(cp, 'content', mt));
  compareHeaders(ctx, memo, p, c, pp, cp, where, pending);
}

function headerMap(h: unknown): Map<string, { name: string; raw: unknown }> {
  const out = new Map<string, { name: string; raw: unknown }>();
  if (isObject(h)) for (const name of Object.keys(h)) out.set(name.toLowerCase(), { name, raw: h[name] });
  return out;
}

function compareHeaders(ctx: DiffContext, memo: SchemaMemo, p: Json, c: Json, pp: string, cp: string, where: string, pending: PendingSchema[]): void {
  const ph = headerMap(p.headers);
  const ch = headerMap(c.headers);
  for (const [key, { name, raw }] of ph) {
    const pr = deref(ctx.prev, raw, child(pp, 'headers', name));
    const found = ch.get(key);
    if (!found) {
      const required = pr.node?.required === true;
      report(ctx, required ? 'required-response-header-removed' : 'optional-response-header-removed', `${required ? 'Required' : 'Optional'} response header \`${name}\` of ${where} was removed`, 'prev', pr.pointer);
      continue;
    }
    const cr = deref(ctx.curr, found.raw, child(cp, 'headers', found.name));
    if (!pr.node || !cr.node) continue;
    if (pr.node.required === true && cr.node.required !== true) report(ctx, 'response-header-became-optional', `Response header \`${name}\` of ${where} became optional`, 'curr', cr.pointer);
    if (pr.node.schema !== undefined && cr.node.schema !== undefined) {
      const node = compareSchemas(ctx, memo, pr.node.schema, cr.node.schema, pr.pointer + '/schema', cr.pointer + '/schema', 'response');
      pending.push({ scope: { dir: 'response', root: 'header', where, name: `response header \`${name}\``, looselyTyped: true }, node });
    }
  }
  for (const [key, { name, raw }] of ch) {
    if (!ph.has(key)) report(ctx, 'response-header-added', `Response header \`${name}\` was added to ${where}`, 'curr', deref(ctx.curr, raw, child(cp, 'headers', name)).pointer);
  }
}
