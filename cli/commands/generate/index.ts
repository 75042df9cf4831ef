/**
 * `contractkit generate [target] [contract] --out <dir>`: runs generators over
 * the model. With a config and no target, every configured target runs.
 * A target whose inputs and outputs are unchanged since its last run is
 * skipped without loading its contract (content-hash cache, `--no-cache`
 * bypasses it); `--watch` regenerates when a contract file changes.
 */
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../../contracts/errors.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import { packageRoot } from '../../../contracts/source/package-files.js';
import { runAction } from '../../run.js';
import { EXIT, printFindings } from '../../report.js';
import type { CommandContext, GlobalArgs } from '../../context.js';
import { toolVersion } from '../../version.js';
import { codeFingerprint, contractInputs, createGenerateCache, type GenerateCache } from '../../../generators/core/cache.js';
import { GENERATOR_NAMES, type GeneratedFile, type GeneratorName } from '../../../generators/core/registry.js';
import { jobsFromArguments, jobsFromConfig, type Job } from './jobs.js';
import { outputCollisions } from './output-collisions.js';
import { contractBytes, createProgress } from './progress.js';
import type { ContractSpec } from '../../../contracts/load/types.js';
import { createWatcher, describeChanges } from '../../../generators/core/watch.js';
import { writeGeneratedFiles } from '../../../generators/core/writer.js';
import { checkJobOptions, targetOutputs } from './outputs.js';
import { calledContracts } from '../../../contracts/saga/references.js';

interface GenerateArgs extends GlobalArgs {
  target?: GeneratorName;
  contract?: string;
  out?: string;
  check: boolean;
  watch: boolean;
  cache: boolean;
  path?: string[];
  progress?: boolean;
  'allow-outside-out'?: boolean;
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
      .option('path', {
        type: 'string',
        array: true,
        describe: 'grpc: generate only these .proto files or directories (relative to the proto root, repeatable; like `buf generate --path`)',
      })
      .option('allow-outside-out', {
        type: 'boolean',
        default: false,
        describe: 'Allow output directories outside the project (the config\'s directory, or the current one); the filesystem root and the home directory are refused anyway',
      })
      .option('check', { type: 'boolean', default: false, describe: 'Fail if committed output is stale; write nothing' })
      .option('watch', { type: 'boolean', default: false, describe: 'Regenerate when a contract file changes (Ctrl-C stops)' })
      .option('cache', { type: 'boolean', default: true, describe: 'Skip targets whose inputs and outputs are unchanged (.contractkit-cache; --no-cache to bypass)' })
      .option('progress', { type: 'boolean', describe: 'Report each phase on stderr (default: on a terminal, for contracts over 1 MB, or once a run takes over 2 s; --no-progress never)' }) as Argv<GenerateArgs>,
  handler: (args) =>
    runAction(args, async (ctx) => {
      if (args.watch && args.check) throw new UsageError('generate: --watch and --check do not go together; --check is for CI, --watch for editing.');
      let jobs: Job[];
      if (args.target) {
        if (!args.contract) throw new UsageError(`generate ${args.target}: name the contract to generate from (a file or directory), e.g. \`contractkit generate ${args.target} api.yaml --out src/generated\`.`);
        if (!args.out) throw new UsageError(`generate ${args.target}: --out <dir> is required.`);
        if (args.path?.length && args.target !== 'grpc') {
          throw new UsageError(`generate ${args.target}: --path selects proto files and applies to the grpc target only.`);
        }
        jobs = jobsFromArguments(ctx, args.target, args.contract, args.out, args.path?.length ? { paths: args.path } : {}, args['allow-outside-out']);
      } else {
        if (args.path?.length) {
          throw new UsageError('generate: --path goes with an explicit target (`contractkit generate grpc <proto root> --path <dir> --out <dir>`); in contractkit.yaml, set `options.paths` on the grpc target.');
        }
        jobs = jobsFromConfig(ctx, args['allow-outside-out']);
        if (jobs.length === 0) {
          throw new UsageError(
            ctx.config.file
              ? `Nothing to generate: no contract in ${ctx.config.file} has a \`generate:\` target.`
              : 'Nothing to generate: give a target and a contract (`contractkit generate rest-client api.yaml --out src/generated`) or add `generate:` targets to contractkit.yaml.',
          );
        }
      }
      const first = await generateOnce(ctx, jobs, args);
      if (!args.watch) return first.exit;
      return watchAndRegenerate(ctx, jobs, args, first.inputs);
    }),
};

