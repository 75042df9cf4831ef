/**
 * What `contractkit generate` runs: a job per (contract, target), from the
 * command line or from the config's `generate:` lists. Every target generates
 * from one kind of contract (TARGET_INPUT); a contract of another kind is
 * refused here, before anything is loaded, with one message for every target.
 */
import { relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { Finding } from '../../../checks/finding.js';
import { UsageError } from '../../../contracts/errors.js';
import type { ContractSpec } from '../../../contracts/load/types.js';
import { TARGET_INPUT, type GeneratorName } from '../../../generators/core/registry.js';
import type { CommandContext } from '../../context.js';
import type { GenerateTarget } from '../../config/types.js';
import { selectContracts } from '../../select-contracts.js';

/** One generation: a contract and what to generate from it. */
export interface Job {
  spec: ContractSpec;
  target: GenerateTarget;
}

type Kind = ContractSpec['kind'];

/** How messages name a kind of contract. */
const KIND_NAMES: Record<Kind, { one: string; what: string; input: string }> = {
  openapi: { one: 'an OpenAPI contract', what: 'OpenAPI', input: 'OpenAPI 3.x documents' },
  proto: { one: 'a Protocol Buffers contract', what: 'Protocol Buffers', input: 'Protocol Buffers (a buf module, a directory of .proto files or a .proto file)' },
  asyncapi: { one: 'an AsyncAPI contract', what: 'AsyncAPI', input: 'AsyncAPI 2.x/3.0 documents' },
  saga: { one: 'a saga definition', what: 'saga', input: 'saga definitions (*.saga.yaml)' },
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
    hint: `For ${KIND_NAMES[kind].one}, use the ${targetsFor(kind)} target.`,
  };
}

/** Jobs for `contractkit generate <target> <contract> --out <dir>` (paths as given, relative to cwd). */
export function jobsFromArguments(ctx: CommandContext, target: GeneratorName, contract: string, out: string, options: Record<string, unknown>): Job[] {
  const specs = selectContracts(ctx, [contract]);
  const wanted = TARGET_INPUT[target];
  const fitting = specs.filter((s) => s.kind === wanted);
  if (fitting.length === 0) {
    // a file, or a directory that is one contract (a proto module), is named by its kind
    const given = resolve(ctx.cwd, contract);
    if (specs.length === 1 && (specs[0]!.path === given || !statSync(given).isDirectory())) {
      const why = kindMismatch(target, specs[0]!.kind, contract)!;
      throw new UsageError(`generate ${target}: ${why.message} ${why.hint} Nothing was written.`);
    }
    const held = [...new Set(specs.map((s) => KIND_NAMES[s.kind].what))].join(', ');
    throw new UsageError(
      `generate ${target}: ${contract} holds no ${KIND_NAMES[wanted].what} contract (it holds ${held}); the ${target} target generates from ${KIND_NAMES[wanted].input}. Nothing was written.`,
    );
  }
  return fitting.map((spec) => ({ spec, target: { target, out: resolve(ctx.cwd, out), options } }));
}

/** Jobs of every configured `generate:` target. @throws UsageError located in the config when a target does not fit its contract. */
export function jobsFromConfig(ctx: CommandContext): Job[] {
  const jobs: Job[] = [];
  const findings: Finding[] = [];
  for (const c of ctx.config.contracts) {
    for (const [i, t] of c.generate.entries()) {
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
      } else {
        jobs.push({ spec: c, target: t });
      }
    }
  }
  if (findings.length > 0) {
    throw new UsageError(`${relative(ctx.cwd, ctx.config.file ?? '') || 'contractkit.yaml'}: a generate target does not fit its contract; nothing was written.`, findings);
  }
  return jobs;
}
