/**
 * `contractkit generate` keeps a manifest of each target's files in the output
 * folder (`.contractkit/<target>.files`): a proto file removed from the
 * contract leaves its `_pb.ts` behind, which `--check` reports (exit 1, the
 * orphan's path) and `generate` deletes, leaving the user's own files alone.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { scratchTree } from '../scratch-tree.js';
import { runCli } from './run-cli.js';

const CONFIG = 'version: 1\ncontracts:\n  shop:\n    proto: proto\n    generate:\n      - target: grpc\n        out: gen\n';
const message = (name: string) => `syntax = "proto3";\npackage shop.v1;\nmessage ${name} { string id = 1; }\n`;

it('a removed proto leaves its _pb.ts: --check reports the orphan, generate deletes it and nothing else', () => {
  const dir = scratchTree({ 'contractkit.yaml': CONFIG, 'proto/shop/v1/a.proto': message('A'), 'proto/shop/v1/b.proto': message('B') }, 'ck-orphans-');
  try {
    const first = runCli(['generate', '--no-cache'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(dir, 'gen/.contractkit/grpc.files'), 'utf8')).toContain('shop/v1/b_pb.ts\n');
    writeFileSync(join(dir, 'gen/README.md'), 'my notes'); // the user's, never in a manifest
    expect(runCli(['generate', '--check', '--no-cache'], dir).code).toBe(0);

    rmSync(join(dir, 'proto/shop/v1/b.proto'));
    const check = runCli(['generate', '--check', '--no-cache'], dir);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stderr).toContain('orphan: gen/shop/v1/b_pb.ts');
    expect(existsSync(join(dir, 'gen/shop/v1/b_pb.ts'))).toBe(true); // check writes nothing

    const again = runCli(['generate', '--no-cache'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('deleted: gen/shop/v1/b_pb.ts');
    expect(existsSync(join(dir, 'gen/shop/v1/b_pb.ts'))).toBe(false);
    expect(existsSync(join(dir, 'gen/shop/v1/a_pb.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'gen/README.md'), 'utf8')).toBe('my notes');
    expect(readFileSync(join(dir, 'gen/.contractkit/grpc.files'), 'utf8')).not.toContain('b_pb.ts');
    expect(runCli(['generate', '--check', '--no-cache'], dir).code).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('contracts that fill one output folder share its manifest: regenerating one never deletes the other\'s files', () => {
  const module = (m: string) => ({ [`protos/${m}/buf.yaml`]: 'version: v2\n', [`protos/${m}/${m}/v1/${m}.proto`]: `syntax = "proto3";\npackage ${m}.v1;\nmessage M { string id = 1; }\n` });
  const dir = scratchTree({ ...module('alpha'), ...module('beta') }, 'ck-orphans-shared-');
  try {
    const generate = (...extra: string[]) => runCli(['generate', 'grpc', 'protos', '--out', 'gen', ...extra], dir);
    expect(generate().code).toBe(0);
    const listed = readFileSync(join(dir, 'gen/.contractkit/grpc.files'), 'utf8');
    expect(listed).toContain('alpha/v1/alpha_pb.ts\n');
    expect(listed).toContain('beta/v1/beta_pb.ts\n');
    // only alpha changed: beta's job runs with it (not from the cache), so its files stay listed and on disk
    writeFileSync(join(dir, 'protos/alpha/alpha/v1/alpha.proto'), `${readFileSync(join(dir, 'protos/alpha/alpha/v1/alpha.proto'), 'utf8')}message N { string id = 1; }\n`);
    const again = generate();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('deleted:');
    expect(existsSync(join(dir, 'gen/beta/v1/beta_pb.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'gen/.contractkit/grpc.files'), 'utf8')).toBe(listed);
    expect(generate('--check', '--no-cache').code).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
