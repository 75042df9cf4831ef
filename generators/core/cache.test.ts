/**
 * The generate cache: fresh only while every input and output file keeps its
 * content hash, keyed by version, code, target and contract.
 */
import { mkdtempSync, mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../contracts/model/types.js';
import { contractInputs, createGenerateCache } from './cache.js';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ck-cache-'));
  const api = join(dir, 'api.yaml');
  const shared = join(dir, 'shared.yaml');
  writeFileSync(api, 'openapi: 3.1.0\n');
  writeFileSync(shared, 'components: {}\n');
  const out = join(dir, 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'client.ts'), 'export {};\n');
  const contract = { name: 'api', kind: 'openapi', file: api, files: [api, shared] } as unknown as Contract;
  const target = { target: 'rest-client', out, options: {}, contract: { kind: 'openapi' as const, path: api, name: 'api' } };
  return { dir, api, shared, out, contract, target, cacheDir: join(dir, '.contractkit-cache') };
}

describe('generate cache', () => {
  it('is fresh after a store and stale after any input or output changes', () => {
    const t = setup();
    const cache = createGenerateCache(t.cacheDir, '1.0.0', 'code', t.target);
    expect(cache.fresh()).toBe(false);
    cache.store(contractInputs([t.contract]), [{ path: 'client.ts', content: 'export {};\n' }]);
    expect(cache.fresh()).toBe(true);
    expect(cache.inputFiles().sort()).toEqual([t.api, t.shared].sort());

    writeFileSync(t.shared, 'components: { schemas: {} }\n');
    expect(cache.fresh()).toBe(false);
    cache.store(contractInputs([t.contract]), [{ path: 'client.ts', content: 'export {};\n' }]);
    expect(cache.fresh()).toBe(true);

    writeFileSync(join(t.out, 'client.ts'), '// edited by hand\n');
    expect(cache.fresh()).toBe(false);
    writeFileSync(join(t.out, 'client.ts'), 'export {};\n');
    expect(cache.fresh()).toBe(true);
    rmSync(join(t.out, 'client.ts'));
    expect(cache.fresh()).toBe(false);
  });

  it('keys entries by version, generator code, options and output directory', () => {
    const t = setup();
    createGenerateCache(t.cacheDir, '1.0.0', 'code', t.target).store(contractInputs([t.contract]), [{ path: 'client.ts', content: 'export {};\n' }]);
    expect(createGenerateCache(t.cacheDir, '1.0.0', 'code', t.target).fresh()).toBe(true);
    expect(createGenerateCache(t.cacheDir, '1.0.1', 'code', t.target).fresh()).toBe(false);
    expect(createGenerateCache(t.cacheDir, '1.0.0', 'changed code', t.target).fresh()).toBe(false);
    expect(createGenerateCache(t.cacheDir, '1.0.0', 'code', { ...t.target, options: { dateType: 'Date' } }).fresh()).toBe(false);
    expect(createGenerateCache(t.cacheDir, '1.0.0', 'code', { ...t.target, out: join(t.dir, 'elsewhere') }).fresh()).toBe(false);
  });

  it('notices a new .proto file under a proto root', () => {
    const t = setup();
    const root = join(t.dir, 'proto');
    mkdirSync(root);
    writeFileSync(join(root, 'a.proto'), 'syntax = "proto3";\n');
    const proto = { name: 'p', kind: 'proto', file: root, root, files: [join(root, 'a.proto')] } as unknown as Contract;
    const cache = createGenerateCache(t.cacheDir, '1', 'c', { ...t.target, contract: { kind: 'proto', path: root, name: 'p' } });
    cache.store(contractInputs([proto]), []);
    expect(cache.fresh()).toBe(true);
    writeFileSync(join(root, 'b.proto'), 'syntax = "proto3";\n');
    expect(cache.fresh()).toBe(false);
  });

  it('trusts size and modification time of files older than the entry, and hashes the rest', () => {
    const t = setup();
    const old = new Date(Date.now() - 60_000);
    utimesSync(t.api, old, old);
    utimesSync(t.shared, old, old);
    const cache = createGenerateCache(t.cacheDir, '1', 'c', t.target);
    cache.store(contractInputs([t.contract]), [{ path: 'client.ts', content: 'export {};\n' }]);
    expect(cache.fresh()).toBe(true);

    // same size, same mtime: not read again (the stat is what git's index trusts too)
    writeFileSync(t.shared, 'components: []\n');
    utimesSync(t.shared, old, old);
    expect(cache.fresh()).toBe(true);
    // a new mtime with the same size is read and hashed
    writeFileSync(t.shared, 'components: []\n');
    expect(statSync(t.shared).mtimeMs).toBeGreaterThan(old.getTime());
    expect(cache.fresh()).toBe(false);

    // the output was written just before the store ("racy"): it is always hashed, so an edit of the same size shows
    cache.store(contractInputs([t.contract]), [{ path: 'client.ts', content: 'export {};\n' }]);
    writeFileSync(join(t.out, 'client.ts'), 'export {};\n');
    expect(cache.fresh()).toBe(true);
    writeFileSync(join(t.out, 'client.ts'), 'export  1;\n');
    expect(cache.fresh()).toBe(false);
  });
});
