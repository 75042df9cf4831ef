/**
 * Every refusal of `generate` is a report in the format asked for: with
 * `--format json`, a JSON document whose findings say why (issue 18: the
 * social-media example, a system of AsyncAPI documents that $ref each other,
 * gave no JSON report). Nothing is written on a refusal.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

const SOCIAL = join(packageRoot(), 'test/fixtures/events/asyncapi-examples/social-media');

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ck-gen-refusal-'));
  cpSync(SOCIAL, join(dir, 'social-media'), { recursive: true });
  return dir;
}

function report(stdout: string): { findings: { ruleId: string; severity: string; message: string; file?: string }[] } {
  expect(stdout.trim(), 'a JSON report on stdout').not.toBe('');
  return JSON.parse(stdout);
}

describe('generate refusals are reports', () => {
  it('a folder of AsyncAPI documents for one --out is refused with a JSON finding per document, and nothing is written', () => {
    const dir = project();
    // a second document in the folder: both would be generated over each other into gen/
    cpSync(join(dir, 'social-media/backend'), join(dir, 'social-media/frontend'), { recursive: true });
    const r = runCli(['generate', 'events', 'social-media', '--out', 'gen', '--format', 'json', '--no-cache'], dir);
    expect(r.code, r.stderr).toBe(2);
    const findings = report(r.stdout).findings;
    expect(findings.map((f) => f.file).sort()).toEqual(['social-media/backend/asyncapi.yaml', 'social-media/frontend/asyncapi.yaml']);
    expect(findings[0]!.message).toContain('into one output directory');
    expect(existsSync(join(dir, 'gen'))).toBe(false);
  });

  it('a refusal that names no file (no --out) is a JSON report with a finding too', () => {
    const dir = project();
    const r = runCli(['generate', 'events', 'social-media/backend/asyncapi.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const findings = report(r.stdout).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error' });
    expect(findings[0]!.message).toContain('--out <dir> is required');
  });

  it('a document outside the root refused for its $refs is a JSON report', () => {
    const dir = project();
    // the output stays inside the project (the folder run in), so what refuses the run is the $refs to ../common
    const r = runCli(['generate', 'events', 'asyncapi.yaml', '--out', 'gen', '--format', 'json'], join(dir, 'social-media/backend'));
    expect(r.code).toBe(2);
    expect(report(r.stdout).findings.some((f) => f.ruleId === 'load/ref-outside-root')).toBe(true);
  });

  it('the backend document with its common/ refs generates', () => {
    const dir = project();
    const r = runCli(['generate', 'events', 'social-media/backend/asyncapi.yaml', '--out', 'gen', '--format', 'json', '--no-cache'], dir);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(existsSync(join(dir, 'gen/producers.ts'))).toBe(true);
  });
});
