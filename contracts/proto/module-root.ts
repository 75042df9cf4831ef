/**
 * Where a proto contract lives: the root buf builds from, whether it has buf
 * configuration, the module directories image file names are relative to, and
 * the `--path` restriction for a single file or a directory inside a module.
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
  /**
   * Absolute `.proto` files or directories the build is restricted to
   * (`--path` each; empty: the whole root): a single-file input, a directory
   * inside a buf module (buf refuses to build those directly), or the folders
   * a discovered directory's loose `.proto` files are in.
   */
  targets: string[];
}

/** Config files that make a directory a buf module or workspace. */
const BUF_CONFIGS = ['buf.yaml', 'buf.work.yaml'];

/**
 * Resolves `specPath` (absolute). A directory with buf config, or one with no
 * configured ancestor, is its own root. A `.proto` file, or a directory inside
 * a module, is built from the nearest enclosing directory with buf config (not
 * above `rootDir`) restricted to it; a file without one from its own directory.
 * `protoPaths` (relative to a directory `specPath`) narrow the build to those
 * folders. Returns a message instead when the path is missing or not proto.
 */
export function resolveProtoInput(specPath: string, rootDir: string, protoPaths?: readonly string[]): ProtoInput | { problem: string; hint: string } {
  let stat;
  try {
    stat = statSync(specPath);
  } catch {
    return { problem: `Proto path ${specPath} does not exist.`, hint: 'Point the contract at a buf module, a directory of .proto files or a .proto file.' };
  }
  if (stat.isDirectory()) {
    const narrowed = protoPaths?.length ? protoPaths.map((p) => path.resolve(specPath, p)) : undefined;
    if (hasBufConfig(specPath)) return layoutOf(specPath, narrowed);
    const enclosing = findConfiguredAncestor(path.dirname(specPath), specPath, rootDir);
    if (!enclosing) return layoutOf(specPath, narrowed);
    // buf builds a module directory of a workspace directly, and anything else below config with --path.
    if (workspaceModuleDirs(enclosing).includes(specPath)) return { root: specPath, bufModule: true, moduleDirs: [specPath], targets: narrowed ?? [] };
    return layoutOf(enclosing, narrowed ?? [specPath]);
  }
  if (!specPath.endsWith('.proto')) {
    return { problem: `${specPath} is not a .proto file.`, hint: 'Point the contract at a buf module, a directory of .proto files or a .proto file.' };
  }
  const dir = path.dirname(specPath);
  const configured = findConfiguredAncestor(dir, specPath, rootDir);
  return layoutOf(configured ?? dir, [specPath]);
}

function hasBufConfig(dir: string): boolean {
  return BUF_CONFIGS.some((name) => existsSync(path.join(dir, name)));
}

/**
 * The nearest directory from `start` upwards that has buf config, not leaving
 * `limit` (the repository root when `specPath` is inside it, else the file system root).
 */
function findConfiguredAncestor(start: string, specPath: string, rootDir: string): string | undefined {
  const limit = isInside(specPath, rootDir) ? path.resolve(rootDir) : path.parse(specPath).root;
  for (let current = start; isInside(current, limit); current = path.dirname(current)) {
    if (hasBufConfig(current)) return current;
    if (path.dirname(current) === current) break;
  }
  return undefined;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function layoutOf(root: string, targets: string[] = []): ProtoInput {
  const bufModule = hasBufConfig(root);
  const moduleDirs = [...workspaceModuleDirs(root), root];
  return { root, bufModule, moduleDirs: [...new Set(moduleDirs)], targets };
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
