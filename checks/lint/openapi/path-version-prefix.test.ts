import { describe, expect, it } from 'vitest';
import { pathVersionPrefix, urlHasVersion } from './path-version-prefix.js';
import { lineOf, lintWithRule } from './support/testing.js';

const doc = (servers: string, paths: string) => `openapi: 3.0.3
info: { title: Orders, version: 1.0.0 }
servers: ${servers}
paths:
${paths}`;
const ops = `  /orders:
    get:
      parameters: [{ name: Api-Version, in: header, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /api/v1/customers:
    get: { responses: { '200': { description: ok } } }
`;

describe('path-version-prefix', () => {
  it('flags paths without a version when no server URL carries one, at the path key', async () => {
    const findings = await lintWithRule(doc(`[{ url: 'https://api.example.com' }]`, ops), pathVersionPrefix);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'path-version-prefix', pointer: '/paths/~1orders', onKey: true, severity: 'error' });
    expect(lineOf(findings[0]!)).toBe(5);
    expect(findings[0]!.hint).toContain('/api/v1/orders');
  });

  it('accepts the version in a server URL, including through a server variable default', async () => {
    expect(await lintWithRule(doc(`[{ url: 'https://api.example.com/v1' }]`, ops), pathVersionPrefix)).toEqual([]);
    const variable = `[{ url: 'https://api.example.com/{version}', variables: { version: { default: v2 } } }]`;
    expect(await lintWithRule(doc(variable, ops), pathVersionPrefix)).toEqual([]);
  });

  it('style header: every operation declares a version header or a versioned media type', async () => {
    const findings = await lintWithRule(doc(`[{ url: 'https://api.example.com' }]`, ops), pathVersionPrefix, { style: 'header' });
    expect(findings.map((f) => [f.pointer, f.onKey])).toEqual([['/paths/~1api~1v1~1customers/get', true]]);
    const media = doc(`[]`, `  /orders:
    get:
      responses: { '200': { description: ok, content: { application/vnd.acme.v1+json: {} } } }
`);
    expect(await lintWithRule(media, pathVersionPrefix, { style: 'header' })).toEqual([]);
  });

  it('style query: every operation takes the version query parameter', async () => {
    const q = doc(`[]`, `  /orders:
    get:
      parameters: [{ name: version, in: query, schema: { type: integer } }]
      responses: { '200': { description: ok } }
  /customers:
    get: { responses: { '200': { description: ok } } }
`);
    const findings = await lintWithRule(q, pathVersionPrefix, { style: 'query' });
    expect(findings.map((f) => f.pointer)).toEqual(['/paths/~1customers/get']);
    expect(lineOf(findings[0]!)).toBe(10);
  });

  it('reads versions from URL paths only', () => {
    expect(urlHasVersion('https://v1.example.com/api', /^v[0-9]+$/)).toBe(false);
    expect(urlHasVersion('https://example.com/api/v3', /^v[0-9]+$/)).toBe(true);
    expect(urlHasVersion('/v1', /^v[0-9]+$/)).toBe(true);
  });
});
