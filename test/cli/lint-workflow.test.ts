/**
 * The lint workflow around the rules: --staged in a real git repository (and a
 * real pre-commit hook), ignore files, baselines, the cache, per-file
 * overrides and rule options.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFile } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

const CLEAN = readFileSync(packageFile('templates', 'init', 'api.yaml'), 'utf8');
// the starter contract with an RPC-style path added: path-no-verbs finds it
const WITH_VERB = CLEAN.replace('paths:\n', 'paths:\n  /getItems:\n    get:\n      operationId: getItems\n      tags: [items]\n      responses:\n        \'200\':\n          description: ok\n        \'404\': { $ref: \'#/components/responses/Problem\' }\n        \'500\': { $ref: \'#/components/responses/Problem\' }\n');

function repo(): { dir: string; git: (...a: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'ck-flow-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  writeFileSync(join(dir, 'contractkit.yaml'), 'version: 1\ncontracts:\n  api:\n    openapi: api.yaml\n');
  writeFileSync(join(dir, 'api.yaml'), CLEAN);
  git('add', '.');
  git('commit', '-qm', 'clean contract');
  return { dir, git };
}

const json = (args: string[], cwd: string) => {
  const r = runCli([...args, '--format', 'json'], cwd);
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
};
const ruleIds = (report: { findings: { ruleId: string }[] }) => report.findings.map((f) => f.ruleId);

describe('lint workflow', () => {
  it('--staged lints the staged version, not the work tree', () => {
    const { dir, git } = repo();
    writeFileSync(join(dir, 'api.yaml'), WITH_VERB);
    git('add', 'api.yaml');
    writeFileSync(join(dir, 'api.yaml'), CLEAN); // fixed in the work tree, but not staged
    const staged = json(['lint', '--staged'], dir);
    expect(ruleIds(staged.report)).toContain('path-no-verbs');
    const finding = staged.report.findings.find((f: { ruleId: string }) => f.ruleId === 'path-no-verbs');
    expect(finding.file).toBe('api.yaml');
    expect(staged.code).toBe(1);
    const tree = json(['lint', '--no-cache'], dir);
    expect(ruleIds(tree.report)).not.toContain('path-no-verbs');
  });

  it('--staged with nothing staged is a clean exit', () => {
    const { dir } = repo();
    const r = runCli(['lint', '--staged'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/No staged contracts/);
  });

  it('a git pre-commit hook running `lint --staged` blocks a bad commit and lets a clean one through', () => {
    const { dir, git } = repo();
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${packageFile('bin', 'contractkit.js')}" lint --staged --no-color\n`);
    chmodSync(hook, 0o755);
    writeFileSync(join(dir, 'api.yaml'), WITH_VERB);
    git('add', 'api.yaml');
    const blocked = spawnSync('git', ['commit', '-qm', 'add an RPC path'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toMatch(/path-no-verbs/);
    writeFileSync(join(dir, 'api.yaml'), CLEAN.replace('Get one item', 'Get a single item'));
    git('add', 'api.yaml');
    const ok = spawnSync('git', ['commit', '-qm', 'reword'], { cwd: dir, encoding: 'utf8' });
    expect(ok.status).toBe(0);
  });

  it('an ignore entry with a reason suppresses one finding; an expired one fails the run', () => {
    const { dir } = repo();
    writeFileSync(join(dir, 'api.yaml'), WITH_VERB);
    const entry = (expires: string) =>
      `- rule: path-no-verbs\n  file: api.yaml\n  pointer: /paths/~1getItems\n  reason: Legacy endpoint kept for old clients.\n  expires: ${expires}\n`;
    writeFileSync(join(dir, '.contractkit-ignore.yaml'), entry('2999-01-01'));
    expect(ruleIds(json(['lint', '--no-cache'], dir).report)).not.toContain('path-no-verbs');
    writeFileSync(join(dir, '.contractkit-ignore.yaml'), entry('2000-01-01'));
    const expired = json(['lint', '--no-cache'], dir);
    expect(ruleIds(expired.report)).toEqual(expect.arrayContaining(['path-no-verbs', 'ignore-expired']));
    expect(expired.code).toBe(1);
    writeFileSync(join(dir, '.contractkit-ignore.yaml'), '- rule: path-no-verbs\n  file: api.yaml\n');
    const noReason = json(['lint', '--no-cache'], dir);
    expect(noReason.code).toBe(2);
    expect(noReason.report.findings[0].message).toMatch(/reason/);
  });

  it('a baseline hides existing findings and reports only new ones', () => {
    const { dir } = repo();
    writeFileSync(join(dir, 'api.yaml'), WITH_VERB);
    const update = runCli(['lint', '--update-baseline'], dir);
    expect(update.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.contractkit-baseline.json'), 'utf8')).findings.length).toBeGreaterThan(0);
    expect(json(['lint', '--no-cache'], dir).code).toBe(0);
    writeFileSync(join(dir, 'api.yaml'), WITH_VERB.replace('/getItems:', '/getItems:\n    parameters: []\n  /createItem:\n    post:\n      operationId: createItem\n      responses:\n        \'201\': { description: ok }\n  /x-placeholder:'));
    const after = json(['lint', '--no-cache'], dir);
    const verbs = after.report.findings.filter((f: { ruleId: string }) => f.ruleId === 'path-no-verbs');
    expect(verbs.map((f: { pointer: string }) => f.pointer)).toEqual(['/paths/~1createItem']);
  });

  it('the cache answers an unchanged run with the same report and notices a change', () => {
    const { dir } = repo();
    const first = json(['lint'], dir);
    const second = json(['lint'], dir);
    expect(second.stdout).toBe(first.stdout);
    writeFileSync(join(dir, 'api.yaml'), WITH_VERB);
    expect(ruleIds(json(['lint'], dir).report)).toContain('path-no-verbs');
  });

  it('per-file overrides and rule severities from the config apply; a bad rule option is exit 2 at its line', () => {
    const { dir } = repo();
    writeFileSync(join(dir, 'api.yaml'), WITH_VERB);
    writeFileSync(join(dir, 'contractkit.yaml'), 'version: 1\ncontracts:\n  api:\n    openapi: api.yaml\nlint:\n  rules:\n    path-no-verbs: warning\n');
    const warned = json(['lint', '--no-cache'], dir);
    expect(warned.report.findings.find((f: { ruleId: string }) => f.ruleId === 'path-no-verbs').severity).toBe('warning');
    writeFileSync(join(dir, 'contractkit.yaml'), 'version: 1\ncontracts:\n  api:\n    openapi: api.yaml\nlint:\n  overrides:\n    - files: ["api.yaml"]\n      rules:\n        path-no-verbs: off\n');
    expect(ruleIds(json(['lint', '--no-cache'], dir).report)).not.toContain('path-no-verbs');
    writeFileSync(join(dir, 'contractkit.yaml'), 'version: 1\ncontracts:\n  api:\n    openapi: api.yaml\nlint:\n  rules:\n    path-version-prefix:\n      severity: error\n      options:\n        style: sideways\n');
    const bad = json(['lint', '--no-cache'], dir);
    expect(bad.code).toBe(2);
    expect(bad.report.findings[0]).toMatchObject({ file: 'contractkit.yaml', kind: 'config' });
    expect(bad.report.findings[0].line).toBeGreaterThanOrEqual(7);
  });

  it('`rules` lists the catalogue with presets', () => {
    const r = runCli(['rules', '--format', 'json'], mkdtempSync(join(tmpdir(), 'ck-rules-')));
    const rules = JSON.parse(r.stdout).rules as { id: string; presets: Record<string, string> }[];
    expect(rules.map((x) => x.id)).toEqual(expect.arrayContaining(['path-no-verbs', 'event-envelope', 'saga-step-compensation', 'rpc-list-pagination']));
    expect(rules.every((x) => x.presets.strict === 'error')).toBe(true);
  });
});
