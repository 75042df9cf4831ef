/**
 * contractkit's saga rules: model rules over the saga definitions of a run
 * and the contracts their steps call.
 *
 * The runner calls {@link withSagaContracts} on the loaded model before the
 * rules run, so contracts a saga names but the run did not configure are
 * loaded too (rules are synchronous and cannot load them themselves).
 */
import type { ModelRule } from '../rule.js';
import { presetTable, type PresetTable } from '../asyncapi/support/presets.js';
import { sagaIdempotentStep } from './saga-idempotent-step.js';
import { sagaOperationExists } from './saga-operation-exists.js';
import { sagaStepCompensation } from './saga-step-compensation.js';

export { sagaIdempotentStep } from './saga-idempotent-step.js';
export { sagaOperationExists } from './saga-operation-exists.js';
export { sagaStepCompensation } from './saga-step-compensation.js';
export { withSagaContracts } from '../../../contracts/saga/resolve.js';
export type { FailedReference } from '../../../contracts/model/types.js';
export type { SagaContractsModel } from '../../../contracts/saga/references.js';

/** Every saga rule, in catalogue order. */
export const sagaRules: readonly ModelRule[] = [sagaStepCompensation, sagaOperationExists, sagaIdempotentStep];

/**
 * Which saga rules each preset runs, at what severity: minimal =
 * saga-step-compensation, saga-operation-exists; recommended = all at their
 * default severity; strict = all at error.
 */
export const sagaPresets: PresetTable = presetTable(sagaRules);
