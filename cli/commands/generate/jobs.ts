/**
 * What `contractkit generate` runs: a job per (contract, target), from the
 * command line or from the config's `generate:` lists. Every target generates
 * from one kind of contract (TARGET_INPUT); a contract of another kind is
 * refused here, before anything is loaded, with one message for every target.
 */
import { relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { Finding } from '../../../contracts/finding.js';
import { UsageError } from '../../../contracts/errors.js';
import type { ContractSpec } from '../../../contracts/load/types.js';
import { TARGET_INPUT, type GeneratorName } from '../../../generators/core/registry.js';
import { readGrpcOptions } from '../../../generators/grpc/options.js';
import { missingProtoPath, protoContractsOf } from './proto-paths.js';
import type { CommandContext } from '../../context.js';
import type { GenerateTarget } from '../../config/types.js';
import { selectContracts } from '../../select-contracts.js';
import { outDirProblem } from '../../out-guard.js';

/** One generation: a contract and what to generate from it. */
export interface Job {
  spec: ContractSpec;
  target: GenerateTarget;
}

type Kind = ContractSpec['kind'];

/**
 * Targets whose files are named the same whatever the contract (`index.ts`,
 * `client.ts`): two contracts cannot share an output directory. The saga
 * target names its files after the saga and grpc after the proto files, so
 * several may share one; what still collides there is refused after
 * generating (`output-collisions.ts`).
 */
const SAME_FILES_PER_CONTRACT = new Set<GeneratorName>(['events', 'rest-client']);

/** How messages name a kind of contract. */
const KIND_NAMES: Record<Kind, { one: string; what: string; input: string }> = {
  openapi: { one: 'an OpenAPI contract', what: 'OpenAPI', input: 'OpenAPI 3.x documents' },
  proto: { one: 'a Protocol Buffers contract', what: 'Protocol Buffers', input: 'Protocol Buffers (a buf module, a directory of .proto files or a .proto file)' },
  asyncapi: { one: 'an AsyncAPI contract', what: 'AsyncAPI', input: 'AsyncAPI 2.x/3.0 documents' },
  saga: { one: 'a saga definition', what: 'saga', input: 'saga definitions (*.saga.yaml)' },
  graphql: { one: 'a GraphQL subgraph', what: 'GraphQL', input: 'GraphQL subgraphs (.graphql SDL files or folders)' },
};

/** The targets that generate from `kind`, as `` `rest-client` `` (or ``a or b``). */
function targetsFor(kind: Kind): string {
  const fits = (Object.keys(TARGET_INPUT) as GeneratorName[]).filter((t) => TARGET_INPUT[t] === kind);
  return fits.map((t) => `\`${t}\``).join(' or ');
}

/** What is wrong with generating `target` from a contract of `kind`, or undefined when it fits. */
export function kindMismatch(target: GeneratorName, kind: Kind, name: string): { message: string; hint: string } | undefined {
  if (TARGET_INPUT[target] === kind) return undefined;
  return {
    message: `${name} is ${KIND_NAMES[kind].one}, and the ${target} target generates from ${KIND_NAMES[TARGET_INPUT[target]].input}.`,
    hint: targetsFor(kind) ? `For ${KIND_NAMES[kind].one}, use the ${targetsFor(kind)} target.` : `No target of this version generates from ${KIND_NAMES[kind].input}.`,
  };
}

/** Jobs for `contractkit generate <target> <contract> --out <dir>` (paths as given, relative to cwd). */
export function jobsFromArguments(ctx: CommandContext, target: GeneratorName, contract: string, out: string, options: Record<string, unknown>, allowOutside = false): Job[] {
  const outProblem = outDirProblem(resolve(ctx.cwd, out), ctx.config.dir, allowOutside);
  if (outProblem) throw new UsageError(`generate ${target}: --out ${out}: ${outProblem.message} ${outProblem.hint} Nothing was written.`);
  const specs = selectContracts(ctx, [contract]);
  const wanted = TARGET_INPUT[target];
  const given = resolve(ctx.cwd, contract);
  const isDirectory = statSync(given).isDirectory();
  const fitting = target === 'grpc' && isDirectory ? protoContractsOf(given, specs, ctx.loadOptions.rootDir, ctx.cwd) : specs.filter((s) => s.kind === wanted);
  if (fitting.length === 0) {
    // a file, or a directory that is one contract (a proto module), is named by its kind
    if (specs.length === 1 && (specs[0]!.path === given || !isDirectory)) {
      const why = kindMismatch(target, specs[0]!.kind, contract)!;
      throw new UsageError(`generate ${target}: ${why.message} ${why.hint} Nothing was written.`);
    }
    const held = [...new Set(specs.map((s) => KIND_NAMES[s.kind].what))].join(', ');
    throw new UsageError(
      `generate ${target}: ${contract} holds no ${KIND_NAMES[wanted].what} contract (it holds ${held}); the ${target} target generates from ${KIND_NAMES[wanted].input}. Nothing was written.`,
    );
  }
  if (SAME_FILES_PER_CONTRACT.has(target) && fitting.length > 1) {
    // each contract's output has the same file names: each would overwrite the one before it in the same directory
    const what = `${KIND_NAMES[wanted].what} ${wanted === 'asyncapi' ? 'documents' : 'contracts'}`;
    const message = `${fitting.length} ${what} under ${contract} would be generated into one output directory (${out}), each overwriting the last; nothing was written.`;
    const hint = `Name one contract (\`contractkit generate ${target} path/to/contract --out <dir>\`), or give each its own \`generate:\` target in contractkit.yaml.`;
    throw new UsageError(`generate ${target}: ${message}`, fitting.map((s) => ({ ruleId: 'generate/one-contract-per-out', severity: 'error', kind: s.kind, file: s.path, line: 1, column: 1, message, hint })));
  }
  const jobs = fitting.map((spec) => ({ spec, target: { target, out: resolve(ctx.cwd, out), options } }));
  for (const job of jobs) {
    const problem = protoPathProblems(ctx, job)[0];
    if (problem) throw new UsageError(`generate ${target}: ${problem.why.message} ${problem.why.hint}`);
  }
  return jobs.map(selectingPaths);
}

/** A grpc job's spec builds only its `paths` (and what they import); other jobs stay as they are. */
function selectingPaths(job: Job): Job {
  if (job.target.target !== 'grpc') return job;
  const paths = readGrpcOptions(job.target.options).paths;
  return paths?.length ? { ...job, spec: { ...job.spec, paths } } : job;
}

/** The grpc `paths` of `job` that name nothing under its proto root, with the index of each. */
function protoPathProblems(ctx: CommandContext, job: Job): { index: number; why: { message: string; hint: string } }[] {
  if (job.target.target !== 'grpc') return [];
  const paths = readGrpcOptions(job.target.options).paths ?? [];
  return paths.flatMap((p, index) => {
    const why = missingProtoPath(job.spec.path, p, ctx.loadOptions.rootDir, ctx.cwd);
    return why ? [{ index, why }] : [];
  });
}

/** Jobs of every configured `generate:` target. @throws UsageError located in the config when a target does not fit its contract. */
export function jobsFromConfig(ctx: CommandContext, allowOutside = false): Job[] {
  const jobs: Job[] = [];
  const findings: Finding[] = [];
  for (const c of ctx.config.contracts) {
    for (const [i, t] of c.generate.entries()) {
      const outProblem = outDirProblem(t.out, ctx.config.dir, allowOutside);
      if (outProblem) {
        findings.push({
          ruleId: 'config/out-outside',
          severity: 'error',
          kind: 'config',
          file: ctx.config.file ?? c.path,
          pointer: `/contracts/${c.name}/generate/${i}/out`,
          message: outProblem.message.charAt(0).toUpperCase() + outProblem.message.slice(1),
          hint: outProblem.hint,
        });
        continue;
      }
      const why = kindMismatch(t.target, c.kind, `Contract \`${c.name}\``);
      if (why) {
        findings.push({
          ruleId: 'config/target-kind',
          severity: 'error',
          kind: 'config',
          file: ctx.config.file ?? c.path,
          pointer: `/contracts/${c.name}/generate/${i}/target`,
          message: why.message,
          hint: why.hint,
        });
        continue;
      }
      const job = { spec: c, target: t };
      const problems = protoPathProblems(ctx, job);
      for (const { index, why: problem } of problems) {
        findings.push({
          ruleId: 'config/grpc-path',
          severity: 'error',
          kind: 'config',
          file: ctx.config.file ?? c.path,
          pointer: `/contracts/${c.name}/generate/${i}/options/${t.options.paths === undefined ? 'path' : 'paths'}${Array.isArray(t.options.paths ?? t.options.path) ? `/${index}` : ''}`,
          message: problem.message.replace(/^--path /, '`paths` entry '),
          hint: problem.hint.replace(/--path /g, 'paths: '),
        });
      }
      if (problems.length === 0) jobs.push(selectingPaths(job));
    }
  }
  if (findings.length > 0) {
    throw new UsageError(`${relative(ctx.cwd, ctx.config.file ?? '') || 'contractkit.yaml'}: a generate target cannot run as configured; nothing was written.`, findings);
  }
  return jobs;
}
