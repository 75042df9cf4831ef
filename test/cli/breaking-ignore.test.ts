/**
 * The breaking ignore file through the CLI: a breaking change listed in
 * `.contractkit-breaking-ignore.yaml` is accepted, so the versioning rules
 * (which ask for a new version because of breaking changes) must not count it.
 * Also: the `breaking` settings of contractkit.yaml reach the differs.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

const fixtures = join(packageRoot(), 'test/fixtures/breaking');

interface Report {
  findings: { ruleId: string; severity: string; file: string }[];
}

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Copies a fixture case into a scratch directory as previous/ and current/ (files or directories). */
function scratch(kind: string, name: string, ext = ''): string {
  dir = mkdtempSync(join(tmpdir(), 'ck-breaking-ignore-'));
  for (const side of ['previous', 'current']) cpSync(join(fixtures, kind, name, side + ext), join(dir, side + ext), { recursive: true });
  return dir;
}

const run = (args: string[]) => {
  const r = runCli([...args, '--format', 'json'], dir);
  return { code: r.code, stderr: r.stderr, ids: (JSON.parse(r.stdout) as Report).findings.map((f) => f.ruleId).sort() };
};

const ignore = (entries: { rule: string; file: string }[]) =>
  writeFileSync(join(dir, '.contractkit-breaking-ignore.yaml'), entries.map((e) => `- rule: ${e.rule}\n  file: ${e.file}\n  reason: Accepted with every consumer.\n`).join(''));

describe('breaking: ignored findings do not count for the versioning rules', () => {
  it('OpenAPI: breaking-change-needs-new-version goes with the ignored changes', () => {
    scratch('openapi', 'response-property-type-changed', '.yaml');
    const before = run(['breaking', 'current.yaml', '--against', 'previous.yaml']);
    expect(before.ids).toContain('response-property-type-changed');
    expect(before.ids).toContain('breaking-change-needs-new-version');
    ignore([{ rule: 'response-property-type-changed', file: 'current.yaml' }]);
    const after = run(['breaking', 'current.yaml', '--against', 'previous.yaml']);
    expect(after.stderr).toBe('');
    expect(after.ids).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('AsyncAPI: event-breaking-needs-new-version goes with the ignored changes', () => {
    scratch('asyncapi', 'type-changed', '.yaml');
    const before = run(['breaking', 'current.yaml', '--against', 'previous.yaml']);
    expect(before.ids).toEqual(['TYPE_CHANGED', 'event-breaking-needs-new-version']);
    ignore([{ rule: 'TYPE_CHANGED', file: 'current.yaml' }]);
    const after = run(['breaking', 'current.yaml', '--against', 'previous.yaml']);
    expect(after.ids).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('proto: proto-breaking-needs-new-package-version goes with the ignored changes', () => {
    scratch('proto', 'field-type-changed');
    const before = run(['breaking', 'current', '--against', 'previous']);
    expect(before.ids).toEqual(['FIELD_SAME_TYPE', 'proto-breaking-needs-new-package-version']);
    ignore([{ rule: 'FIELD_SAME_TYPE', file: 'current/shop/v1/shop.proto' }]);
    const after = run(['breaking', 'current', '--against', 'previous']);
    expect(after.ids).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('a versioning finding stays when only some of the breaking changes are ignored', () => {
    scratch('openapi', 'response-property-type-changed', '.yaml');
    const before = run(['breaking', 'current.yaml', '--against', 'previous.yaml']);
    const kinds = new Set(before.ids.filter((id) => id !== 'breaking-change-needs-new-version'));
    // ignoring an id that is not among the findings changes nothing
    ignore([{ rule: 'request-parameter-removed', file: 'current.yaml' }]);
    const after = run(['breaking', 'current.yaml', '--against', 'previous.yaml']);
    expect(new Set(after.ids.filter((id) => id !== 'breaking-change-needs-new-version'))).toEqual(kinds);
    expect(after.ids).toContain('breaking-change-needs-new-version');
    expect(after.code).toBe(1);
  });
});

describe('breaking: settings from contractkit.yaml reach the OpenAPI differ', () => {
  it('breaking.minSunsetDays: deprecating an operation without a sunset date is an error', () => {
    dir = mkdtempSync(join(tmpdir(), 'ck-breaking-sunset-'));
    const doc = (deprecated: boolean) =>
      `openapi: 3.1.0\ninfo: { title: Orders, version: 1.0.0 }\npaths:\n  /v1/orders:\n    get:\n      operationId: listOrders\n${deprecated ? '      deprecated: true\n' : ''}      responses:\n        '200': { description: ok }\n`;
    writeFileSync(join(dir, 'previous.yaml'), doc(false));
    writeFileSync(join(dir, 'current.yaml'), doc(true));
    writeFileSync(join(dir, 'contractkit.yaml'), 'version: 1\nbreaking:\n  minSunsetDays: 30\n');
    const r = run(['breaking', 'current.yaml', '--against', 'previous.yaml']);
    expect(r.stderr).toBe('');
    expect(r.ids).toContain('api-deprecated-sunset-missing');
    expect(r.code).toBe(1);
  });
});
