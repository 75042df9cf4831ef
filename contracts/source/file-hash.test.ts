import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISSING_FILE, contentHash, hashFile, hashTree, treeFiles } from './file-hash.js';

describe('file-hash', () => {
  it('hashes content, and a missing file as missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-hash-'));
    writeFileSync(join(dir, 'a.proto'), 'syntax = "proto3";');
    expect(hashFile(join(dir, 'a.proto'))).toBe(contentHash('syntax = "proto3";'));
    expect(hashFile(join(dir, 'gone.proto'))).toBe(MISSING_FILE);
  });

  it('walks a tree for the wanted names, skipping node_modules and dot-directories', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-tree-'));
    for (const d of ['v1', 'node_modules/x', '.git']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['v1/a.proto', 'v1/notes.md', 'node_modules/x/b.proto', '.git/c.proto', 'buf.yaml']) writeFileSync(join(dir, f), f);
    const wanted = (name: string) => name.endsWith('.proto') || name === 'buf.yaml';
    expect(treeFiles(dir, wanted).map((p) => p.slice(dir.length + 1)).sort()).toEqual(['buf.yaml', 'v1/a.proto']);
    const out: Record<string, string> = {};
    hashTree(dir, wanted, out);
    expect(out[join(dir, 'v1/a.proto')]).toBe(contentHash('v1/a.proto'));
    expect(treeFiles(join(dir, 'nowhere'), wanted)).toEqual([]);
  });
});
