/**
 * The one place errors become exit codes: commands return an exit code or
 * throw; a UsageError (bad input, config or arguments) prints its located
 * findings and exits 2; anything else is a bug, printed without a stack unless --debug.
 */
import { UsageError } from '../contracts/errors.js';
import type { Finding } from '../contracts/finding.js';
import { EXIT, printFindings } from './report.js';
import { defaultConfig } from './config/load-config.js';
import { createContext, reportColor, type CommandContext, type GlobalArgs } from './context.js';

/** Runs a command action with the shared context and error handling; sets process.exitCode. */
export async function runAction<A extends GlobalArgs>(args: A, action: (ctx: CommandContext, args: A) => Promise<number>): Promise<void> {
  if (args.debug) process.env.CONTRACTKIT_DEBUG = '1';
  let ctx: CommandContext | undefined;
  try {
    ctx = createContext(args);
    process.exitCode = await action(ctx, args);
  } catch (err) {
    process.exitCode = EXIT.usage;
    if (err instanceof UsageError) {
      if (err.findings.length > 0) {
        const reportCtx = ctx ?? fallbackContext(args);
        printFindings(err.findings, { ...reportCtx, quiet: false }, 'error');
      } else {
        process.stderr.write(`contractkit: ${err.message}\n`);
        // a machine-readable format gets a report even for an argument error: a refusal is never silent on stdout
        const reportCtx = ctx ?? fallbackContext(args);
        if (reportCtx.format !== 'stylish') printFindings([usageFinding(err.message, reportCtx)], { ...reportCtx, quiet: false }, 'error');
      }
      if (args.debug) process.stderr.write(`${err.stack}\n`);
      return;
    }
    process.stderr.write(`contractkit: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    process.stderr.write(args.debug ? `${(err as Error)?.stack}\n` : 'This is a bug in contractkit. Run again with --debug for the stack trace and report it.\n');
  }
}

/** A UsageError that carries no located finding, as one (about the config, or the working directory). */
function usageFinding(message: string, ctx: CommandContext): Finding {
  return { ruleId: 'usage', severity: 'error', kind: 'config', file: ctx.config.file ?? ctx.cwd, line: 1, column: 1, message };
}

function fallbackContext(args: GlobalArgs): CommandContext {
  // the config itself failed to load: report with the format asked for, no config
  return {
    cwd: process.cwd(),
    config: defaultConfig(process.cwd()),
    format: args.format,
    color: reportColor(args),
    quiet: false,
    debug: args.debug,
    failOn: 'error',
    loadOptions: { cwd: process.cwd(), rootDir: process.cwd(), allowRemoteRefs: false },
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  };
}
