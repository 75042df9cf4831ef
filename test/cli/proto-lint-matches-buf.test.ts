/**
 * `contractkit lint` on a proto folder reports exactly what `buf lint` reports
 * on the same folder: the real buf binary runs beside the built CLI on the
 * same fixture, with and without buf.yaml, for a folder given directly (the
 * working directory) and for a folder nested under the working directory.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufBinary, parseBufJsonLines } from '../../contracts/proto/buf.js';
import { scratchTree } from '../scratch-tree.js';
import { runCli } from './run-cli.js';

/** A finding reduced to what both tools print. */
interface Seen {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  message: string;
}

const ACME = 'syntax = "proto3";\npackage acme.v1;\n\nmessage Thing {\n  string name = 1;\n}\n';
// FIELD_LOWER_SNAKE_CASE in any layout, so buf has something to say in every case
const SHOP = 'syntax = "proto3";\npackage shop.v1;\n\nmessage Shop {\n  string displayName = 1;\n}\n';

const tree = (files: Record<string, string>) => scratchTree(files, 'ck-buf-same-');

/** `buf lint [input] [...extra]` in `cwd`, paths made relative to `cwd` like contractkit prints them. */
function bufLint(cwd: string, input: string[], extra: string[] = []): Seen[] {
  const bin = bufBinary();
  const r = spawnSync(bin.command, [...bin.args, 'lint', ...input, ...extra, '--error-format', 'json'], { cwd, encoding: 'utf8' });
  expect([0, 100], `buf lint failed: ${r.stderr}`).toContain(r.status);
  return sorted(
    parseBufJsonLines(r.stdout).issues.map((i) => ({
      file: relative(cwd, resolve(cwd, i.path)),
      line: i.startLine,
      column: i.startColumn,
      endLine: i.endLine,
      endColumn: i.endColumn,
      ruleId: i.type,
      message: i.message,
    })),
  );
}

/** The proto findings of `contractkit lint [input]` in `cwd`. */
function contractkitLint(cwd: string, input: string[]): Seen[] {
  const r = runCli(['lint', ...input, '--format', 'json', '--no-cache'], cwd);
  expect(r.stderr).toBe('');
  const findings = JSON.parse(r.stdout).findings as (Seen & { kind: string })[];
  return sorted(
    findings
      .filter((f) => f.kind === 'proto')
      .map(({ file, line, column, endLine, endColumn, ruleId, message }) => ({ file, line, column, endLine, endColumn, ruleId, message })),
  );
}

function sorted(list: Seen[]): Seen[] {
  return list.sort((a, b) => (a.file + a.line + a.ruleId < b.file + b.line + b.ruleId ? -1 : 1));
}

/** Asserts both tools agree on `input` in `cwd` and that buf found something (a comparison of nothing proves nothing). */
function expectSame(cwd: string, input: string[], bufInput: string[] = input, bufExtra: string[] = []): Seen[] {
  const buf = bufLint(cwd, bufInput, bufExtra);
  expect(buf.length).toBeGreaterThan(0);
  expect(contractkitLint(cwd, input)).toEqual(buf);
  return buf;
}

