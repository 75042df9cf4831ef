/**
 * Running the `buf` CLI that ships with the `@bufbuild/buf` npm package.
 *
 * The proto loader builds images with it; proto lint and breaking checks reuse
 * {@link runBuf} for `buf lint` / `buf breaking --error-format json` and
 * {@link parseBufJsonLines} for their output.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, endianness } from 'node:os';
import path from 'node:path';

/** Environment variable that overrides the buf binary (absolute path or a name on PATH). */
export const BUF_BINARY_ENV = 'CONTRACTKIT_BUF';

/** Platform packages of `@bufbuild/buf`, keyed like its own launcher keys them. */
const PLATFORM_PACKAGES: Record<string, string> = {
  'darwin arm64 LE': '@bufbuild/buf-darwin-arm64',
  'darwin x64 LE': '@bufbuild/buf-darwin-x64',
  'linux arm64 LE': '@bufbuild/buf-linux-aarch64',
  'linux arm LE': '@bufbuild/buf-linux-armv7',
  'linux x64 LE': '@bufbuild/buf-linux-x64',
  'win32 arm64 LE': '@bufbuild/buf-win32-arm64',
  'win32 x64 LE': '@bufbuild/buf-win32-x64',
};

/** How to start buf: the command and any leading arguments. */
export interface BufCommand {
  command: string;
  args: string[];
}

let cached: BufCommand | undefined;

/**
 * The buf binary to run. Prefers the native binary of the platform package
 * (`@bufbuild/buf-linux-x64/bin/buf`, …) because it skips a Node launcher
 * process; falls back to `@bufbuild/buf/bin/buf` run with this Node, then to
 * `buf` on PATH. `CONTRACTKIT_BUF` overrides all of them.
 */
export function bufBinary(): BufCommand {
  const override = process.env[BUF_BINARY_ENV];
  if (override) return { command: override, args: [] };
  if (cached) return cached;
  cached = resolveBundledBuf() ?? { command: 'buf', args: [] };
  return cached;
}

function resolveBundledBuf(): BufCommand | undefined {
  const require = createRequire(import.meta.url);
  let bufPackageJson: string;
  try {
    bufPackageJson = require.resolve('@bufbuild/buf/package.json');
  } catch {
    return undefined;
  }
  const key = `${process.platform} ${arch()} ${endianness()}`;
  const pkg = PLATFORM_PACKAGES[key];
  if (pkg) {
    const exe = process.platform === 'win32' ? 'bin/buf.exe' : 'bin/buf';
    // Resolve from @bufbuild/buf itself: npm may nest the platform package under it.
    const fromBuf = createRequire(bufPackageJson);
    try {
      return { command: fromBuf.resolve(`${pkg}/${exe}`), args: [] };
    } catch {
      // not installed for this platform; use the launcher below
    }
  }
  const launcher = path.join(path.dirname(bufPackageJson), 'bin', 'buf');
  return existsSync(launcher) ? { command: process.execPath, args: [launcher] } : undefined;
}

/** Options for {@link runBuf}. */
export interface RunBufOptions {
  /** Working directory; buf reports paths relative to it. */
  cwd: string;
  /** Kill buf after this many milliseconds (default 120 000). */
  timeoutMs?: number;
}

/** What a buf run produced. */
export interface BufRunResult {
  /** Exit code; `null` when buf did not start or was killed. buf exits 100 when it reports file annotations. */
  exitCode: number | null;
  stdout: Uint8Array;
  stderr: string;
  /** Set when buf could not be started (missing binary) or timed out. */
  error?: Error;
  /** The command line, for messages. */
  commandLine: string;
}

/** Runs buf with `args`, collecting stdout as bytes and stderr as text. Never rejects. */
export function runBuf(args: string[], options: RunBufOptions): Promise<BufRunResult> {
  const bin = bufBinary();
  const commandLine = ['buf', ...args].join(' ');
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let error: Error | undefined;
    let settled = false;
    const finish = (exitCode: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ exitCode, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), error, commandLine });
    };
    const child = spawn(bin.command, [...bin.args, ...args], {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const timeoutMs = options.timeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      error = new Error(`buf did not finish within ${timeoutMs} ms`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e) => {
      error = e;
      finish(null);
    });
    child.on('close', (code) => finish(error ? null : code));
  });
}

/** One file annotation as `buf build|lint|breaking --error-format json` prints it. */
export interface BufIssue {
  /** Path as buf printed it: relative to buf's working directory, or absolute. */
  path: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** `COMPILE` for compile errors, else the lint or breaking rule id. */
  type: string;
  message: string;
}

/**
 * Parses buf's JSON error lines. Lines that are not annotations (for example
 * `Failure: …`) are returned in `other` so callers can show them.
 */
export function parseBufJsonLines(text: string): { issues: BufIssue[]; other: string[] } {
  const issues: BufIssue[] = [];
  const other: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const issue = trimmed.startsWith('{') ? toIssue(trimmed) : undefined;
    if (issue) issues.push(issue);
    else other.push(trimmed);
  }
  return { issues, other };
}

function toIssue(line: string): BufIssue | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.message !== 'string') return undefined;
  const num = (v: unknown): number => (typeof v === 'number' && v > 0 ? v : 0);
  return {
    path: typeof o.path === 'string' ? o.path : '',
    startLine: num(o.start_line),
    startColumn: num(o.start_column),
    endLine: num(o.end_line),
    endColumn: num(o.end_column),
    type: typeof o.type === 'string' ? o.type : '',
    message: o.message,
  };
}
