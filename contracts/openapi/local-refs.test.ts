/**
 * The fast path of readOpenApiDocument: only documents whose every `$ref`
 * plainly resolves in the file skip Redocly's resolve; anything else takes it
 * (and gets its precise findings).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localRefsResolve, readOpenApiDocument } from './read.js';

const schemas = { A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } }, B: { type: 'string' }, C: { $ref: '#/components/schemas/B' } };
const doc = (extra: Record<string, unknown>) => ({ openapi: '3.1.0', components: { schemas: { ...schemas, ...extra } } });

describe('localRefsResolve', () => {
  it('accepts local pointers that resolve, through $ref hops', () => {
    expect(localRefsResolve(doc({ D: { $ref: '#/components/schemas/C' }, E: { items: [{ $ref: '#/components/schemas/A/properties/b' }] } }))).toBe(true);
  });

  it.each([
    ['a missing target', { D: { $ref: '#/components/schemas/Nope' } }],
    ['another file', { D: { $ref: 'other.yaml#/X' } }],
    ['an anchor', { D: { $ref: '#thing' } }],
    ['a chain back to itself', { D: { $ref: '#/components/schemas/E' }, E: { $ref: '#/components/schemas/D' } }],
    ['a pointer through a $ref', { D: { $ref: '#/components/schemas/C/type' } }],
    ['a $ref that is not a string', { D: { $ref: 42 } }],
  ])('refuses %s', (_what, extra) => {
    expect(localRefsResolve(doc(extra))).toBe(false);
  });
});

describe('readOpenApiDocument', () => {
  it('reads a local-refs document without resolving, and resolves on demand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-local-refs-'));
    writeFileSync(join(dir, 'api.json'), JSON.stringify(doc({})));
    const { read, findings } = await readOpenApiDocument({ path: join(dir, 'api.json') }, { rootDir: dir, allowRemoteRefs: false });
    expect(findings).toEqual([]);
    expect(read!.localRefsOnly).toBe(true);
    const refs = await read!.refs();
    expect(refs.get(`${join(dir, 'api.json')}::#/components/schemas/B`)).toMatchObject({ resolved: true, node: { type: 'string' } });
    expect(await read!.refs()).toBe(refs);
  });

  it('still reports an unresolved local $ref at its place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-local-refs-'));
    writeFileSync(join(dir, 'api.json'), JSON.stringify(doc({ D: { $ref: '#/components/schemas/Nope' } })));
    const { read, findings } = await readOpenApiDocument({ path: join(dir, 'api.json') }, { rootDir: dir, allowRemoteRefs: false });
    expect(read).toBeUndefined();
    expect(findings).toMatchObject([{ ruleId: 'load/unresolved-ref', pointer: '/components/schemas/D/$ref' }]);
  });
});
