/**
 * Security hooks of every kind the generated server checks, generated from
 * a small contract and served over node:http: HTTP basic, an API key in a
 * header and in the query, alternatives (either passes), both schemes of one
 * requirement, and an operation that is open (`{}`) or has no requirement.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListeningServer } from '@contractkit/runtime/http-server';
import { restServerGenerator } from '../../../generators/rest-server/index.js';
import { loadContract, root, typeCheck, writeFiles } from '../rest-client/helpers.js';

const contract = `openapi: 3.1.0
info: { title: Guarded, version: '1' }
security: [{ basic: [] }, { key: [] }]
paths:
  /either:
    get: { operationId: either, responses: { '200': { description: ok, content: { application/json: { schema: { type: string } } } } } }
  /both:
    get: { operationId: both, security: [{ key: [], query: [read] }], responses: { '200': { description: ok, content: { application/json: { schema: { type: string } } } } } }
  /open:
    get: { operationId: open, security: [{}, { basic: [] }], responses: { '200': { description: ok, content: { application/json: { schema: { type: string } } } } } }
  /public:
    get: { operationId: public, security: [], responses: { '200': { description: ok, content: { application/json: { schema: { type: string } } } } } }
components:
  securitySchemes:
    basic: { type: http, scheme: basic }
    key: { type: apiKey, in: header, name: X-Api-Key }
    query: { type: apiKey, in: query, name: api_key }
`;

let server: ListeningServer;
const scopes: string[][] = [];
beforeAll(async () => {
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'ck-rest-server-security-'));
  writeFileSync(join(dir, 'guarded.yaml'), contract);
  const files = await restServerGenerator.generate({ contracts: [await loadContract(join(dir, 'guarded.yaml'), 'guarded')] }, { out: dir, options: {} });
  writeFiles(files, join(dir, 'gen'));
  expect(typeCheck(join(dir, 'gen'))).toBe('');
  type Mod = { createGuardedServer: (h: object, o: object) => { listen(): Promise<ListeningServer> } };
  const mod = (await import(join(dir, 'gen', 'index.ts'))) as Mod;
  const ok = (_: unknown, ctx: { auth: unknown }) => ({ status: 200, body: JSON.stringify(ctx.auth) });
  server = await mod
    .createGuardedServer(
      { either: ok, both: ok, open: ok, public: ok },
      {
        security: {
          basic: ({ username, password }: { username: string; password: string }) => (username === 'ada' && password === 'pw' ? username : undefined),
          key: async (key: string) => (key === 'k1' ? 'key-user' : false),
          query: (key: string, req: { scopes: string[] }) => (scopes.push(req.scopes), key === 'q1' ? 'query-user' : null),
        },
      },
    )
    .listen();
});
afterAll(() => server.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(server.url + path, { headers });
  return { status: res.status, body: res.status === 200 ? JSON.parse((await res.json()) as string) : await res.json(), challenge: res.headers.get('www-authenticate') };
};
const basic = (u: string, p: string) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });

describe('generated security hooks', () => {
  it('passes with either alternative, and answers 401 with a Basic challenge when none passes', async () => {
    expect(await get('/either', basic('ada', 'pw'))).toMatchObject({ status: 200, body: { basic: 'ada' } });
    expect(await get('/either', { 'x-api-key': 'k1' })).toMatchObject({ status: 200, body: { key: 'key-user' } });
    expect(await get('/either', basic('ada', 'wrong'))).toMatchObject({ status: 401, challenge: 'Basic', body: { status: 401 } });
    expect((await get('/either', { 'x-api-key': 'nope' })).status).toBe(401);
  });

  it('needs every scheme of one requirement, the query key included, and hands the hook its scopes', async () => {
    expect(await get('/both?api_key=q1', { 'x-api-key': 'k1' })).toMatchObject({ status: 200, body: { key: 'key-user', query: 'query-user' } });
    expect(scopes.at(-1)).toEqual(['read']);
    expect((await get('/both', { 'x-api-key': 'k1' })).status).toBe(401);
    expect((await get('/both?api_key=q1')).status).toBe(401);
  });

  it('lets an open requirement ({}) and an operation without requirements through', async () => {
    expect(await get('/open')).toMatchObject({ status: 200, body: {} });
    expect(await get('/public')).toMatchObject({ status: 200, body: {} });
  });
});
