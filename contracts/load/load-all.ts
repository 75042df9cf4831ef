/**
 * Loads every contract of a run once, in parallel, into one ContractModel;
 * with sagas, their references are resolved too (the contracts their steps
 * call loaded, each step's calls pointing at what they name).
 */
import type { Finding } from '../finding.js';
import type { Contract, ContractModel } from '../model/types.js';
import type { ContractLoader, ContractSpec, LoadOptions } from './types.js';

// Loaders are imported on first use: the parsers behind them take up to half a
// second each to import, which a cached or single-kind run should not pay.
const LOADERS: Record<ContractSpec['kind'], () => Promise<ContractLoader>> = {
  openapi: async () => (await import('../openapi/load.js')).loadOpenApi as ContractLoader,
  proto: async () => (await import('../proto/load.js')).loadProto as ContractLoader,
  asyncapi: async () => (await import('../asyncapi/load.js')).loadAsyncApi as ContractLoader,
  saga: async () => (await import('../saga/load.js')).loadSaga as ContractLoader,
  graphql: async () => (await import('../graphql/load.js')).loadGraphQL as ContractLoader,
};

/** The model plus every load problem. `usable` is false when any contract failed to load. */
export interface LoadedModel {
  model: ContractModel;
  findings: Finding[];
  usable: boolean;
  /** The contract loaded from each spec, in the order of the specs (undefined where it failed). */
  bySpec: (Contract | undefined)[];
}

/** Loads `specs` with the loader of each kind; a loader that throws is turned into a finding, never a crash. */
export async function loadContracts(specs: readonly ContractSpec[], options: LoadOptions): Promise<LoadedModel> {
  const outcomes = await Promise.all(
    specs.map(async (spec) => {
      try {
        const loader = await LOADERS[spec.kind]();
        return await loader(spec, options);
      } catch (err) {
        const finding: Finding = {
          ruleId: 'load/internal-error',
          severity: 'error',
          kind: spec.kind,
          file: spec.path,
          line: 1,
          column: 1,
          message: `contractkit failed while loading this ${spec.kind} contract: ${(err as Error).message}`,
          hint: 'This is a bug in contractkit; please report it with the file (run with --debug for the stack).',
        };
        if (process.env.CONTRACTKIT_DEBUG) console.error(err);
        return { contract: undefined, findings: [finding] };
      }
    }),
  );
  const findings: Finding[] = [];
  const bySpec = outcomes.map((o, i) => {
    findings.push(...o.findings);
    // set in place: loaders keep side tables keyed by the contract object
    if (o.contract) o.contract.name = specs[i]!.name;
    return o.contract;
  });
  const contracts = bySpec.filter((c): c is Contract => c !== undefined);
  let model: ContractModel = { contracts };
  // imported only when there are sagas: the resolution may load more contracts
  if (options.resolveSagaReferences !== false && contracts.some((c) => c.kind === 'saga')) model = await (await import('../saga/resolve.js')).resolveSagaReferences(model, options);
  return { model, findings, usable: !findings.some((f) => f.severity === 'error'), bySpec };
}
