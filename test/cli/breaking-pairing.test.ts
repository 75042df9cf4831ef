/**
 * `contractkit breaking <path> --against <path>`: the two paths are one
 * contract over time, paired whatever the folders are called and whether or
 * not either has a `buf.yaml`; a comparison that pairs nothing never passes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

const fixtures = join(packageRoot(), 'test/fixtures/breaking');

interface Report {
  findings: { ruleId: string; severity: string; file: string; message: string }[];
}

const PREVIOUS_PROTO = 'syntax = "proto3";\n\npackage shop.v1;\n\nmessage Product {\n  string id = 1;\n  string name = 2;\n}\n';
const CURRENT_PROTO = 'syntax = "proto3";\n\npackage shop.v1;\n\nmessage Product {\n  string id = 1;\n}\n';
const BUF_YAML = 'version: v2\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ck-breaking-pairing-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

/** Copies a fixture file (relative to test/fixtures/breaking) to `rel` in the scratch directory. */
function copy(fixture: string, rel: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  cpSync(join(fixtures, fixture), join(dir, rel));
}

function breaking(args: string[], cwd = dir) {
  const r = runCli(['breaking', ...args, '--format', 'json'], cwd);
  const report = r.stdout ? (JSON.parse(r.stdout) as Report) : { findings: [] };
  return { ...r, findings: report.findings, ids: report.findings.map((f) => f.ruleId).sort() };
}

describe('breaking: a directory against a directory', () => {
  it.each([
    ['neither has a buf.yaml', false, false],
    ['only the current one has a buf.yaml', true, false],
    ['only the previous one has a buf.yaml', false, true],
    ['both have a buf.yaml', true, true],
  ])('proto folders of different names, %s: the deleted field is found', (_name, currentBuf, previousBuf) => {
    write('previous/shop/v1/shop.proto', PREVIOUS_PROTO);
    write('current/shop/v1/shop.proto', CURRENT_PROTO);
    if (currentBuf) write('current/buf.yaml', BUF_YAML);
    if (previousBuf) write('previous/buf.yaml', BUF_YAML);
    const r = breaking(['current/', '--against', 'previous/']);
    expect(r.stderr).toBe('');
    expect(r.ids).toEqual(['FIELD_NO_DELETE', 'proto-breaking-needs-new-package-version']);
    expect(r.findings.every((f) => f.file === 'current/shop/v1/shop.proto')).toBe(true);
    expect(r.code).toBe(1);
  });

  it('OpenAPI and AsyncAPI files in folders of different names are paired by their path inside them', () => {
    copy('openapi/response-property-type-changed/previous.yaml', 'v1/openapi/orders.yaml');
    copy('openapi/response-property-type-changed/current.yaml', 'v2/openapi/orders.yaml');
    copy('asyncapi/type-changed/previous.yaml', 'v1/asyncapi/events.yaml');
    copy('asyncapi/type-changed/current.yaml', 'v2/asyncapi/events.yaml');
    const r = breaking(['v2', '--against', 'v1']);
    expect(r.stderr).toBe('');
    expect(r.ids).toContain('response-property-type-changed');
    expect(r.ids).toContain('TYPE_CHANGED');
    expect(r.ids).not.toContain('contract-added');
    expect(r.code).toBe(1);
  });

  it('a renamed file is still paired when it is the only one of its kind on each side', () => {
    copy('openapi/response-property-type-changed/previous.yaml', 'previous/orders-api.yaml');
    copy('openapi/response-property-type-changed/current.yaml', 'current/orders.yaml');
    const r = breaking(['current', '--against', 'previous']);
    expect(r.ids).toContain('response-property-type-changed');
    expect(r.code).toBe(1);
  });

  it('a contract missing from the current directory is reported as removed (an error)', () => {
    const same = 'openapi/response-property-type-changed/previous.yaml';
    copy(same, 'previous/orders.yaml');
    copy(same, 'previous/billing.yaml');
    copy(same, 'current/orders.yaml');
    const r = breaking(['current', '--against', 'previous']);
    expect(r.ids).toEqual(['contract-removed']);
    expect(r.findings[0]!.file).toBe('previous/billing.yaml');
    expect(r.code).toBe(1);
  });

  it('a directory laid out like the working directory still works (the same place under it)', () => {
    copy('openapi/response-property-type-changed/previous.yaml', 'checkout/openapi/orders.yaml');
    copy('openapi/response-property-type-changed/current.yaml', 'openapi/orders.yaml');
    const r = breaking(['openapi', '--against', 'checkout']);
    expect(r.ids).toContain('response-property-type-changed');
    expect(r.code).toBe(1);
  });
});

describe('breaking: nothing compared is never a pass', () => {
  it('a previous directory without contracts: exit 2 with breaking-nothing-compared', () => {
    write('current/shop/v1/shop.proto', CURRENT_PROTO);
    write('previous/README.md', 'nothing here\n');
    const r = breaking(['current/', '--against', 'previous/']);
    expect(r.ids).toEqual(['breaking-nothing-compared']);
    expect(r.findings[0]!.message).toMatch(/Nothing was compared: no contract has a previous version in previous\/\. Current: current(\/shop\/v1)? \(proto\); previous: none\./);
    expect(r.code).toBe(2);
    const stylish = runCli(['breaking', 'current/', '--against', 'previous/'], dir);
    expect(stylish.stdout).not.toMatch(/No problems found/);
    expect(stylish.code).toBe(2);
  });

  it('a git ref that does not hold the contracts yet: exit 2', () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    write('README.md', 'x\n');
    git('add', '.');
    git('commit', '-qm', 'empty');
    copy('openapi/response-property-type-changed/current.yaml', 'openapi/orders.yaml');
    const r = breaking(['openapi', '--against', 'HEAD']);
    expect(r.ids).toEqual(['breaking-nothing-compared']);
    expect(r.code).toBe(2);
  });

  it('a file against a file of another kind is exit 2', () => {
    copy('openapi/response-property-type-changed/current.yaml', 'orders.yaml');
    copy('asyncapi/type-changed/previous.yaml', 'events.yaml');
    const r = runCli(['breaking', 'orders.yaml', '--against', 'events.yaml'], dir);
    expect(r.stderr).toMatch(/is an AsyncAPI contract, but orders.yaml is an OpenAPI one/);
    expect(r.code).toBe(2);
  });
});
