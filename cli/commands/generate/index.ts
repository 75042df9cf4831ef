/**
 * `contractkit generate [target] [contract] --out <dir>`: runs generators over
 * the model. With a config and no target, every configured target runs.
 */
import { relative, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../../contracts/errors.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import { runAction } from '../../run.js';
import { EXIT, printFindings } from '../../report.js';
import { selectContracts } from '../../select-contracts.js';
import type { GlobalArgs } from '../../context.js';
import type { GenerateTarget } from '../../config/types.js';
import { GENERATOR_NAMES } from '../../../generators/core/registry.js';
import { writeGeneratedFiles } from '../../../generators/core/writer.js';

interface GenerateArgs extends GlobalArgs {
  target?: string;
  contract?: string;
  out?: string;
  check: boolean;
}

/** The `generate` command. */
export const generateCommand: CommandModule<GlobalArgs, GenerateArgs> = {
  command: 'generate [target] [contract]',
  describe: 'Generate clients, stubs, event producers/consumers and sagas',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('target', { type: 'string', choices: [...GENERATOR_NAMES], describe: 'What to generate' })
      .positional('contract', { type: 'string', describe: 'Contract file or directory (without a config)' })
      .option('out', { type: 'string', describe: 'Output directory' })
      .option('check', { type: 'boolean', default: false, describe: 'Fail if committed output is stale; write nothing' }) as Argv<GenerateArgs>,
  handler: (args) =>
    runAction(args, async (ctx) => {
      const jobs: { spec: ReturnType<typeof selectContracts>[number]; target: GenerateTarget }[] = [];
      if (args.target) {
        if (!args.contract) throw new UsageError(`generate ${args.target}: name the contract to generate from (a file or directory), e.g. \`contractkit generate ${args.target} api.yaml --out src/generated\`.`);
        if (!args.out) throw new UsageError(`generate ${args.target}: --out <dir> is required.`);
        for (const spec of selectContracts(ctx, [args.contract])) {
          jobs.push({ spec, target: { target: args.target as GenerateTarget['target'], out: resolve(ctx.cwd, args.out), options: {} } });
        }
      } else {
        for (const c of ctx.config.contracts) for (const t of c.generate) jobs.push({ spec: c, target: t });
        if (jobs.length === 0) {
          throw new UsageError(
            ctx.config.file
              ? `Nothing to generate: no contract in ${ctx.config.file} has a \`generate:\` target.`
              : 'Nothing to generate: give a target and a contract (`contractkit generate rest-client api.yaml --out src/generated`) or add `generate:` targets to contractkit.yaml.',
          );
        }
      }
      const loaded = await loadContracts(
        jobs.map((j) => j.spec),
        ctx.loadOptions,
      );
      if (!loaded.usable) {
        // bad input: report it and write nothing
        printFindings(loaded.findings, ctx, 'generate');
        return EXIT.usage;
      }
      // generators (and their template engines, ajv, buf) load only when generating
      const generators = await import('../../../generators/index.js');
      const chosen = jobs.map((job) => {
        const generator = generators.findGenerator(job.target.target);
        if (!generator) {
          throw new UsageError(`The \`${job.target.target}\` generator is not available in this version of contractkit yet (see the README for the generators it ships); nothing was written.`);
        }
        return generator;
      });
      // generate everything first, then write: a failing generator leaves no partial output
      const outputs = [];
      for (const [i, job] of jobs.entries()) {
        const model = { contracts: loaded.model.contracts.filter((c) => c.file === job.spec.path) };
        outputs.push({ job, files: await chosen[i]!.generate(model, { out: job.target.out, options: job.target.options }) });
      }
      let stale = 0;
      for (const { job, files } of outputs) {
        const r = writeGeneratedFiles(job.target.out, files, { check: args.check });
        stale += r.stale.length;
        const where = relative(ctx.cwd, job.target.out) || '.';
        if (args.check) for (const f of r.stale) ctx.err(`stale: ${where}/${f}`);
        else ctx.err(`${job.target.target} ${job.spec.name} → ${where}: ${r.written.length} written, ${r.unchanged.length} unchanged`);
      }
      if (args.check && stale > 0) {
        ctx.err(`${stale} generated file(s) are out of date: run \`contractkit generate\` and commit the result.`);
        return EXIT.findings;
      }
      return EXIT.clean;
    }),
};