/** One generation run over `jobs`: cached targets are skipped, the rest loaded, generated and written. */
async function generateOnce(ctx: CommandContext, jobs: Job[], args: GenerateArgs): Promise<{ exit: number; inputs: string[] }> {
  const started = Date.now();
  const caches = jobs.map((job) => cacheFor(ctx, job));
  const hits = caches.map((c) => args.cache && c.fresh());
  // the targets writing into one folder share its manifest: they run together or not at all
  const missedGroups = new Set(jobs.filter((_, i) => !hits[i]).map(outputKey));
  for (const [i, job] of jobs.entries()) if (missedGroups.has(outputKey(job))) hits[i] = false;
  const inputs = new Set<string>();
  for (const [i, job] of jobs.entries()) {
    if (!hits[i]) continue;
    for (const f of caches[i]!.inputFiles()) inputs.add(f);
    ctx.err(`${job.target.target} ${job.spec.name} → ${where(ctx, job)}: unchanged (cached)`);
  }
  const todo = jobs.map((job, i) => ({ job, cache: caches[i]!, i })).filter(({ i }) => !hits[i]);
  if (todo.length === 0) {
    ctx.err(`nothing to regenerate (inputs and outputs checked in ${Date.now() - started} ms)`);
    return { exit: EXIT.clean, inputs: [...inputs] };
  }

  // generators (and their template engines, ajv, buf) load only when generating, each only when used
  const generators = await import('../../../generators/index.js');
  const chosen = await Promise.all(
    todo.map(async ({ job }) => {
      const generator = await generators.loadGenerator(job.target.target);
      if (!generator) {
        throw new UsageError(`The \`${job.target.target}\` generator is not available in this version of contractkit yet (see the README for the generators it ships); nothing was written.`);
      }
      return generator;
    }),
  );
  // a bad option is reported at its config line before anything is loaded
  for (const [k, { job }] of todo.entries()) checkJobOptions(ctx, job, () => generators.validateGeneratorOptions(job.target.target, chosen[k]!.optionsSchema, job.target.options));

  const progress = createProgress({ flag: args.progress, quiet: ctx.quiet, tty: process.stderr.isTTY === true, paths: todo.map((t) => t.job.spec.path), write: ctx.err, started });
  // each contract is loaded once, however many targets generate from it
  const specs = [...new Map(todo.map(({ job }) => [specKey(job.spec), job.spec])).values()];
  progress.phase(loadingPhase(specs));
  const loaded = await loadContracts(specs, ctx.loadOptions);
  const contractOf = new Map(specs.map((s, i) => [specKey(s), loaded.bySpec[i]]));
  // the contracts sagas call are inputs too: a change to one regenerates (and, watching, re-runs) the saga
  for (const c of [...loaded.model.contracts, ...(loaded.model.sagaReferences?.loaded ?? [])]) for (const f of [c.file, ...c.files]) inputs.add(f);
  if (!loaded.usable) {
    progress.done();
    // bad input: report it and write nothing
    printFindings(loaded.findings, ctx, 'generate');
    return { exit: EXIT.usage, inputs: [...inputs, ...todo.map((t) => t.job.spec.path)] };
  }
  // generate everything first, then write: a failing generator leaves no partial output
  const outputs = [];
  for (const [k, { job, cache }] of todo.entries()) {
    const label = `generating ${job.target.target} from ${job.spec.name}`;
    progress.phase(label);
    const contract = contractOf.get(specKey(job.spec));
    const contracts = contract ? [contract] : [];
    const context = {
      out: job.target.out,
      options: job.target.options,
      outputs: targetOutputs(ctx, job),
      note: (text: string) => ctx.err(`${job.target.target}: ${text}`),
      progress: (step: string) => progress.phase(`${label}: ${step}`),
    };
    // the saga references resolved at load time travel with the model
    const model = { contracts, ...(loaded.model.sagaReferences && { sagaReferences: loaded.model.sagaReferences }) };
    // the cache of a saga target covers the contracts its steps call
    outputs.push({ job, cache, contracts: [...contracts, ...calledContracts(contracts)], files: await chosen[k]!.generate(model, context) });
  }
  progress.phase(`${args.check ? 'checking' : 'writing'} ${outputs.reduce((n, o) => n + o.files.length, 0)} file(s)`);
  let stale = 0;
  let orphans = 0;
  // one write (and one manifest) per output folder and target, however many contracts fill it
  const groups = new Map<string, typeof outputs>();
  for (const o of outputs) groups.set(outputKey(o.job), [...(groups.get(outputKey(o.job)) ?? []), o]);
  // contracts sharing a folder must not write one path differently (checked for every group before any is written)
  const collisions = [...groups.values()].flatMap((g) => outputCollisions(g, ctx.cwd));
  if (collisions.length) {
    progress.done();
    printFindings(collisions, ctx, 'generate');
    return { exit: EXIT.usage, inputs: [...inputs] };
  }
  for (const group of groups.values()) {
    const { job } = group[0]!;
    const files: GeneratedFile[] = group.flatMap((o) => o.files);
    const r = writeGeneratedFiles(job.target.out, files, { check: args.check, target: job.target.target });
    stale += r.stale.length;
    orphans += r.orphans.length;
    if (args.check) {
      for (const f of r.stale) ctx.err(`stale: ${where(ctx, job)}/${f}`);
      for (const f of r.orphans) ctx.err(`orphan: ${where(ctx, job)}/${f} (no longer generated; \`contractkit generate\` deletes it)`);
    } else {
      // each job's own files counted (the manifest is bookkeeping); the orphans are the folder's
      for (const o of group) {
        const own = new Set(o.files.map((f) => f.path));
        const count = (paths: string[]) => paths.filter((p) => own.has(p)).length;
        const removed = o === group[group.length - 1] && r.orphans.length ? `, ${r.orphans.length} orphan(s) deleted` : '';
        ctx.err(`${o.job.target.target} ${o.job.spec.name} → ${where(ctx, o.job)}: ${count(r.written)} written, ${count(r.unchanged)} unchanged${removed}`);
      }
      for (const f of r.orphans) ctx.err(`deleted: ${where(ctx, job)}/${f} (no longer generated)`);
    }
    // what is on disk now is exactly this run's output (in check mode: only when nothing was stale)
    if (r.stale.length === 0 && (!args.check || r.orphans.length === 0)) for (const o of group) o.cache.store(contractInputs(o.contracts), [...o.files, ...(r.manifest ? [r.manifest] : [])]);
  }
  progress.done();
  if (args.check && (stale > 0 || orphans > 0)) {
    const what = [stale > 0 ? `${stale} generated file(s) are out of date` : '', orphans > 0 ? `${orphans} file(s) are no longer generated` : ''].filter(Boolean).join(' and ');
    ctx.err(`${what}: run \`contractkit generate\` and commit the result.`);
    return { exit: EXIT.findings, inputs: [...inputs] };
  }
  return { exit: EXIT.clean, inputs: [...inputs] };
}

