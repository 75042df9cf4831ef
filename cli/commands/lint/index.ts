/**
 * `contractkit lint [paths..]`: loads every contract once and reports load
 * problems and rule findings in one report.
 */
import type { Argv, CommandModule } from 'yargs';
import { loadContracts } from '../../../contracts/load/load-all.js';
import { runAction } from '../../run.js';
import { EXIT, exitCodeFor, printFindings } from '../../report.js';
import { selectContracts } from '../../select-contracts.js';
import type { GlobalArgs } from '../../context.js';

interface LintArgs extends GlobalArgs {
  paths: string[];
}

/** The `lint` command. */
export const lintCommand: CommandModule<GlobalArgs, LintArgs> = {
  command: 'lint [paths..]',
  describe: 'Check contracts against the rule catalogue (all kinds, one report)',
  builder: (y: Argv<GlobalArgs>) =>
    y.positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'Contract files or directories (default: the config\'s contracts, else the current directory)' }) as Argv<LintArgs>,
  handler: (args) =>
    runAction(args, async (ctx) => {
      const specs = selectContracts(ctx, args.paths);
      const loaded = await loadContracts(specs, ctx.loadOptions);
      if (!loaded.usable) {
        printFindings(loaded.findings, ctx, 'lint');
        return EXIT.usage;
      }
      const findings = [...loaded.findings];
      printFindings(findings, ctx, 'lint');
      return exitCodeFor(findings, ctx.failOn);
    }),
};
