/**
 * Runs a public project's own test files as a source of cases, without their
 * assertions: each file (read from a git snapshot with `git show`) is
 * transpiled to CommonJS and evaluated with stand-ins for its test framework
 * and its imports, and every call of the function under test is recorded with
 * the arguments it got. The callers then run those inputs through
 * contractkit and through the reference library and compare.
 *
 * Nothing of the snapshot is committed; tests that use this skip when no
 * snapshot is given (environment variables name them).
 */
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

/** `git show` from a git dir (bare snapshot) or work tree. */
export function gitShow(repo: string, path: string): string {
  return execFileSync('git', ['--git-dir', gitDir(repo), 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Paths under `dir` in the snapshot's HEAD. */
export function gitList(repo: string, dir: string): string[] {
  return execFileSync('git', ['--git-dir', gitDir(repo), 'ls-tree', '-r', '--name-only', 'HEAD', dir], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

function gitDir(repo: string): string {
  try {
    return execFileSync('git', ['-C', repo, 'rev-parse', '--git-dir'], { encoding: 'utf8' }).trim().replace(/^(?!\/)/, `${repo}/`);
  } catch {
    return repo;
  }
}

/** A test of the evaluated file, by its describe path and name. */
export interface SuiteTest {
  name: string;
  run: () => unknown;
}

/** An assertion library that accepts everything: the cases are compared by the caller, not by the file's expectations. */
function permissiveExpect(): unknown {
  const chain: unknown = new Proxy(function () {}, {
    // `await expect(...)` must not wait for a thenable that never settles
    get: (_t, key) => (key === 'then' ? undefined : chain),
    apply: () => chain,
  });
  return chain;
}

/**
 * Evaluates a TypeScript test file with `modules` standing in for its imports
 * (matched by specifier; unknown ones throw) and returns its tests.
 */
export function evaluateTestFile(source: string, modules: (specifier: string) => unknown): SuiteTest[] {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const tests: SuiteTest[] = [];
  const prefix: string[] = [];
  const describe = (name: string, fn: () => void) => {
    prefix.push(name);
    try {
      fn();
    } finally {
      prefix.pop();
    }
  };
  const test = (name: string, fn: () => unknown) => tests.push({ name: [...prefix, name].join(' > '), run: fn });
  Object.assign(test, { each: () => () => {}, skip: () => {}, only: test, todo: () => {} });
  Object.assign(describe, { each: () => () => {}, skip: () => {}, only: describe });
  const require = (specifier: string) => {
    const m = modules(specifier);
    if (m === undefined) throw new Error(`no stand-in for import ${specifier}`);
    return m;
  };
  const module = { exports: {} as Record<string, unknown> };
  const hooks = () => {};
  new Function('require', 'module', 'exports', 'describe', 'test', 'it', 'expect', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'vi', js)(
    require, module, module.exports, describe, test, test, permissiveExpect(), hooks, hooks, hooks, hooks, permissiveExpect(),
  );
  return tests;
}