/** Regenerates on every (debounced) change of an input file until SIGINT/SIGTERM. */
async function watchAndRegenerate(ctx: CommandContext, jobs: Job[], args: GenerateArgs, files: string[]): Promise<number> {
  const watcher = createWatcher(
    files,
    async (changed) => {
      ctx.err(`${describeChanges(changed)} changed: regenerating`);
      const r = await generateOnce(ctx, jobs, args);
      // a new $ref'd file joins the watched set; a removed one leaves it
      if (r.inputs.length) watcher.setFiles(r.inputs);
    },
    { onError: (e) => ctx.err(`generate --watch: ${e instanceof Error ? e.message : String(e)}`) },
  );
  ctx.err(`watching ${files.length} file(s) for changes (Ctrl-C stops)`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      watcher.close();
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.clean;
}

/** The output folder and target of a job: jobs that share it share a manifest. */
function outputKey(job: Job): string {
  return JSON.stringify([job.target.out, job.target.target]);
}

function where(ctx: CommandContext, job: Job): string {
  return relative(ctx.cwd, job.target.out) || '.';
}

let fingerprint: string | undefined;

function cacheFor(ctx: CommandContext, job: Job): GenerateCache {
  // code that shapes the output: the generators and the model loaders (as built), and the templates
  fingerprint ??= codeFingerprint([
    fileURLToPath(new URL('../../../generators/', import.meta.url)),
    fileURLToPath(new URL('../../../contracts/', import.meta.url)),
    join(packageRoot(), 'templates'),
  ]);
  return createGenerateCache(join(ctx.config.dir, '.contractkit-cache'), toolVersion(), fingerprint, {
    target: job.target.target,
    out: job.target.out,
    options: job.target.options,
    contract: { kind: job.spec.kind, path: job.spec.path, name: job.spec.name },
  });
}

/** What identifies a contract to load: the same file with other `paths` is another build. */
function specKey(spec: ContractSpec): string {
  return JSON.stringify([spec.kind, spec.path, spec.paths ?? []]);
}

/** `building image of googleapis`, `loading orders.yaml (1.2 MB)`. */
function loadingPhase(specs: readonly ContractSpec[]): string {
  const protos = specs.filter((s) => s.kind === 'proto').map((s) => s.name);
  const others = specs.filter((s) => s.kind !== 'proto');
  const bytes = contractBytes(others.map((s) => s.path));
  const parts = [];
  if (protos.length) parts.push(`building image of ${protos.join(', ')}`);
  if (others.length) parts.push(`loading ${[...new Set(others.map((s) => basename(s.path)))].join(', ')}${bytes >= 1 << 20 ? ` (${(bytes / (1 << 20)).toFixed(1)} MB)` : ''}`);
  return parts.join('; ');
}
