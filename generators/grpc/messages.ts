/**
 * Messages and enums: protoc-gen-es (target=ts, import_extension=js) run by
 * `buf generate` on the contract's image in a temporary directory. The files
 * are read back and returned; nothing is written outside the temp directory
 * (the writer writes the output).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { UsageError } from '../../contracts/errors.js';
import { runBuf } from '../../contracts/proto/buf.js';
import type { ProtoContract } from '../../contracts/model/types.js';
import type { GeneratedFile } from '../core/registry.js';
import { protocGenEsLauncher } from './protoplugin.js';

/** Options of the message generation. */
export interface MessageOptions {
  /** Restrict to these files or directories (relative to the module root), like `buf generate --path`. Imports are always generated too (except well-known types). */
  paths?: readonly string[];
  /** Also generate JSON types (protoc-gen-es `json_types=true`). */
  jsonTypes?: boolean;
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Runs protoc-gen-es over `contract.image` and returns its files (paths relative to the output root). */
export async function generateMessages(contract: ProtoContract, options: MessageOptions = {}): Promise<GeneratedFile[]> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'contractkit-grpc-'));
  try {
    const image = path.join(tmp, 'image.binpb');
    const template = path.join(tmp, 'buf.gen.yaml');
    const out = path.join(tmp, 'out');
    await writeFile(image, contract.image);
    const opt = ['target=ts', 'import_extension=js'];
    if (options.jsonTypes) opt.push('json_types=true');
    await writeFile(
      template,
      stringify({ version: 'v2', plugins: [{ local: [process.execPath, protocGenEsLauncher()], out, opt }] }),
    );
    const args = ['generate', image, '--template', template, '--error-format', 'json'];
    for (const p of options.paths ?? []) args.push('--path', p);
    // Generated files import the files they depend on, so those are generated too (a filtered
    // build, or a contract loaded from a directory inside a larger tree). buf leaves the
    // well-known types out: protoc-gen-es imports them from @bufbuild/protobuf/wkt.
    args.push('--include-imports');
    const run = await runBuf(args, { cwd: tmp });
    if (run.exitCode !== 0) {
      const why = run.error?.message ?? (run.stderr.trim() || `exit code ${run.exitCode}`);
      throw new UsageError(`grpc: generating messages with protoc-gen-es failed for ${contract.name}: ${why}`, [
        {
          ruleId: 'generate/grpc-messages',
          severity: 'error',
          kind: 'proto',
          message: `\`${run.commandLine}\` failed: ${why}`,
          file: contract.file,
          hint: options.paths?.length
            ? 'Check that each `paths` entry names a .proto file or directory of the contract, relative to its root.'
            : 'Run `buf generate` with protoc-gen-es on the module to see the problem.',
        },
      ]);
    }
    const files = await listFiles(out).catch(() => []);
    return Promise.all(files.map(async (f) => ({ path: f, content: await readFile(path.join(out, f), 'utf8') })));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
