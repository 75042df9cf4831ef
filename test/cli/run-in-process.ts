/**
 * Runs the CLI inside the test's process, as `runCli` runs it in a child: the
 * same program (`main` of cli/index.ts, from the sources), in `cwd`, with
 * `env` added, its stdout, stderr and exit code captured. A run costs what
 * the command costs, not a node start-up and the imports of a cold process
 * (about a second each on a busy machine).
 *
 * For what a child is needed for: a memory bound (`--max-old-space-size`),
 * a signal, a closed pipe, the real `process.exit` — use `runCli`.
 * Runs are one at a time (vitest runs a file's tests in order; the pool is
 * `forks`, so `process.chdir` is allowed and no other file shares the process).
 */
import type { CliResult } from './run-cli.js';

/** What `process.exit(code)` throws while a run is in-process: the run ends there, with that code. */
class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

/** Runs `contractkit ...args` in `cwd` with colors off, in this process. */
export async function runInProcess(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const { main } = await import('../../cli/index.js');
  const saved = { cwd: process.cwd(), exitCode: process.exitCode, exit: process.exit, out: process.stdout.write, err: process.stderr.write };
  const savedEnv = new Map<string, string | undefined>();
  const setEnv = { NO_COLOR: '1', FORCE_COLOR: '', ...env };
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r): r is () => void => typeof r === 'function');
      done?.();
      return true;
    }) as typeof process.stdout.write;
  let code: number;
  try {
    for (const [k, v] of Object.entries(setEnv)) {
      savedEnv.set(k, process.env[k]);
      process.env[k] = v;
    }
    process.chdir(cwd);
    process.exitCode = undefined;
    process.exit = ((c?: number) => {
      throw new ExitCalled(c ?? 0);
    }) as typeof process.exit;
    process.stdout.write = capture((t) => (stdout += t));
    process.stderr.write = capture((t) => (stderr += t));
    try {
      await main(args);
      code = Number(process.exitCode ?? 0);
    } catch (err) {
      if (!(err instanceof ExitCalled)) throw err;
      code = err.code;
    }
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exit = saved.exit;
    process.exitCode = saved.exitCode;
    process.chdir(saved.cwd);
    for (const [k, v] of savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return { code, stdout, stderr };
}
