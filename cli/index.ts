#!/usr/bin/env node
/**
 * The contractkit CLI: the root yargs program. Commands live in commands/<name>/.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { initCommand } from './commands/init/index.js';
import { lintCommand } from './commands/lint/index.js';
import { breakingCommand } from './commands/breaking/index.js';
import { generateCommand } from './commands/generate/index.js';
import { diagramCommand } from './commands/diagram/index.js';
import { rulesCommand } from './commands/rules/index.js';
import { sagaCommand } from './commands/saga/index.js';
import { FORMATS } from './context.js';
import { toolVersion } from './version.js';
import { EXIT } from './report.js';

/** Builds the CLI for `argv` (without node and script). */
export function createCli(argv: string[]) {
  return yargs(argv)
    .scriptName('contractkit')
    .usage('$0 <command> [options]\n\nLint, check for breaking changes and generate code from OpenAPI, Protocol Buffers and AsyncAPI contracts.')
    .option('config', { type: 'string', describe: 'Path to contractkit.yaml (default: found upward from the current directory)' })
    .option('format', { choices: FORMATS, default: 'stylish' as const, describe: 'Report format' })
    .option('color', { type: 'boolean', default: true, describe: 'Colored output (--no-color to disable)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
    .option('debug', { type: 'boolean', default: false, describe: 'Print stack traces for errors' })
    .option('fail-on', { choices: ['error', 'warning', 'info'] as const, describe: 'Lowest severity that fails the run (exit 1); default error' })
    .option('allow-remote-refs', { type: 'boolean', describe: 'Fetch http(s) $refs (off by default)' })
    .command(initCommand as never)
    .command(lintCommand as never)
    .command(breakingCommand as never)
    .command(generateCommand as never)
    .command(diagramCommand as never)
    .command(rulesCommand as never)
    .command(sagaCommand as never)
    .demandCommand(1, 'Name a command: init, lint, breaking, generate, diagram or rules.')
    .strict()
    .version(toolVersion())
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err, y) => {
      if (err) throw err;
      y.showHelp();
      process.stderr.write(`\ncontractkit: ${msg}\n`);
      process.exit(EXIT.usage);
    })
    .parserConfiguration({ 'boolean-negation': true });
}

await createCli(hideBin(process.argv)).parseAsync();
