/**
 * `contractkit init`: writes a commented contractkit.yaml and a starter contract.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../../contracts/errors.js';
import { packageFile } from '../../../contracts/source/package-files.js';
import { runAction } from '../../run.js';
import { EXIT } from '../../report.js';
import type { GlobalArgs } from '../../context.js';

interface InitArgs extends GlobalArgs {
  force: boolean;
}

/** Files `init` writes, relative to the working directory, and the template each comes from. */
export const INIT_FILES: { path: string; template: string }[] = [
  { path: 'contractkit.yaml', template: 'contractkit.yaml' },
  { path: 'contracts/openapi/api.yaml', template: 'api.yaml' },
];

/** The `init` command. */
export const initCommand: CommandModule<GlobalArgs, InitArgs> = {
  command: 'init',
  describe: 'Write a commented contractkit.yaml and a starter contract',
  builder: (y: Argv<GlobalArgs>) => y.option('force', { type: 'boolean', default: false, describe: 'Overwrite existing files' }) as Argv<InitArgs>,
  handler: (args) =>
    // init runs before any config exists, so it must not fail on a broken one
    runAction({ ...args, config: undefined }, async (ctx) => {
      const targets = INIT_FILES.map((f) => ({ ...f, abs: join(ctx.cwd, f.path) }));
      const existing = targets.filter((t) => existsSync(t.abs));
      if (existing.length > 0 && !args.force) {
        throw new UsageError(`Not overwriting ${existing.map((t) => t.path).join(', ')}: use --force to replace ${existing.length > 1 ? 'them' : 'it'}.`);
      }
      for (const t of targets) {
        mkdirSync(dirname(t.abs), { recursive: true });
        writeFileSync(t.abs, readFileSync(packageFile('templates', 'init', t.template), 'utf8'));
        ctx.err(`wrote ${relative(ctx.cwd, t.abs)}`);
      }
      ctx.err('Next: edit the contract, then run `contractkit lint`.');
      return EXIT.clean;
    }),
};
