#!/usr/bin/env node
/**
 * The contractkit CLI: the root yargs program. Commands live in commands/<name>/.
 */
import yargs, { type CommandModule } from 'yargs';
import { hideBin, Parser } from 'yargs/helpers';
import { FORMATS } from './context.js';
import { toolVersion } from './version.js';
import { EXIT } from './report.js';
import { tolerateClosedOutput } from './closed-output.js';
import { explainArgumentError, NO_COMMAND } from './argument-errors.js';

type AnyCommand = CommandModule<never, never>;

/**
 * The commands, loaded on demand: a run imports only the command it runs (a
 * pre-commit hook or a cached `generate` should not pay for the lint rules,
 * the breaking engines and the generators it does not use).
 */
const COMMANDS: Record<string, () => Promise<AnyCommand>> = {
  init: async () => (await import('./commands/init/index.js')).initCommand as AnyCommand,
  lint: async () => (await import('./commands/lint/index.js')).lintCommand as AnyCommand,
  breaking: async () => (await import('./commands/breaking/index.js')).breakingCommand as AnyCommand,
  generate: async () => (await import('./commands/generate/index.js')).generateCommand as AnyCommand,
  diagram: async () => (await import('./commands/diagram/index.js')).diagramCommand as AnyCommand,
  map: async () => (await import('./commands/map/index.js')).mapCommand as AnyCommand,
  rules: async () => (await import('./commands/rules/index.js')).rulesCommand as AnyCommand,
  saga: async () => (await import('./commands/saga/index.js')).sagaCommand as AnyCommand,
  mock: async () => (await import('./commands/mock/index.js')).mockCommand as AnyCommand,
  verify: async () => (await import('./commands/verify/index.js')).verifyCommand as AnyCommand,
};

/** The command `argv` names, if any. */
function commandNamed(argv: string[]): string | undefined {
  const parsed = Parser(argv, { string: ['config', 'format', 'fail-on'], configuration: { 'boolean-negation': true } });
  const name = String(parsed._[0] ?? '');
  return name in COMMANDS ? name : undefined;
}

/** The command modules `argv` needs: the one it names, or all of them (root help, a typo, no command). */
export async function commandsFor(argv: string[]): Promise<AnyCommand[]> {
  const name = commandNamed(argv);
  const names = name ? [name] : Object.keys(COMMANDS);
  return Promise.all(names.map((n) => COMMANDS[n]!()));
}

/**
 * The option names and choices of the command being parsed. yargs has them
 * (`getOptions()`, not in its type declarations); without it there are no suggestions.
 */
function knownOptions(cli: unknown): { key: Record<string, unknown>; choices: Record<string, string[]> } {
  const y = cli as { getOptions?: () => { key?: Record<string, unknown>; choices?: Record<string, string[]> } };
  const o = typeof y.getOptions === 'function' ? y.getOptions() : {};
  return { key: o.key ?? {}, choices: o.choices ?? {} };
}

/** Builds the CLI for `argv` (without node and script). */
export async function createCli(argv: string[]) {
  const commands = await commandsFor(argv);
  const cli = yargs(argv)
    .scriptName('contractkit')
    .usage('$0 <command> [options]\n\nLint, check for breaking changes and generate code from OpenAPI, Protocol Buffers and AsyncAPI contracts.')
    .option('config', { type: 'string', describe: 'Path to contractkit.yaml (default: found upward from the current directory)' })
    .option('format', { choices: FORMATS, default: 'stylish' as const, describe: 'Report format' })
    .option('color', { type: 'boolean', describe: 'Colours: --color forces them, --no-color (or NO_COLOR) turns them off; default: only on a terminal' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
    .option('debug', { type: 'boolean', default: false, describe: 'Print stack traces for errors' })
    .option('fail-on', { choices: ['error', 'warning', 'info'] as const, describe: 'Lowest severity that fails the run (exit 1); default error' })
    .option('allow-remote-refs', { type: 'boolean', describe: 'Fetch http(s) $refs (off by default)' })
    .command(commands as never)
    .demandCommand(1, NO_COMMAND)
    .strict()
    // the messages are read by explainArgumentError, which words them for contractkit
    .locale('en')
    .version(toolVersion())
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      const name = commandNamed(argv);
      const options = knownOptions(cli);
      const command = name ? { name, usage: String(commands[0]!.command ?? name) } : undefined;
      process.stderr.write(explainArgumentError(msg ?? '', { argv, commands: Object.keys(COMMANDS), command, options: Object.keys(options.key), choices: options.choices }));
      process.exit(EXIT.usage);
    })
    .parserConfiguration({ 'boolean-negation': true });
  return cli;
}

/**
 * Runs the CLI on `argv` (without node and script; default: this process's
 * arguments) and leaves its exit code in `process.exitCode`. bin/contractkit.js
 * calls it; tests call it in-process (test/cli/run-in-process.ts).
 */
export async function main(argv: string[] = hideBin(process.argv)): Promise<void> {
  tolerateClosedOutput(process.stdout);
  tolerateClosedOutput(process.stderr);
  await (await createCli(argv)).parseAsync();
}
