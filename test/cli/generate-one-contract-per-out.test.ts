/**
 * `generate/one-contract-per-out` for every target: contracts whose outputs
 * would overwrite each other in one output directory are refused (exit 2, a
 * finding per contract, nothing written): a folder of OpenAPI contracts for
 * one rest-client `--out` before anything is loaded, and any two configured
 * contracts whose outputs write one path differently after generating.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const OPENAPI = join(import.meta.dirname, '../fixtures/openapi/valid-3.0.yaml');

/** A project with two OpenAPI contracts (`apis/a.yaml`, `apis/b.yaml`, different titles). */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ck-one-per-out-'));
  mkdirSync(join(dir, 'apis'));
  copyFileSync(OPENAPI, join(dir, 'apis/a.yaml'));
  writeFileSync(join(dir, 'apis/b.yaml'), readFileSync(OPENAPI, 'utf8').replace(/title: .*/, 'title: Another API'));
  return dir;
}

describe('generate: one contract per output directory', () => {
  it('a folder of OpenAPI contracts for one rest-client --out is refused with a finding per contract; nothing is written', () => {
    const dir = project();
    const r = runCli(['generate', 'rest-client', 'apis', '--out', 'gen', '--format', 'json', '--no-cache'], dir);
    expect(r.code, r.stderr).toBe(2);
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; file: string; message: string }[];
    expect(findings.map((f) => [f.ruleId, f.file])).toEqual([
      ['generate/one-contract-per-out', 'apis/a.yaml'],
      ['generate/one-contract-per-out', 'apis/b.yaml'],
    ]);
    expect(findings[0]!.message).toBe('2 OpenAPI contracts under apis would be generated into one output directory (gen), each overwriting the last; nothing was written.');
    expect(existsSync(join(dir, 'gen'))).toBe(false);
  });

  it('two configured contracts whose outputs write one path differently are refused after generating; nothing is written', () => {
    const dir = project();
    writeFileSync(
      join(dir, 'contractkit.yaml'),
      `version: 1
contracts:
  a:
    openapi: apis/a.yaml
    generate: [{ target: rest-client, out: gen }]
  b:
    openapi: apis/b.yaml
    generate: [{ target: rest-client, out: gen }]
`,
    );
    const r = runCli(['generate', '--format', 'json', '--no-cache'], dir);
    expect(r.code, r.stderr).toBe(2);
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; file: string; message: string }[];
    expect(findings.map((f) => f.ruleId)).toEqual(['generate/one-contract-per-out', 'generate/one-contract-per-out']);
    expect(findings.map((f) => f.file).sort()).toEqual(['apis/a.yaml', 'apis/b.yaml']);
    expect(findings[0]!.message).toMatch(/^The rest-client outputs of `a` and `b` both write gen\/[^ ]+, differently: one would overwrite the other; nothing was written\.$/);
    expect(existsSync(join(dir, 'gen'))).toBe(false);
  });

  it('one contract per directory still generates', () => {
    const dir = project();
    const r = runCli(['generate', 'rest-client', 'apis/a.yaml', '--out', 'gen', '--no-cache'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'gen/index.ts'))).toBe(true);
  });
});
