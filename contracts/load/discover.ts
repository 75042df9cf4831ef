/**
 * Turns paths given on the command line into contract specs: a file's kind is
 * told by its extension and its first key; a directory is searched.
 */
import { existsSync, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { ContractSpec } from './types.js';
import type { Finding } from '../../checks/finding.js';

/** Folders never searched for contracts. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.contractkit-cache']);

/** Result of discovery: the specs found and problems with the paths given. */
export interface Discovery {
  specs: ContractSpec[];
  findings: Finding[];
}

/** Reads the first bytes of a file to tell an OpenAPI, Swagger or AsyncAPI document apart. */
export function sniffKind(file: string): ContractSpec['kind'] | undefined {
  if (file.endsWith('.saga.yaml') || file.endsWith('.saga.yml')) return 'saga';
  if (extname(file) === '.proto') return 'proto';
  if (['.graphql', '.gql'].includes(extname(file))) return 'graphql';
  if (!['.yaml', '.yml', '.json'].includes(extname(file))) return undefined;
  let head = '';
  try {
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    head = buf.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  }
  if (/(^|[\n{,])\s*["']?(openapi|swagger)["']?\s*:/.test(head)) return 'openapi';
  if (/(^|[\n{,])\s*["']?asyncapi["']?\s*:/.test(head)) return 'asyncapi';
  return undefined;
}

/** Name of a contract from its path (`orders` for `openapi/orders.yaml`). */
export function contractName(path: string, cwd: string): string {
  const base = basename(path).replace(/\.saga\.ya?ml$/, '').replace(/\.(ya?ml|json|proto|graphql|gql)$/, '');
  return base || relative(cwd, path) || '.';
}

/**
 * Specs for `paths` (files or directories). A directory with `buf.yaml` is one
 * proto module; otherwise it is searched for contracts, and each top-most
 * directory holding `.proto` files becomes one proto contract.
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
      walk(abs, specs, cwd);
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
      findings.push({
        ruleId: 'load/unknown-kind',
        severity: 'error',
        kind: 'config',
        file: abs,
        line: 1,
        column: 1,
        message: `Cannot tell what kind of contract ${p} is.`,
        hint: 'An OpenAPI document starts with `openapi:` (or `swagger:`), an AsyncAPI document with `asyncapi:`; sagas end in .saga.yaml; proto files in .proto; GraphQL subgraphs in .graphql or .gql.',
      });
      continue;
    }
    specs.push({ name: contractName(abs, cwd), kind, path: abs });
  }
  return { specs: dedupe(specs), findings };
}

function walk(dir: string, specs: ContractSpec[], cwd: string): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (entries.some((e) => e.isFile() && (e.name === 'buf.yaml' || e.name.endsWith('.proto')))) {
    specs.push({ name: contractName(dir, cwd), kind: 'proto', path: dir });
    // a proto tree is one contract; its other files are not searched further
    for (const e of entries) if (e.isFile() && e.name !== 'buf.yaml') addFile(join(dir, e.name), specs, cwd, true);
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), specs, cwd);
    } else if (e.isFile()) {
      addFile(join(dir, e.name), specs, cwd, false);
    }
  }
}

function addFile(file: string, specs: ContractSpec[], cwd: string, skipProto: boolean): void {
  const kind = sniffKind(file);
  if (!kind || (kind === 'proto' && skipProto) || kind === 'proto') return;
  specs.push({ name: contractName(file, cwd), kind, path: file });
}

function dedupe(specs: ContractSpec[]): ContractSpec[] {
  const seen = new Set<string>();
  return specs.filter((s) => (seen.has(s.path) ? false : (seen.add(s.path), true)));
}
