/**
 * The proto side of `generate grpc`: which directory is the proto root, and
 * whether each `--path` (`options.paths`) names something under it, checked
 * before buf runs so a typo is one clear line rather than buf's "no .proto
 * files were targeted".
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { contractName } from '../../../contracts/load/discover.js';
import type { ContractSpec } from '../../../contracts/load/types.js';
import { resolveProtoInput } from '../../../contracts/proto/module-root.js';
import { closest } from '../../../contracts/source/suggest.js';

const BUF_CONFIGS = ['buf.yaml', 'buf.work.yaml'];

/**
 * The proto contracts of directory `dir` for the grpc target. A buf module
 * (or a directory inside one) is what discovery found; a plain tree such as
 * googleapis or google-proto-files, whose files import each other by paths
 * relative to `dir` (`import "google/api/http.proto"`), is one contract
 * rooted at `dir`, as `buf build dir` and `protoc -I dir` take it, rather
 * than one contract per directory that holds .proto files.
 */
export function protoContractsOf(dir: string, discovered: readonly ContractSpec[], rootDir: string, cwd: string): ContractSpec[] {
  const protos = discovered.filter((s) => s.kind === 'proto');
  if (protos.length === 0) return [];
  const layout = resolveProtoInput(dir, rootDir);
  // discovery makes a buf module (a directory with buf config) one contract; an enclosing one the layout finds
  const configured = ('problem' in layout ? false : layout.bufModule) || protos.some((s) => BUF_CONFIGS.some((n) => existsSync(path.join(s.path, n))));
  if (configured || (protos.length === 1 && protos[0]!.path === dir)) return protos;
  return [{ name: contractName(dir, cwd), kind: 'proto', path: dir }];
}

/** Why `selected` (relative to the proto root of `specPath`) names nothing, or undefined when it exists. */
export function missingProtoPath(specPath: string, selected: string, rootDir: string, cwd: string): { message: string; hint: string } | undefined {
  const input = resolveProtoInput(specPath, rootDir);
  if ('problem' in input) return undefined; // the loader reports it
  if (input.moduleDirs.some((d) => existsSync(path.join(d, selected)))) return undefined;
  const root = path.relative(cwd, input.root) || '.';
  const message = `--path ${selected}: no such file or directory under ${root}.`;
  // `generate grpc googleapis/google --path google/pubsub/v1`: the root is one level up
  if (selected.split('/')[0] === path.basename(input.root) && selected.includes('/') && existsSync(path.join(path.dirname(input.root), selected))) {
    const parent = path.relative(cwd, path.dirname(input.root)) || '.';
    return { message, hint: `Paths are relative to the proto root: give the contract as ${parent} with --path ${selected}.` };
  }
  const best = closest(selected, protoPathsUnder(input.root));
  return { message, hint: best ? `Did you mean \`${best}\`?` : `Paths are relative to the proto root ${root}: give a .proto file or a directory in it, as \`buf build --path\` takes them.` };
}

/** Directories and .proto files under `root`, relative to it (for suggestions; node_modules and dot folders skipped). */
function protoPathsUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (e.isDirectory()) {
        out.push(rel);
        walk(full);
      } else if (e.name.endsWith('.proto') && statSync(full).isFile()) {
        out.push(rel);
      }
    }
  };
  walk(root);
  return out;
}
