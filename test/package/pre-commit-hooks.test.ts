/**
 * The shipped `.pre-commit-hooks.yaml` under the real pre-commit framework, as
 * a user's repository uses it: its `.pre-commit-config.yaml` names a hook
 * repository (here a local git repository holding this project's files as
 * they are, committed or not, at one rev), pre-commit installs the hook (its
 * node language: `npm install` in a clone, `npm pack`, `npm install -g` of the
 * tarball) and `git commit` runs it on the staged contracts.
 *
 * Skipped, saying so, only where pre-commit is not installed (`.ci/run`
 * installs it). pre-commit's cache lives in a temp dir.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { explain, git, run, scratchDir, succeeded } from './user-shell.js';

const ROOT = packageRoot();
const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const version = preCommit.status === 0 ? preCommit.stdout.trim() : undefined;
const title = version
  ? `contractkit's hooks under the real pre-commit (${version})`
  : 'contractkit\'s hooks under the real pre-commit — SKIPPED: pre-commit is not installed (apt-get install -y pre-commit; .ci/run installs it)';

/** Installing the hook runs npm three times (install, pack, install -g) on a busy 2-core machine. */
const INSTALL_MS = 600_000;
const STEP_MS = 120_000;

describe.skipIf(!version)(title, () => {
  const work = scratchDir('contractkit-pre-commit-');
  const hooks = join(work, 'hook-repo');
  const user = join(work, 'user-repo');
  // pre-commit's cache (the cloned hook repository and its node environment) stays in the temp dir; the warm npm cache serves npm
  const env = { PRE_COMMIT_HOME: join(work, 'pre-commit-home'), npm_config_prefer_offline: 'true' };
  // git with the hooks pre-commit installed (not the user-shell `git`, which turns hooks off)
  const commit = (message: string) => run('git', ['-c', 'user.name=contractkit test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-m', message], user, env, STEP_MS);
  const contract = readFileSync(join(ROOT, 'templates', 'init', 'api.yaml'), 'utf8');
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let installed = false;
  /** The commits below need the installed hook; without it pre-commit would try (and fail) to install it again, slowly. */
  const needInstall = () => {
    if (!installed) throw new Error('the hook did not install (see the first test)');
  };

  it('a user repository installs the hooks from a repository of this project at a rev', () => {
    // the hook repository: this project's files as they are in the work tree (tracked, or new and not ignored)
    const listed = succeeded(run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT));
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      mkdirSync(dirname(join(hooks, file)), { recursive: true });
      try {
        copyFileSync(join(ROOT, file), join(hooks, file));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // deleted in the work tree, not yet in the index
      }
    }
    git(hooks, 'init', '-q', '-b', 'main');
    git(hooks, 'add', '.');
    git(hooks, 'commit', '-qm', 'contractkit at this rev');
    const rev = git(hooks, 'rev-parse', 'HEAD').stdout.trim();

    mkdirSync(user);
    git(user, 'init', '-q', '-b', 'main');
    writeFileSync(join(user, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: contractkit-lint\n`);
    const install = run('pre-commit', ['install', '--install-hooks'], user, env, INSTALL_MS);
    expect(install.code, explain(install, 'pre-commit install --install-hooks')).toBe(0);
    installed = true;
  }, INSTALL_MS);

  it('git commit of a contract with a lint error fails in the hook and prints the finding', () => {
    needInstall();
    writeFileSync(join(user, 'api.yaml'), contract.replace('/items/{itemId}:', '/getItems/{itemId}:'));
    git(user, 'add', '.pre-commit-config.yaml', 'api.yaml');
    const r = commit('add a contract with a verb in a path');
    expect(r.code, explain(r)).not.toBe(0);
    expect(r.stdout + r.stderr, explain(r)).toContain('path-no-verbs');
    expect(r.stdout + r.stderr).toMatch(/contractkit lint\.+Failed/);
    expect(run('git', ['rev-parse', '--verify', '-q', 'HEAD'], user).code, 'nothing was committed').not.toBe(0);
  }, STEP_MS);

  it('git commit of the corrected contract passes the hook and commits', () => {
    needInstall();
    writeFileSync(join(user, 'api.yaml'), contract);
    git(user, 'add', 'api.yaml');
    const r = commit('add a clean contract');
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/contractkit lint\.+Passed/);
    expect(succeeded(run('git', ['log', '--format=%s'], user)).stdout.trim()).toBe('add a clean contract');
  }, STEP_MS);
});
