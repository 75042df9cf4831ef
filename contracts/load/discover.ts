/**
 * Turns paths given on the command line into contract specs: a file's kind is
 * told by its extension and its first key; a directory is searched.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { configFileTool, sniffKind } from './sniff-kind.js';
import type { ContractSpec } from './types.js';
import type { Finding } from '../finding.js';

/** Folders never searched for contracts. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.contractkit-cache']);

/** Result of discovery: the specs found and problems with the paths given. */
export interface Discovery {
  specs: ContractSpec[];
  findings: Finding[];
}

/** Name of a contract from its path (`orders` for `openapi/orders.yaml`). */
export function contractName(path: string, cwd: string): string {
  const base = basename(path).replace(/\.saga\.ya?ml$/, '').replace(/\.(ya?ml|json|proto|graphql|gql)$/, '');
  return base || relative(cwd, path) || '.';
}

/**
 * Specs for `paths` (files or directories). A directory with buf config is one
 * proto module; otherwise it is searched for contracts. The `.proto` files it
 * holds outside buf modules form one proto contract rooted at the directory
 * itself, the way `buf lint <dir>` roots them (package folders such as
 * `acme/v1` are relative to it); each buf module below is a contract of its own.
 */
export function discoverContracts(paths: readonly string[], cwd: string): Discovery {
  const specs: ContractSpec[] = [];
  const findings: Finding[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) {
      findings.push({
        ruleId: 'load/not-found',
        severity: 'error',
        kind: 'config',
        file: abs,
        line: 1,
        column: 1,
        message: `No such file or directory: ${p}`,
        hint: 'Check the path; paths are relative to the current directory.',
      });
      continue;
    }
    if (statSync(abs).isDirectory()) {
      const before = specs.length;
      walkRoot(abs, specs, cwd);
      if (specs.length === before) {
        findings.push({
          ruleId: 'load/no-contracts',
          severity: 'error',
          kind: 'config',
          file: abs,
          line: 1,
          column: 1,
          message: `No contracts found in ${p || '.'}.`,
          hint: 'contractkit looks for OpenAPI, AsyncAPI and *.saga.yaml files (YAML or JSON), .proto files and GraphQL SDL (.graphql, .gql).',
        });
      }
      continue;
    }
    const kind = sniffKind(abs);
    if (!kind) {
      const tool = configFileTool(abs);
      findings.push({
        ruleId: 'load/unknown-kind',
        severity: 'error',
        kind: 'config',
        file: abs,
        line: 1,
        column: 1,
        message: tool ? `${basename(abs)} is ${tool}'s configuration, not a contract.` : `Cannot tell what kind of contract ${p} is.`,
        hint: tool
          ? 'Name the contract files or their folder instead; a folder search never takes configuration files for contracts.'
          : 'An OpenAPI document has a top-level `openapi:` (or `swagger:`) key, an AsyncAPI document `asyncapi:`; sagas end in .saga.yaml; proto files in .proto.',
      });
      continue;
    }
    specs.push({ name: contractName(abs, cwd), kind, path: abs });
  }
  return { specs: dedupe(specs), findings };
}

/** Files that make a directory a buf module or workspace: buf builds it with its own config. */
const BUF_CONFIGS = new Set(['buf.yaml', 'buf.work.yaml']);

/**
 * Searches the directory `root` given on the command line. Loose `.proto`
 * files (outside buf modules) become one contract at `root`, placed where the
 * first of them was found; `protoPaths` restricts it to the folders that hold
 * them when `root` itself holds none, so skipped folders (`node_modules`) and
 * buf modules below stay out of its build.
 */
function walkRoot(root: string, specs: ContractSpec[], cwd: string): void {
  const loose: string[] = [];
  let at = -1;
  walk(root, specs, cwd, (dir) => {
    if (at < 0) at = specs.length;
    loose.push(dir);
  });
  if (loose.length === 0) return;
  const spec: ContractSpec = { name: contractName(root, cwd), kind: 'proto', path: root };
  const paths = loose.includes(root) ? ownProtoPaths(root) : loose;
  if (paths) spec.protoPaths = paths.map((d) => relative(root, d).split(sep).join('/'));
  specs.splice(at, 0, spec);
}

/**
 * For a root that holds `.proto` files itself: undefined (buf builds all of
 * it) unless it also has a folder a search skips (`node_modules`, hidden
 * ones), whose `.proto` files are not the contract's; then its own `.proto`
 * files and the other folders holding some.
 */
function ownProtoPaths(root: string): string[] | undefined {
  const entries = readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const skipped = (name: string) => SKIP_DIRS.has(name) || name.startsWith('.');
  if (!entries.some((e) => e.isDirectory() && skipped(e.name))) return undefined;
  return entries
    .filter((e) => (e.isFile() && e.name.endsWith('.proto')) || (e.isDirectory() && !skipped(e.name) && holdsProto(join(root, e.name))))
    .map((e) => join(root, e.name));
}

/** True when a folder has a `.proto` file at any depth (skipped folders aside). */
function holdsProto(dir: string): boolean {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.proto')) return true;
    if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.') && holdsProto(join(dir, e.name))) return true;
  }
  return false;
}

/**
 * Searches `dir`. In a folder with buf config or `.proto` files buf owns
 * every `.proto` file below, so further down only the other kinds are looked
 * for (`owned`): an OpenAPI file beside the protos is still a contract.
 */
function walk(dir: string, specs: ContractSpec[], cwd: string, onLooseProto: (dir: string) => void, owned = false): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  let inProto = owned;
  if (!owned && entries.some((e) => e.isFile() && BUF_CONFIGS.has(e.name))) {
    specs.push({ name: contractName(dir, cwd), kind: 'proto', path: dir });
    inProto = true;
  } else if (!owned && entries.some((e) => e.isFile() && e.name.endsWith('.proto'))) {
    onLooseProto(dir);
    inProto = true;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), specs, cwd, onLooseProto, inProto);
    } else if (e.isFile()) {
      addFile(join(dir, e.name), specs, cwd);
    }
  }
}

/** Adds a non-proto contract file (proto files belong to the folder's proto contract). */
function addFile(file: string, specs: ContractSpec[], cwd: string): void {
  const kind = sniffKind(file);
  if (!kind || kind === 'proto') return;
  specs.push({ name: contractName(file, cwd), kind, path: file });
}

function dedupe(specs: ContractSpec[]): ContractSpec[] {
  const seen = new Set<string>();
  return specs.filter((s) => (seen.has(s.path) ? false : (seen.add(s.path), true)));
}
