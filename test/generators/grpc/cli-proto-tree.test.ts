/**
 * `contractkit generate grpc <tree> [--path …]` over a proto tree without
 * buf.yaml laid out like googleapis (test/fixtures/grpc/tree): the directory
 * given is the proto root, `--path` builds only the selected files and what
 * they import (an unrelated file that does not compile is never built), a
 * `--path` that names nothing is exit 2, and `--progress` reports the phases
 * on stderr.
 */
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../../generators/core/writer.js';
import { runCli } from '../../cli/run-cli.js';
import { readTree, root } from './helpers.js';

const tree = join(root, 'test/fixtures/grpc/tree');
const scratch = () => mkdtempSync(join(tmpdir(), 'ck-grpc-tree-'));

describe('generate grpc over a proto tree', () => {
  it('--path builds and generates only the selected files and their imports', () => {
    const dir = scratch();
    const r = runCli(['generate', 'grpc', tree, '--path', 'shop/v1', '--out', 'out'], dir);
    // messages, stubs and (the default `codec: fast`) codecs of the selected files and their imports
    expect(r.stderr).toContain('5 written');
    expect(r.code).toBe(0);
    // with the target's manifest, which lists exactly those
    const written = ['common/v1/money_codec.ts', 'common/v1/money_pb.ts', 'shop/v1/shop_codec.ts', 'shop/v1/shop_grpc.ts', 'shop/v1/shop_pb.ts'];
    expect(Object.keys(readTree(join(dir, 'out'))).sort()).toEqual(['.contractkit/grpc.files', ...written]);
    expect(readManifest(join(dir, 'out'), 'grpc')).toEqual(written);
  });

  it('without --path the whole tree is one contract: the file that does not compile is the only finding', () => {
    const dir = scratch();
    const r = runCli(['generate', 'grpc', tree, '--out', 'out', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).findings.map((f: { file: string; line: number; ruleId: string }) => `${f.file.replace(/^.*fixtures\/grpc\/tree\//, '')}:${f.line} ${f.ruleId}`);
    expect(files).toEqual(['broken/v1/broken.proto:7 load/proto-compile']);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a --path that names nothing under the root is exit 2, saying where it looked', () => {
    const r = runCli(['generate', 'grpc', tree, '--path', 'shop/v2', '--out', 'out'], scratch());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/generate grpc: --path shop\/v2: no such file or directory under \S*test\/fixtures\/grpc\/tree\. Did you mean `shop\/v1`\?/);
  });

  it('a --path that repeats the root directory says which root it fits', () => {
    const r = runCli(['generate', 'grpc', join(tree, 'shop'), '--path', 'shop/v1', '--out', 'out'], scratch());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Paths are relative to the proto root: give the contract as \S*test\/fixtures\/grpc\/tree with --path shop\/v1\./);
  });

  it('the cache of a --path build covers the selected files and their imports, not the rest of the tree', () => {
    const dir = scratch();
    cpSync(tree, join(dir, 'tree'), { recursive: true });
    const generate = () => runCli(['generate', 'grpc', 'tree', '--path', 'shop/v1', '--out', 'out'], dir);
    expect(generate().stderr).toContain('5 written');
    expect(generate().stderr).toContain('unchanged (cached)');
    // a file elsewhere in the tree is not an input
    writeFileSync(join(dir, 'tree/broken/v1/more.proto'), 'syntax = "proto3";\npackage broken.v1;\n');
    expect(generate().stderr).toContain('unchanged (cached)');
    // an imported file is (its messages and its codecs)
    writeFileSync(join(dir, 'tree/common/v1/money.proto'), 'syntax = "proto3";\npackage common.v1;\nmessage Money { string currency_code = 1; }\n');
    expect(generate().stderr).toContain('2 written, 3 unchanged');
    // and so is a new file in a selected directory
    writeFileSync(join(dir, 'tree/shop/v1/extra.proto'), 'syntax = "proto3";\npackage shop.v1;\nmessage Extra {}\n');
    expect(generate().stderr).toContain('2 written, 5 unchanged');
  });

  it('--progress reports each phase on stderr', () => {
    const r = runCli(['generate', 'grpc', tree, '--path', 'shop/v1', '--out', 'out', '--progress'], scratch());
    expect(r.code).toBe(0);
    const phases = r.stderr.split('\n').filter((l) => /^\[\d+\.\d s\] /.test(l)).map((l) => l.replace(/^\[\d+\.\d s\] /, '').replace(/ \(.*$/, '').replace(/…$/, ''));
    expect(phases).toEqual(['building image of tree', 'generating grpc from tree', 'generating grpc from tree: messages', 'generating grpc from tree: services', 'writing 5 file(s)', 'done']);
  });
});
