/**
 * Compile check over real protos: Google's pubsub v1, cloud tasks v2,
 * firestore v1 and storage v2 from the `google-proto-files` package generate
 * (messages, services, their imports) and type-check under strict.
 *
 * google-proto-files has no buf.yaml, so the test makes a scratch buf module
 * whose `google` directory links to the package's, and loads each API as a
 * directory inside it (buf builds it with `--path`, plus imports).
 */
import { describe, expect, it } from 'vitest';
import { symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { generateGrpc } from '../../../generators/grpc/index.js';
import { runCli } from '../../cli/run-cli.js';
import { loadContract, readTree, scratchDir, typeCheck, writeFiles } from './helpers.js';

const APIS = ['google/pubsub/v1', 'google/cloud/tasks/v2', 'google/firestore/v1', 'google/storage/v2'];

describe('Google APIs from google-proto-files', () => {
  it('generate and type-check under strict', async () => {
    const pkg = dirname(createRequire(import.meta.url).resolve('google-proto-files/package.json'));
    const module = scratchDir('ck-gapis-');
    writeFileSync(join(module, 'buf.yaml'), 'version: v2\n');
    symlinkSync(join(pkg, 'google'), join(module, 'google'), 'dir');
    const out = scratchDir('ck-gapis-out-');
    const services: string[] = [];
    for (const api of APIS) {
      const contract = await loadContract(join(module, api), api);
      const files = await generateGrpc(contract);
      services.push(...files.filter((f) => f.path.endsWith('_grpc.ts')).map((f) => f.path));
      // imports shared by several APIs (google/api/*, google/type/*) come out identical
      writeFiles(files, out);
    }
    expect(services).toEqual(
      expect.arrayContaining(['google/pubsub/v1/pubsub_grpc.ts', 'google/cloud/tasks/v2/cloudtasks_grpc.ts', 'google/firestore/v1/firestore_grpc.ts', 'google/storage/v2/storage_grpc.ts']),
    );
    expect(typeCheck(out)).toBe('');
  }, 180_000);

  it('the CLI generates pubsub v1 from the whole google-proto-files tree with --path', () => {
    // as a user runs it: the package itself is the proto root (no buf.yaml), 7,000+ files under it
    const pkg = dirname(createRequire(import.meta.url).resolve('google-proto-files/package.json'));
    const dir = scratchDir('ck-gapis-cli-');
    const r = runCli(['generate', 'grpc', pkg, '--path', 'google/pubsub/v1', '--out', 'out'], dir);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    const files = Object.keys(readTree(join(dir, 'out')));
    expect(files).toEqual(expect.arrayContaining(['google/pubsub/v1/pubsub_grpc.ts', 'google/pubsub/v1/pubsub_pb.ts', 'google/api/annotations_pb.ts']));
    // service stubs only for the selected files; nothing from the rest of the tree
    expect(files.filter((f) => f.endsWith('_grpc.ts')).sort()).toEqual(['google/pubsub/v1/pubsub_grpc.ts', 'google/pubsub/v1/schema_grpc.ts']);
    // nothing from the rest of the tree: only the selected files' imports, and the target's manifest
    expect(files.filter((f) => !/^google\/(pubsub|api|type|protobuf)\//.test(f))).toEqual(['.contractkit/grpc.files']);
    expect(typeCheck(join(dir, 'out'))).toBe('');
  }, 180_000);
});
