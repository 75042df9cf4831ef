/**
 * Where a proto contract lives: the root buf builds from, whether it has buf
 * configuration, the module directories image file names are relative to, and
 * the `--path` restriction for a single-file input.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The resolved layout of a proto input. */
export interface ProtoInput {
  /** Directory buf is run on (module, workspace or plain directory). */
  root: string;
  /** True when `root` holds a `buf.yaml` (a module, or a v2 workspace) or a `buf.work.yaml` (v1 workspace). */
  bufModule: boolean;
  /** Directories image file names are relative to, most specific first (module paths of a workspace, then the root). */
  moduleDirs: string[];
  /** Absolute `.proto` file the build is restricted to, for a single-file input. */
  file?: string;
}

/** Config files that make a directory a buf module or workspace. */
const BUF_CONFIGS = ['buf.yaml', 'buf.work.yaml'];

/**
 * Resolves `specPath` (absolute): a directory is its own root; a `.proto`
 * file is built from the nearest enclosing directory with buf configuration
 * (not above `rootDir`), else from its own directory, restricted to the file.
 * Returns a message instead when the path is missing or not proto.
 */
export function resolveProtoInput(specPath: string, rootDir: string): ProtoInput | { problem: string; hint: string } {
  let stat;
  try {
    stat = statSync(specPath);
  } catch {
    return { problem: `Proto path ${specPath} does not exist.`, hint: 'Point the contract at a buf module, a directory of .proto files or a .proto file.' };
  }
  if (stat.isDirectory()) return layoutOf(specPath);
  if (!specPath.endsWith('.proto')) {
    return { problem: `${specPath} is not a .proto file.`, hint: 'Point the contract at a buf module, a directory of .proto files or a .proto file.' };
  }
  const dir = path.dirname(specPath);
  const configured = findConfiguredAncestor(dir, rootDir);
  return { ...layoutOf(configured ?? dir), file: specPath };
}

function hasBufConfig(dir: string): boolean {
  return BUF_CONFIGS.some((name) => existsSync(path.join(dir, name)));
}

/** The nearest directory from `dir` upwards (stopping at `rootDir` when `dir` is inside it) that has buf config. */
function findConfiguredAncestor(dir: string, rootDir: string): string | undefined {
  const stop = isInside(dir, rootDir) ? path.resolve(rootDir) : path.parse(dir).root;
  for (let current = dir; ; current = path.dirname(current)) {
    if (hasBufConfig(current)) return current;
    if (current === stop || path.dirname(current) === current) return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function layoutOf(root: string): ProtoInput {
  const bufModule = hasBufConfig(root);
  const moduleDirs = [...workspaceModuleDirs(root), root];
  return { root, bufModule, moduleDirs: [...new Set(moduleDirs)] };
}

/**
 * Module directories of a workspace: `modules[].path` of a v2 `buf.yaml`, or
 * `directories` of a v1 `buf.work.yaml`. Unreadable config gives none; buf
 * itself reports what is wrong with it.
 */
function workspaceModuleDirs(root: string): string[] {
  const dirs: string[] = [];
  const v2 = readYaml(path.join(root, 'buf.yaml'));
  if (v2 && v2.version === 'v2' && Array.isArray(v2.modules)) {
    for (const m of v2.modules) {
      if (m && typeof m === 'object' && typeof (m as { path?: unknown }).path === 'string') {
        dirs.push(path.resolve(root, (m as { path: string }).path));
      }
    }
  }
  const work = readYaml(path.join(root, 'buf.work.yaml'));
  if (work && Array.isArray(work.directories)) {
    for (const d of work.directories) if (typeof d === 'string') dirs.push(path.resolve(root, d));
  }
  return dirs;
}

function readYaml(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const doc: unknown = parse(readFileSync(file, 'utf8'));
    return doc && typeof doc === 'object' ? (doc as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The absolute path of an image file name (`orders/v1/orders.proto`): the
 * first module directory, or ancestor of the root (buf may pick a controlling
 * workspace above a plain directory), where it exists; else root + name.
 */
export function absoluteProtoPath(input: ProtoInput, name: string): string {
  for (const dir of input.moduleDirs) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  for (let dir = path.dirname(input.root); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return path.join(input.root, name);
}
