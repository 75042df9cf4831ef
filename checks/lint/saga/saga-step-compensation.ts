/**
 * `saga-step-compensation`: every step before the pivot has a `compensate`.
 * In the seed's saga orchestration, "if inventory fails, refund the payment,
 * then cancel the order": a failure before the pivot undoes every completed
 * step in reverse order, so a step without a compensation leaves its effect
 * behind (a charged card for an order that does not exist). Steps from the
 * pivot on only go forward; a `compensate` there never runs, which is reported
 * too, as it misleads the reader. A read-only step (a GET, HEAD or OPTIONS
 * operation, an rpc with `idempotency_level = NO_SIDE_EFFECTS`) changes
 * nothing, so it needs no compensation.
 */
import type { ContractModel, SagaContract, SagaStep } from '../../../contracts/model/types.js';
import { contractsOfKind } from '../../../contracts/model/types.js';
import type { ModelRule } from '../rule.js';
import { contractOfCall, isReadOnlyCall, stepIndex } from '../../../contracts/saga/references.js';

/** The rule definition. */
export const sagaStepCompensation: ModelRule = {
  id: 'saga-step-compensation',
  kind: 'saga',
  engine: 'model',
  description: 'Every saga step before the pivot has a compensation (`compensate`).',
  defaultSeverity: 'error',
  presets: ['minimal', 'recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      allowSteps: { type: 'array', items: { type: 'string' }, description: 'Step names that need no compensation though the contract cannot tell (a local read-only step, say a price lookup).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { allowSteps: [] },
  check(model, ctx) {
    const allow = new Set(ctx.options.allowSteps as string[]);
    for (const saga of contractsOfKind(model, 'saga')) {
      const pivot = saga.steps.findIndex((s) => s.pivot);
      const pivotName = pivot >= 0 ? saga.steps[pivot]!.name : undefined;
      saga.steps.forEach((step, position) => {
        const i = stepIndex(saga, step);
        if (position < pivot && !step.compensate && !allow.has(step.name) && !isReadOnlyStep(model, saga, step)) {
          ctx.report({
            file: saga.file,
            pointer: `/steps/${i}/name`,
            message: `Step \`${step.name}\` comes before the pivot \`${pivotName}\` but has no \`compensate\`: if a later step fails, its effect cannot be undone.`,
            hint: 'Add `compensate:` with the call that undoes it (cancel, refund, release), or move the step after the pivot if it can be retried until it succeeds.',
          });
        } else if (position >= pivot && pivot >= 0 && step.compensate) {
          const which = position === pivot ? 'is the pivot' : `comes after the pivot \`${pivotName}\``;
          ctx.report({
            file: saga.file,
            pointer: `/steps/${i}/compensate`,
            onKey: true,
            message: `Step \`${step.name}\` ${which}, so its \`compensate\` never runs.`,
            hint: 'Remove the compensation, or mark a later step as the pivot (`pivot: true`) if this one must stay undoable.',
          });
        }
      });
    }
  },
};

/** True when the step's call changes nothing, as the contract it calls declares (local steps cannot tell). */
function isReadOnlyStep(model: ContractModel, saga: SagaContract, step: SagaStep): boolean {
  const call = step.call;
  return !('local' in call) && isReadOnlyCall(contractOfCall(model, saga, call), call);
}
