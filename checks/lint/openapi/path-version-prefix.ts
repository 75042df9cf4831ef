/**
 * `path-version-prefix`: the API's major version is visible: in the path or
 * server URL (`/api/v1/orders`, the seed's recommendation), or, when the team
 * chose it, in a header or a query parameter on every operation.
 */
import type { UserContext } from '@redocly/openapi-core';
import type { RedoclyRule } from '../rule.js';
import { report } from '../redocly/report.js';
import { operationVisitor, type OperationInfo } from './support/operations.js';
import { describe, findParameter, pathSegments } from './support/http.js';

/** Server URLs with `{variables}` replaced by their defaults. */
export function serverUrls(servers: unknown): string[] {
  if (!Array.isArray(servers)) return [];
  return servers
    .filter((s) => s && typeof s.url === 'string')
    .map((s) => (s.url as string).replace(/\{([^}]+)\}/g, (_, name) => String(s.variables?.[name]?.default ?? '')));
}

/** True when some segment of the URL's path matches the version pattern. */
export function urlHasVersion(url: string, pattern: RegExp): boolean {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
  return pathSegments(path).some((s) => pattern.test(s));
}

function mediaTypesOf(op: OperationInfo): string[] {
  const types: string[] = [];
  const add = (content: unknown) => content && typeof content === 'object' && types.push(...Object.keys(content));
  add(op.requestBody?.node?.content);
  for (const r of op.responses) add(r.node?.content);
  types.push(...((op.operation?.produces as string[]) ?? []), ...((op.operation?.consumes as string[]) ?? []));
  return types;
}

/** The rule definition. */
export const pathVersionPrefix: RedoclyRule = {
  id: 'path-version-prefix',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'The major version is in the path or server URL (`/api/v1/orders`), or in a header or query parameter if that is the chosen style.',
  defaultSeverity: 'error',
  presets: ['minimal', 'recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      style: { enum: ['path', 'header', 'query'], description: 'Where the version lives.' },
      segmentPattern: { type: 'string', description: 'Regular expression a version path segment matches.' },
      headers: { type: 'array', items: { type: 'string' }, description: 'Header names that carry the version (style header).' },
      queryParam: { type: 'string', description: 'Query parameter that carries the version (style query).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { style: 'path', segmentPattern: '^v[0-9]+$', headers: ['Api-Version', 'X-Api-Version', 'Accept-Version'], queryParam: 'version' },
  visitor(options) {
    const pattern = new RegExp(options.segmentPattern as string);
    if (options.style === 'header') return headerStyle(options.headers as string[]);
    if (options.style === 'query') return queryStyle(options.queryParam as string);
    let serverVersioned = false;
    return {
      Root: {
        enter(root: any) {
          const urls = [...serverUrls(root?.servers), ...(typeof root?.basePath === 'string' ? [root.basePath] : [])];
          serverVersioned = urls.some((u) => urlHasVersion(u, pattern));
        },
      },
      PathItem(node: any, ctx: UserContext) {
        const path = String(ctx.key);
        if (!path.startsWith('/') || serverVersioned) return;
        if (pathSegments(path).some((s) => pattern.test(s))) return;
        if (serverUrls(node?.servers).some((u) => urlHasVersion(u, pattern))) return;
        report(ctx, {
          message: `Path \`${path}\` carries no major version, and no server URL does either.`,
          hint: 'Put the major version in the path (`/api/v1/orders`) or in the server URL (`https://api.example.com/v1`), so a v2 can run beside v1. If you version by header or query parameter, set the option `style`.',
          location: ctx.location.key(),
        });
      },
    };
  },
};

function headerStyle(headers: string[]): Record<string, unknown> {
  const versionedMedia = /[.+]v\d+\b|;\s*version=/i;
  return operationVisitor((op) => {
    if (headers.some((h) => findParameter(op, h, 'header'))) return;
    if (mediaTypesOf(op).some((m) => versionedMedia.test(m))) return;
    report(op.ctx, {
      message: `${describe(op)} declares no version header (${headers.map((h) => `\`${h}\``).join(', ')}) and no versioned media type.`,
      hint: `Add a header parameter \`${headers[0]}\` (required, with the supported major versions as an enum), or use a versioned media type such as \`application/vnd.company.v1+json\`.`,
      location: op.location.key(),
    });
  });
}

function queryStyle(queryParam: string): Record<string, unknown> {
  return operationVisitor((op) => {
    if (findParameter(op, queryParam, 'query')) return;
    report(op.ctx, {
      message: `${describe(op)} takes no \`${queryParam}\` query parameter, so a client cannot say which version it speaks.`,
      hint: `Add a query parameter \`${queryParam}\` (or a shared \`$ref\` to one) to every operation; the seed notes this style is easy to miss, so make it required.`,
      location: op.location.key(),
    });
  });
}
