/**
 * buf's spellings of a git input for `--against` (`.git#branch=main`,
 * `.git#tag=v1`, `.git#ref=<sha>`, `subdir=`), on a real scratch history: the
 * previous version is on `main` (tagged v1), the breaking change on a branch.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

const fixture = join(packageRoot(), 'test/fixtures/breaking/openapi/response-property-type-changed');

interface Report {
  findings: { ruleId: string; severity: string; file: string }[];
}

describe('breaking --against with buf git input syntax', () => {
  let repo: string;
  let first: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' }).toString().trim();
  const breaking = (against: string, paths: string[] = ['api/api.yaml']) => {
    const r = runCli(['breaking', ...paths, '--against', against, '--format', 'json'], repo);
    return { ...r, ids: r.code === 2 ? [] : (JSON.parse(r.stdout) as Report).findings.map((f) => f.ruleId) };
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ck-buf-inputs-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    mkdirSync(join(repo, 'api'));
    mkdirSync(join(repo, 'old'));
    copyFileSync(join(fixture, 'previous.yaml'), join(repo, 'api/api.yaml'));
    copyFileSync(join(fixture, 'previous.yaml'), join(repo, 'old/api.yaml'));
    git('add', '.');
    git('commit', '-qm', 'v1');
    git('tag', 'v1');
    first = git('rev-parse', 'HEAD');
    git('checkout', '-qb', 'feature');
    copyFileSync(join(fixture, 'current.yaml'), join(repo, 'api/api.yaml'));
    git('commit', '-qam', 'type change');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it.each(['.git#branch=main', '.git#tag=v1', `.git#ref=${'SHA'}`, '.git#ref=v1,depth=50'])('%s finds the breaking change', (spelling) => {
    const r = breaking(spelling.replace('SHA', first));
    expect(r.stderr).toBe('');
    expect(r.ids).toContain('response-property-type-changed');
    expect(r.code).toBe(1);
  });

  it('.git#ref=HEAD compares the work tree with itself: clean', () => {
    const r = breaking('.git#ref=HEAD');
    expect(r.ids).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('subdir= names the directory of the previous version inside the ref', () => {
    // the contract was at old/ on main; today it is at api/
    const r = breaking('.git#branch=main,subdir=old', ['api']);
    expect(r.stderr).toBe('');
    expect(r.ids).toContain('response-property-type-changed');
    expect(r.code).toBe(1);
  });

  it('an unknown branch, tag or key is exit 2 with a clear message', () => {
    const branch = breaking('.git#branch=nope');
    expect(branch.code).toBe(2);
    expect(branch.stderr).toMatch(/branch `nope`/);
    const tag = breaking('.git#tag=v9');
    expect(tag.code).toBe(2);
    expect(tag.stderr).toMatch(/tag `v9`/);
    const key = breaking('.git#branch=main,recurse_submodules=true');
    expect(key.code).toBe(2);
    expect(key.stderr).toMatch(/recurse_submodules/);
    const subdir = breaking('.git#branch=main,subdir=missing', ['api']);
    expect(subdir.code).toBe(2);
    expect(subdir.stderr).toMatch(/subdir `missing`/);
  });
});
