/**
 * Where a removal is reported, through the CLI against a git ref: in the
 * current file, at the nearest element that still exists (the schema that
 * lost a property, `channels`, the message that lost a field), with the old
 * place as `previous` in the JSON report and a related location in SARIF.
 * Before, the old file's line was reported under the new file's name.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

const fixtures = join(packageRoot(), 'test/fixtures/breaking');

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  pointer: string | null;
  previous?: { file: string; line: number; column: number };
}

/** The places in the scratch repository and the fixture each comes from. */
const CASES = [
  { path: 'api/orders.yaml', fixture: 'openapi/response-required-property-removed', ext: '.yaml' },
  { path: 'events/events.yaml', fixture: 'asyncapi/channel-removed', ext: '.yaml' },
  { path: 'proto', fixture: 'proto/field-deleted', ext: '' },
];

describe('breaking: removals are reported where the user can act', () => {
  let repo: string;
  let findings: JsonFinding[];
  let previousText: Map<string, string>;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  const put = (side: 'previous' | 'current') => {
    for (const c of CASES) {
      const to = join(repo, c.path);
      mkdirSync(c.ext ? dirname(to) : to, { recursive: true });
      cpSync(join(fixtures, c.fixture, side + c.ext), to, { recursive: true });
    }
  };
  const lineOf = (text: string, line: number) => text.split('\n')[line - 1] ?? '';
  const current = (file: string, line: number) => lineOf(readFileSync(join(repo, file), 'utf8'), line);
  const previous = (file: string, line: number) => lineOf(previousText.get(file)!, line);
  const find = (ruleId: string) => {
    const hit = findings.find((f) => f.ruleId === ruleId);
    expect(hit, `${ruleId} in ${findings.map((f) => f.ruleId).join(', ')}`).toBeDefined();
    return hit!;
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ck-removed-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    put('previous');
    git('add', '.');
    git('commit', '-qm', 'previous');
    previousText = new Map(['api/orders.yaml', 'events/events.yaml', 'proto/shop/v1/shop.proto'].map((f) => [f, readFileSync(join(repo, f), 'utf8')]));
    put('current');
    git('add', '-A');
    git('commit', '-qm', 'current');
    const r = runCli(['breaking', ...CASES.map((c) => c.path), '--against', 'HEAD~1', '--format', 'json'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('OpenAPI: a removed response property at its parent schema, previously at the property', () => {
    const f = find('response-required-property-removed');
    expect(f.file).toBe('api/orders.yaml');
    expect(f.pointer).toBe('/components/schemas/Order/properties');
    expect(current(f.file, f.line)).toMatch(/^\s*properties:/);
    expect(f.previous!.file).toBe('api/orders.yaml');
    expect(previous(f.previous!.file, f.previous!.line)).toMatch(/^\s*total:/);
  });

  it('AsyncAPI: a removed channel at `channels`, previously at the channel', () => {
    const f = find('channel-removed');
    expect(f.file).toBe('events/events.yaml');
    expect(f.pointer).toBe('/channels');
    expect(current(f.file, f.line)).toMatch(/"channels"/);
    expect(previous(f.previous!.file, f.previous!.line)).toMatch(/"orderCancelled"/);
  });

  it('proto: a deleted field at its message (buf), previously at the field', () => {
    const f = find('FIELD_NO_DELETE');
    expect(f.file).toBe('proto/shop/v1/shop.proto');
    expect(current(f.file, f.line)).toMatch(/^message Product/);
    expect(f.previous!.file).toBe('proto/shop/v1/shop.proto');
    expect(previous(f.previous!.file, f.previous!.line)).toMatch(/string name = 2;/);
  });

  it('SARIF carries the previous place as a related location; GitHub and markdown name it', () => {
    // one contract is enough here (the AsyncAPI parser is the slow part of a run)
    const run = (format: string) => runCli(['breaking', 'api/orders.yaml', '--against', 'HEAD~1', '--format', format], repo).stdout;
    const f = find('response-required-property-removed');
    const sarif = JSON.parse(run('sarif'));
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === f.ruleId);
    expect(result.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'api/orders.yaml' }, region: { startLine: f.line } });
    expect(result.relatedLocations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'api/orders.yaml' }, region: { startLine: f.previous!.line, startColumn: f.previous!.column } });
    const note = `Previously at api/orders.yaml:${f.previous!.line}:${f.previous!.column}.`;
    const github = run('github');
    expect(github).toContain(`file=api/orders.yaml,line=${f.line},`);
    expect(github).toContain(note);
    expect(run('markdown')).toContain(note);
  });
});
