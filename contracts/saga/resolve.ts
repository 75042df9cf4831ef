/**
 * Resolves saga references: loads the contracts that sagas refer to but the
 * run did not load, then records on every step what its `call` and
 * `compensate` lead to (`step.resolved`). `loadContracts` runs it once, so
 * lint rules (synchronous, like every model rule) and generators (pure) read
 * the result:
 *
 * ```ts
 * const { model } = await loadContracts(specs, options);
 * // saga steps carry `resolved`; the extra contracts are in `model.sagaReferences`,
 * // other rules see exactly the configured contracts.
 * ```
 */
import type { ContractLoader, LoadOptions } from '../load/types.js';
import type { Contract, ContractModel, FailedReference } from '../model/types.js';
import { contractsOfKind } from '../model/types.js';
import { CALL_KIND, callForm, callsOf, contractNameOf, findContractAt, resolveCall, type SagaContractsModel } from './references.js';

type ReferencedKind = (typeof CALL_KIND)[keyof typeof CALL_KIND];

// imported on first use: the parsers take up to half a second to import
const LOADERS: Record<ReferencedKind, () => Promise<ContractLoader>> = {
  openapi: async () => (await import('../openapi/load.js')).loadOpenApi as ContractLoader,
  proto: async () => (await import('../proto/load.js')).loadProto as ContractLoader,
  asyncapi: async () => (await import('../asyncapi/load.js')).loadAsyncApi as ContractLoader,
};

/**
 * Returns `model` plus `sagaReferences` (a model that has them is returned as it is): the contracts the sagas' steps call
 * that are not in the model, loaded with the loader of their kind (each path
 * once, in parallel), and the ones that failed to load with their findings.
 * Never throws; a contract that cannot be loaded becomes a `failed` entry,
 * which `saga-operation-exists` reports at the saga's `contracts` entry.
 */
export async function withSagaContracts(model: ContractModel, options: LoadOptions): Promise<SagaContractsModel> {
  if (model.sagaReferences) return model as SagaContractsModel;
  const wanted = new Map<string, { kind: ReferencedKind; path: string; name: string }>();
  for (const saga of contractsOfKind(model, 'saga')) {
    for (const step of saga.steps) {
      for (const { call } of callsOf(step)) {
        const form = callForm(call);
        const name = contractNameOf(call);
        if (!form || name === undefined) continue;
        const path = saga.contracts[name];
        const kind = CALL_KIND[form];
        if (path === undefined || findContractAt(model, kind, path)) continue;
        wanted.set(`${kind}:${path}`, { kind, path, name });
      }
    }
  }

  const loaded: Contract[] = [];
  const failed: FailedReference[] = [];
  await Promise.all(
    [...wanted.values()].map(async ({ kind, path, name }) => {
      try {
        const outcome = await (await LOADERS[kind]())({ name, kind, path }, options);
        if (outcome.contract && !outcome.findings.some((f) => f.severity === 'error')) loaded.push(outcome.contract);
        else failed.push({ kind, path, findings: outcome.findings });
      } catch (err) {
        failed.push({
          kind,
          path,
          findings: [{ ruleId: 'load/internal-error', severity: 'error', kind, file: path, line: 1, column: 1, message: (err as Error).message }],
        });
      }
    }),
  );
  // Deterministic order whatever finished first.
  loaded.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  failed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const resolved: SagaContractsModel = { ...model, sagaReferences: { loaded, failed } };
  for (const saga of contractsOfKind(model, 'saga')) {
    for (const step of saga.steps) {
      const call = resolveCall(resolved, saga, step.call);
      const compensate = step.compensate ? resolveCall(resolved, saga, step.compensate) : undefined;
      step.resolved = { ...(call && { call }), ...(compensate && { compensate }) };
    }
  }
  return resolved;
}

/** The name `loadContracts` knows it by. */
export const resolveSagaReferences = withSagaContracts;
