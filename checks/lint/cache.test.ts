import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../../contracts/load/load-all.js';
import { createLintCache, inputHashes, watchedRoots } from './cache.js';

describe('the lint cache over a GraphQL subgraph folder', () => {
  it('answers an unchanged folder and notices an SDL file added to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-cache-graphql-'));
    const folder = join(dir, 'orders');
    mkdirSync(folder);
    writeFileSync(join(folder, 'schema.graphql'), 'type Query { a: Int }\n');
    const specs = [{ name: 'orders', kind: 'graphql' as const, path: folder }];
    const { model } = await loadContracts(specs, { cwd: dir, rootDir: dir, allowRemoteRefs: false });
    const cache = createLintCache(join(dir, '.contractkit-cache'), 'test', {}, specs);
    cache.store([], inputHashes(model.contracts), watchedRoots(model.contracts));
    expect(cache.lookup()).toEqual([]);
    writeFileSync(join(folder, 'more.gql'), 'extend type Query { b: Int }\n');
    expect(cache.lookup()).toBeUndefined();
  });

  it('keys entries by subgraph name and URL too (they change composition and messages)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-cache-graphql-'));
    const a = createLintCache(dir, 'test', {}, [{ name: 'o', kind: 'graphql', path: '/x.graphql', subgraph: 'orders' }]);
    const b = createLintCache(dir, 'test', {}, [{ name: 'o', kind: 'graphql', path: '/x.graphql', subgraph: 'shop' }]);
    a.store([], {}, []);
    expect(a.lookup()).toEqual([]);
    expect(b.lookup()).toBeUndefined();
  });
});
