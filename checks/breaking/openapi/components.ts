/**
 * Document-level parts oasdiff compares outside operations: the security
 * schemes of `components.securitySchemes` (all changelog entries in oasdiff:
 * what breaks clients is a requirement that changes, see security.ts) and the
 * OpenAPI 3.1 `webhooks` (a removed webhook breaks the subscribers that rely
 * on it).
 */
import { child, deref, isObject, report, type DiffContext, type Json, type Side } from './context.js';

function schemes(side: Side): Json {
  const c = side.doc.components;
  return isObject(c) && isObject(c.securitySchemes) ? c.securitySchemes : {};
}

function flows(scheme: Json): Json {
  return isObject(scheme.flows) ? scheme.flows : {};
}

function scopes(flow: unknown): Json {
  return isObject(flow) && isObject(flow.scopes) ? flow.scopes : {};
}

/** Compares `components.securitySchemes`. */
export function checkSecuritySchemes(ctx: DiffContext): void {
  const prev = schemes(ctx.prev);
  const curr = schemes(ctx.curr);
  for (const name of Object.keys(prev)) {
    const pptr = child('/components/securitySchemes', name);
    if (!(name in curr)) {
      report(ctx, 'api-security-component-removed', `Security scheme \`${name}\` was removed from components`, 'prev', pptr);
      continue;
    }
    const p = deref(ctx.prev, prev[name], pptr);
    const c = deref(ctx.curr, curr[name], pptr);
    if (p.node && c.node) compareScheme(ctx, name, p.node, c.node, c.pointer);
  }
  for (const name of Object.keys(curr)) {
    if (!(name in prev)) report(ctx, 'api-security-component-added', `Security scheme \`${name}\` was added to components`, 'curr', child('/components/securitySchemes', name));
  }
}

function compareScheme(ctx: DiffContext, name: string, p: Json, c: Json, cp: string): void {
  if (p.type !== c.type) report(ctx, 'api-security-component-type-changed', `Security scheme \`${name}\` changed type from ${String(p.type)} to ${String(c.type)}`, 'curr', child(cp, 'type'));
  const pf = flows(p);
  const cf = flows(c);
  for (const flow of Object.keys(cf)) {
    const a = isObject(pf[flow]) ? pf[flow] : {};
    const b = isObject(cf[flow]) ? cf[flow] : {};
    const fp = child(cp, 'flows', flow);
    if (flow in pf && a.authorizationUrl !== b.authorizationUrl)
      report(ctx, 'api-security-component-oauth-url-changed', `Authorization URL of the ${flow} flow of security scheme \`${name}\` changed from ${String(a.authorizationUrl)} to ${String(b.authorizationUrl)}`, 'curr', fp);
    if (flow in pf && a.tokenUrl !== b.tokenUrl)
      report(ctx, 'api-security-component-oauth-token-url-changed', `Token URL of the ${flow} flow of security scheme \`${name}\` changed from ${String(a.tokenUrl)} to ${String(b.tokenUrl)}`, 'curr', fp);
  }
  // Scopes are compared across all flows of the scheme, as oasdiff does.
  const ps = new Map<string, unknown>();
  const cs = new Map<string, { flow: string; text: unknown }>();
  for (const flow of Object.keys(pf)) for (const [s, text] of Object.entries(scopes(pf[flow]))) ps.set(s, text);
  for (const flow of Object.keys(cf)) for (const [s, text] of Object.entries(scopes(cf[flow]))) cs.set(s, { flow, text });
  for (const [s, text] of ps) {
    const now = cs.get(s);
    if (!now) report(ctx, 'api-security-component-oauth-scope-removed', `OAuth scope \`${s}\` was removed from security scheme \`${name}\``, 'curr', child(cp, 'flows'));
    else if (now.text !== text) report(ctx, 'api-security-component-oauth-scope-changed', `Description of OAuth scope \`${s}\` of security scheme \`${name}\` changed`, 'curr', child(cp, 'flows', now.flow, 'scopes', s));
  }
  for (const [s, { flow }] of cs) if (!ps.has(s)) report(ctx, 'api-security-component-oauth-scope-added', `OAuth scope \`${s}\` was added to security scheme \`${name}\``, 'curr', child(cp, 'flows', flow, 'scopes', s));
}

/** Compares the names of the OpenAPI 3.1 `webhooks`. */
export function checkWebhooks(ctx: DiffContext): void {
  const prev = isObject(ctx.prev.doc.webhooks) ? ctx.prev.doc.webhooks : {};
  const curr = isObject(ctx.curr.doc.webhooks) ? ctx.curr.doc.webhooks : {};
  for (const name of Object.keys(prev)) {
    if (!(name in curr))
      report(ctx, 'webhook-removed', `Webhook \`${name}\` was removed`, 'prev', child('/webhooks', name), 'Subscribers still expect these calls: keep sending the webhook, or deprecate it first and publish a new major version.');
  }
  for (const name of Object.keys(curr)) if (!(name in prev)) report(ctx, 'webhook-added', `Webhook \`${name}\` was added`, 'curr', child('/webhooks', name));
}
