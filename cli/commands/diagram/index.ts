/**
 * `contractkit diagram [paths..]`: prints Mermaid diagrams of sagas.
 */
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../../contracts/errors.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import { contractsOfKind } from '../../../contracts/model/types.js';
import { sagaToMermaid } from '../../../generators/diagram/saga-mermaid.js';
import { runAction } from '../../run.js';
import { EXIT, printFindings } from '../../report.js';
import { selectContracts } from '../../select-contracts.js';
import type { GlobalArgs } from '../../context.js';

interface DiagramArgs extends GlobalArgs {
  paths: string[];
}

/** The `diagram` command. */
export const diagramCommand: CommandModule<GlobalArgs, DiagramArgs> = {
  command: 'diagram [paths..]',
  describe: 'Print Mermaid diagrams of sagas',
  builder: (y: Argv<GlobalArgs>) =>
    y.positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'Saga files or directories' }) as Argv<DiagramArgs>,
  handler: (args) =>
    runAction(args, async (ctx) => {
      const specs = selectContracts(ctx, args.paths).filter((s) => s.kind === 'saga');
      if (specs.length === 0) throw new UsageError('No saga definitions (*.saga.yaml) to draw.');
      const loaded = await loadContracts(specs, ctx.loadOptions);
      if (!loaded.usable) {
        printFindings(loaded.findings, ctx, 'diagram');
        return EXIT.usage;
      }
      for (const saga of contractsOfKind(loaded.model, 'saga')) {
        ctx.out(`%% saga ${saga.saga} v${saga.version}\n${sagaToMermaid(saga)}`);
      }
      return EXIT.clean;
    }),
};
