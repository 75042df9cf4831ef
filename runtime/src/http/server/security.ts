/**
 * Security requirements applied with the hooks a service provides: a
 * requirement is a list of alternatives, each naming schemes that must all
 * accept the request; the first alternative that passes gives the principals
 * (`ctx.auth`, by scheme name). None passing is a 401 problem with
 * `WWW-Authenticate` for the HTTP schemes.
 */
import type { ApiKeyHook, BasicHook, BearerHook, IncomingHeaders, RouteSpec, SecurityHook, SecuritySchemeSpec, ServerReply } from './types.js';
import { problemReply } from './problem.js';

function header(headers: IncomingHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function cookie(headers: IncomingHeaders, name: string): string | undefined {
  for (const part of (header(headers, 'cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function credentialOf(scheme: SecuritySchemeSpec, headers: IncomingHeaders, query: URLSearchParams | undefined): string | { username: string; password: string } | undefined {
  if (scheme.type === 'apiKey') {
    if (scheme.in === 'header') return header(headers, scheme.name.toLowerCase());
    if (scheme.in === 'query') return query?.get(scheme.name) ?? undefined;
    return cookie(headers, scheme.name);
  }
  const auth = header(headers, 'authorization');
  if (!auth) return undefined;
  const space = auth.indexOf(' ');
  const kind = space < 0 ? auth : auth.slice(0, space);
  const value = space < 0 ? '' : auth.slice(space + 1).trim();
  if (scheme.type === 'bearer') return kind.toLowerCase() === 'bearer' && value ? value : undefined;
  if (kind.toLowerCase() !== 'basic' || !value) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Principals by scheme name, or the 401 reply. */
export async function authenticate(
  route: RouteSpec,
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  hooks: Readonly<Record<string, SecurityHook>>,
  headers: IncomingHeaders,
  query: URLSearchParams | undefined,
): Promise<{ auth: Record<string, unknown> } | { reply: ServerReply }> {
  const requirements = route.security ?? [];
  if (requirements.length === 0) return { auth: {} };
  const challenges = new Set<string>();
  for (const requirement of requirements) {
    const auth: Record<string, unknown> = {};
    let passed = true;
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = schemes[name];
      const hook = hooks[name];
      if (!scheme || !hook) throw new Error(`contractkit: no security hook for scheme "${name}" (operation ${route.operationId}); pass it in the server options' \`security\`.`);
      if (scheme.type !== 'apiKey') challenges.add(scheme.type === 'bearer' ? 'Bearer' : 'Basic');
      const credential = credentialOf(scheme, headers, query);
      const request = { operationId: route.operationId, scopes, headers };
      const outcome = credential === undefined ? undefined : typeof credential === 'string' ? (hook as BearerHook & ApiKeyHook)(credential, request) : (hook as BasicHook)(credential, request);
      // a synchronous hook costs no extra turn of the event loop
      const principal = outcome instanceof Promise ? await outcome : outcome;
      if (principal === undefined || principal === null || principal === false) {
        passed = false;
        break;
      }
      auth[name] = principal;
    }
    if (passed) return { auth };
  }
  const headersOut: Record<string, string> = challenges.size ? { 'www-authenticate': [...challenges].join(', ') } : {};
  return { reply: problemReply(401, `${route.operationId} needs credentials the service accepts (${requirements.map((r) => Object.keys(r).join(' + ') || 'none').join(' or ')}).`, {}, headersOut) };
}
