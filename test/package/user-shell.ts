/**
 * Runs commands as a user of contractkit would, in a scratch directory outside
 * this repository: a clean environment (no npm script or git hook variables
 * inherited from the test run), and failures that show what the command said.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a command printed and its exit code. */
export interface CommandResult {
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's shell: this process's, without what `npm run`
 * (npm_config_*, npm_package_*, npm_lifecycle_*) or a git hook (GIT_DIR,
 * GIT_INDEX_FILE…) set for the test run, which would point the commands back
 * at this repository. Colors off.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|GIT_|INIT_CWD$|VITEST|NODE_OPTIONS$)/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

/** Runs `command args` in `cwd` (no shell) and returns what it printed. */
export function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}, timeoutMs = 300_000): CommandResult {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnv(extraEnv), timeout: timeoutMs, maxBuffer: 64 << 20 });
  const stderr = r.error ? `${r.stderr ?? ''}\n${r.error.message}` : (r.stderr ?? '');
  return { command: [command, ...args].join(' '), code: r.status, stdout: r.stdout ?? '', stderr };
}

/** A message for an assertion on `r`: the command, its exit code, stderr and the end of stdout. */
export function explain(r: CommandResult, what = r.command): string {
  const tail = (s: string) => (s.length > 20_000 ? '…' + s.slice(-20_000) : s);
  return `${what}\n$ ${r.command} (in a scratch project) exited ${r.code}\n--- stderr ---\n${tail(r.stderr)}\n--- stdout ---\n${tail(r.stdout)}`;
}

/** Throws with {@link explain} unless `r` exited 0; returns `r`. */
export function succeeded(r: CommandResult, what?: string): CommandResult {
  if (r.code !== 0) throw new Error(explain(r, what));
  return r;
}

/** A new empty directory under the OS temp dir (outside the repository). */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs git in `cwd` with a throwaway identity and no signing (the user's global config may sign or hook). */
export function git(cwd: string, ...args: string[]): CommandResult {
  return succeeded(run('git', ['-c', 'user.name=contractkit test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], cwd));
}