describe('contractkit lint on proto folders reports what buf lint reports', () => {
  it('without buf.yaml: nested package folders are not PACKAGE_DIRECTORY_MATCH findings', () => {
    const dir = tree({ 'protos/acme/v1/acme.proto': ACME, 'protos/shop/v1/shop.proto': SHOP });
    const nested = expectSame(dir, ['protos']);
    expect(nested.map((f) => f.ruleId)).toEqual(['FIELD_LOWER_SNAKE_CASE']);
    expectSame(join(dir, 'protos'), ['.']);
    expectSame(join(dir, 'protos'), []);
  });

  it('without buf.yaml: a folder deeper under the working directory, and a package in the wrong folder', () => {
    const dir = tree({
      'src/api/protos/acme/v1/acme.proto': ACME,
      'src/api/protos/shop/v1/shop.proto': SHOP,
      'src/api/protos/misplaced/v1/acme.proto': ACME.replace('Thing', 'Other'),
    });
    const found = expectSame(dir, ['src/api/protos']);
    expect(found.map((f) => f.ruleId)).toContain('PACKAGE_DIRECTORY_MATCH');
    expectSame(join(dir, 'src'), ['api/protos']);
  });

  it('without buf.yaml: `// buf:lint:ignore` comments count as little as buf counts them', () => {
    const ignored = SHOP.replace('  string displayName', '  // buf:lint:ignore FIELD_LOWER_SNAKE_CASE\n  string displayName');
    const dir = tree({ 'protos/shop/v1/shop.proto': ignored });
    expect(expectSame(dir, ['protos']).map((f) => f.ruleId)).toEqual(['FIELD_LOWER_SNAKE_CASE']);
    // with buf.yaml (v2) they are honoured, by both
    const module = tree({ 'protos/buf.yaml': 'version: v2\n', 'protos/shop/v1/shop.proto': ignored, 'protos/shop/v1/other.proto': SHOP.replace('Shop', 'Other') });
    expect(expectSame(module, ['protos']).map((f) => f.file)).toEqual(['protos/shop/v1/other.proto']);
  });

  it('without buf.yaml: .proto files directly in the folder and below it', () => {
    const dir = tree({ 'protos/top.proto': SHOP.replace('shop.v1', 'top'), 'protos/shop/v1/shop.proto': SHOP });
    expectSame(dir, ['protos']);
    expectSame(join(dir, 'protos'), ['.']);
  });

  it('with buf.yaml: the module config applies, given directly or nested', () => {
    const dir = tree({
      'protos/buf.yaml': 'version: v2\nlint:\n  use: [STANDARD]\n  except: [PACKAGE_VERSION_SUFFIX]\n',
      'protos/acme/v1/acme.proto': ACME,
      'protos/shop/v1/shop.proto': SHOP,
      'protos/widgets/widgets.proto': 'syntax = "proto3";\npackage widgets;\nmessage Widget { string Name = 1; }\n',
    });
    expectSame(dir, ['protos']);
    expectSame(join(dir, 'protos'), ['.']);
    expectSame(join(dir, 'protos'), []);
  });

  it('a folder inside a module is linted under the module config, as buf does with --path', () => {
    const dir = tree({
      'buf.yaml': 'version: v2\nlint:\n  use: [STANDARD]\n',
      'protos/acme/v1/acme.proto': ACME,
      'protos/shop/v1/shop.proto': SHOP,
    });
    // buf refuses `buf lint protos` here and asks for the module with --path
    expectSame(dir, ['protos'], ['.'], ['--path', 'protos']);
  });

  it('loose .proto files beside a buf module: each gets the findings buf gives its own input', () => {
    const dir = tree({
      'mod/buf.yaml': 'version: v2\n',
      'mod/acme/v1/acme.proto': ACME.replace('string name', 'string Name'),
      'loose/shop/v1/shop.proto': SHOP,
      'node_modules/dep/v1/dep.proto': 'syntax = "proto3";\npackage dep.v1;\nmessage Dep { string Bad = 1; }\n',
    });
    const buf = [...bufLint(dir, ['mod']), ...bufLint(dir, ['.'], ['--path', 'loose'])];
    expect(contractkitLint(dir, ['.'])).toEqual(sorted(buf));
    // node_modules is not searched, as for every kind of contract
    expect([...new Set(buf.map((f) => f.file))].sort()).toEqual(['loose/shop/v1/shop.proto', 'mod/acme/v1/acme.proto']);
  });

  it('a folder holding .proto files itself, with node_modules beside them: the folder is the root, node_modules stays out', () => {
    const dir = tree({
      'svc/service.proto': 'syntax = "proto3";\npackage svc;\nmessage Ping { string Id = 1; }\n',
      'svc/types/v1/t.proto': SHOP.replace('shop.v1', 'types.v1'),
      // as protobufjs ships them: buf would build these too, and clash with its own well-known types
      'svc/node_modules/protobufjs/google/protobuf/empty.proto': 'syntax = "proto3";\npackage google.protobuf;\nmessage Empty {}\n',
    });
    const all = bufLint(join(dir, 'svc'), ['.']);
    const ours = all.filter((f) => !f.file.startsWith('node_modules/'));
    expect(ours.length).toBeGreaterThan(0);
    expect(contractkitLint(join(dir, 'svc'), ['.'])).toEqual(ours);
  });

  it('--staged lints a staged folder of .proto files with the same root (the repository, as `buf lint` there)', () => {
    const dir = tree({ 'protos/acme/v1/acme.proto': ACME, 'protos/shop/v1/shop.proto': SHOP, 'node_modules/dep/v1/dep.proto': 'syntax = "proto3";\n' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', 'protos');
    const r = runCli(['lint', '--staged', '--format', 'json'], dir);
    const findings = (JSON.parse(r.stdout).findings as (Seen & { kind: string })[]).map((f) => [f.file, f.ruleId]);
    const buf = bufLint(dir, ['.'], ['--path', 'protos']).map((f) => [f.file, f.ruleId]);
    expect(buf.length).toBeGreaterThan(0);
    expect(findings).toEqual(buf);
  });
});
