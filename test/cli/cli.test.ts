/**
 * End-to-end: the built CLI as users run it — exit codes, init, load errors
 * through the full pipeline, breaking against a directory and a git ref.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFile } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'ck-cli-'));
const example = packageFile('examples', 'orders');

describe('contractkit CLI', () => {
  it('prints help and version; a missing command or unknown option is exit 2', () => {
    const help = runCli(['--help'], scratch());
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/contractkit lint/);
    expect(help.stdout).toMatch(/--format/);
    const version = runCli(['--version'], scratch());
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(packageFile('package.json'), 'utf8')).version);
    expect(runCli([], scratch()).code).toBe(2);
    const bad = runCli(['lint', '--bogus'], scratch());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bogus/);
    expect(runCli(['lint', '--format', 'xml'], scratch()).code).toBe(2);
  });

  it('init writes a commented config and a starter contract that lint accepts', () => {
    const dir = scratch();
    const r = runCli(['init'], dir);
    expect(r.code).toBe(0);
    const config = readFileSync(join(dir, 'contractkit.yaml'), 'utf8');
    expect(config).toMatch(/^# /m);
    expect(existsSync(join(dir, 'contracts/openapi/api.yaml'))).toBe(true);
    // the starter contract is clean under the recommended preset
    const lint = runCli(['lint', '--format', 'json'], dir);
    expect(JSON.parse(lint.stdout).findings).toEqual([]);
    expect(lint.code).toBe(0);
    // a second init refuses to overwrite
    const again = runCli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--force/);
  });

  it('reports a contract that does not load at file:line:column with exit 2 and no stack trace', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'api.yaml'), 'openapi: 3.1.0\ninfo:\n  title: x\n  version: "1"\npaths:\n  /a:\n    get:\n      responses:\n        "200": { $ref: "#/components/responses/Missing" }\n');
    const r = runCli(['lint', 'api.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.findings[0]).toMatchObject({ ruleId: 'load/unresolved-ref', file: 'api.yaml', line: 9, kind: 'openapi', severity: 'error' });
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports GraphQL SDL that does not parse at file:line:column with exit 2; a subgraph with findings is exit 1', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'orders.graphql'), 'type Query {\n  order(id: ID!): Order\n  orders(first: Int\n}\n');
    const broken = runCli(['lint', 'orders.graphql', '--format', 'json'], dir);
    expect(broken.code).toBe(2);
    expect(JSON.parse(broken.stdout).findings[0]).toMatchObject({ ruleId: 'load/invalid-graphql', file: 'orders.graphql', line: 4, column: 1, kind: 'graphql', severity: 'error' });
    writeFileSync(join(dir, 'orders.graphql'), '"Orders."\ntype Query {\n  "An order."\n  order(id: ID!): Order\n}\n"An order."\ntype Order @key(fields: "uuid") { id: ID! }\n');
    const findings = runCli(['lint', 'orders.graphql', '--format', 'json'], dir);
    expect(JSON.parse(findings.stdout).findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['graphql-subgraphs-compose', 7]]);
    expect(findings.code).toBe(1);
  });

  it('reports an invalid config at its line with exit 2', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'contractkit.yaml'), 'version: 1\ncontracts:\n  api:\n    opnapi: api.yaml\n');
    const r = runCli(['lint', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const f = JSON.parse(r.stdout).findings;
    expect(f.some((x: { file: string; line: number; kind: string }) => x.file === 'contractkit.yaml' && x.line === 4 && x.kind === 'config')).toBe(true);
  });

  it('a missing path is exit 2 with a clear message', () => {
    const r = runCli(['lint', 'nope.yaml'], scratch());
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/No such file or directory: nope.yaml/);
  });

  it('lints the example domain clean', () => {
    const r = runCli(['lint', '--format', 'json'], example);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('breaking against a git ref: says when the ref is missing, compares when present', () => {
    const dir = scratch();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    mkdirSync(join(dir, 'openapi'));
    cpSync(join(example, 'openapi'), join(dir, 'openapi'), { recursive: true });
    git('add', '.');
    git('commit', '-qm', 'first');
    const missing = runCli(['breaking', 'openapi/orders.yaml', '--against', 'origin/main'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/origin\/main: no such commit/);
    const same = runCli(['breaking', 'openapi/orders.yaml', '--against', 'HEAD', '--format', 'json'], dir);
    expect(same.stderr).toBe('');
    expect(JSON.parse(same.stdout).summary.errors).toBe(0);
    expect(same.code).toBe(0);
  });
});
