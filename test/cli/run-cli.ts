/**
 * Runs the built CLI (`bin/contractkit.js`) as a user would, for end-to-end tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../contracts/source/package-files.js';

/** What a CLI run printed and its exit code. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `contractkit ...args` in `cwd` with colors off (`nodeArgs`: node's own flags, `--max-old-space-size=…`). */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}, nodeArgs: string[] = []): CliResult {
  const r = spawnSync(process.execPath, [...nodeArgs, join(packageRoot(), 'bin', 'contractkit.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `contractkit ...args` with its stdout a pipe whose reading end is
 * already closed (as in `contractkit rules | head` once head has exited).
 */
export function runCliClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(packageRoot(), 'bin', 'contractkit.js'), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  // closed before the CLI has started, so its first write meets a closed pipe
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}
