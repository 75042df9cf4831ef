/**
 * Security requirements, global and per operation. A requirement list holds
 * alternatives: removing one strands the clients that use it; adding a scope
 * to one asks clients for a permission they may not have.
 */
import type { OpenApiBreakingId } from './catalogue.js';
import { child, isObject, report, type DiffContext } from './context.js';
import { opLabel, type Op } from './operations.js';

type Requirement = Map<string, string[]>;

/** Requirements keyed by their sorted scheme names (`api_key + oauth`). */
function requirements(list: unknown): Map<string, { req: Requirement; index: number }> {
  const out = new Map<string, { req: Requirement; index: number }>();
  if (!Array.isArray(list)) return out;
  list.forEach((r, index) => {
    if (!isObject(r)) return;
    const names = Object.keys(r).sort();
    // An empty requirement (`{}`) means "anonymous allowed"; oasdiff does not report it either.
    if (names.length === 0) return;
    out.set(names.join(' + '), { req: new Map(names.map((n) => [n, Array.isArray(r[n]) ? r[n].map(String) : []])), index });
  });
  return out;
}

function compare(ctx: DiffContext, prevList: unknown, currList: unknown, prevPtr: string, currPtr: string, ids: { removed: OpenApiBreakingId; added: OpenApiBreakingId; scopeAdded: OpenApiBreakingId; scopeRemoved: OpenApiBreakingId }, where: string): void {
  const pr = requirements(prevList);
  const cr = requirements(currList);
  for (const [key, { req, index }] of pr) {
    const c = cr.get(key);
    if (!c) {
      report(ctx, ids.removed, `Security requirement \`${key}\` ${where} was removed`, 'prev', child(prevPtr, index), 'Clients authenticating this way are locked out: keep the requirement as an alternative.');
      continue;
    }
    for (const [scheme, scopes] of req) {
      const now = new Set(c.req.get(scheme) ?? []);
      const before = new Set(scopes);
      for (const s of now) if (!before.has(s)) report(ctx, ids.scopeAdded, `Scope \`${s}\` was added to security requirement \`${scheme}\` ${where}`, 'curr', child(currPtr, c.index), 'Existing tokens may lack the new scope.');
      for (const s of before) if (!now.has(s)) report(ctx, ids.scopeRemoved, `Scope \`${s}\` was removed from security requirement \`${scheme}\` ${where}`, 'curr', child(currPtr, c.index));
    }
  }
  for (const [key, { index }] of cr) if (!pr.has(key)) report(ctx, ids.added, `Security requirement \`${key}\` was added ${where}`, 'curr', child(currPtr, index));
}

/** Compares the document-level `security`. */
export function checkGlobalSecurity(ctx: DiffContext): void {
  compare(ctx, ctx.prev.doc.security, ctx.curr.doc.security, '/security', '/security', {
    removed: 'api-global-security-removed',
    added: 'api-global-security-added',
    scopeAdded: 'api-global-security-scope-added',
    scopeRemoved: 'api-global-security-scope-removed',
  }, 'of the API');
}

/** Compares the security of a matched operation when either side sets its own. */
export function checkOperationSecurity(ctx: DiffContext, prev: Op, curr: Op): void {
  if (prev.node.security === undefined && curr.node.security === undefined) return;
  const ps = prev.node.security ?? ctx.prev.doc.security;
  const cs = curr.node.security ?? ctx.curr.doc.security;
  const pp = prev.node.security !== undefined ? prev.pointer + '/security' : '/security';
  const cp = curr.node.security !== undefined ? curr.pointer + '/security' : '/security';
  compare(ctx, ps, cs, pp, cp, { removed: 'api-security-removed', added: 'api-security-added', scopeAdded: 'api-security-scope-added', scopeRemoved: 'api-security-scope-removed' }, `of ${opLabel(curr)}`);
}
