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
import type { ContractModel, OpenApiContract, ProtoContract, SagaContract, SagaStep } from '../../../contracts/model/types.js';
import { contractsOfKind } from '../../../contracts/model/types.js';
import type { ModelRule } from '../rule.js';
import { contractOfCall, findHttpOperation, findRpcMethod, stepIndex } from './support/references.js';

/** HTTP methods that are safe (RFC 9110 §9.2.1): they change nothing on the server. */
const SAFE_METHODS = new Set(['get', 'head', 'options', 'trace']);

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
        if (position < pivot && !step.compensate && !allow.has(step.name) && !isReadOnly(model, saga, step)) {
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

/**
 * True when the step's call changes nothing, as its contract declares: a safe
 * HTTP method, or an rpc with no side effects. Local steps and event steps
 * cannot tell (an event asks someone to act), nor can a call whose operation
 * is missing (saga-operation-exists reports that).
 */
function isReadOnly(model: ContractModel, saga: SagaContract, step: SagaStep): boolean {
  const call = step.call;
  if ('openapi' in call) {
    const contract = contractOfCall(model, saga, call) as OpenApiContract | undefined;
    const op = contract && findHttpOperation(contract, call.operationId);
    return op !== undefined && SAFE_METHODS.has(op.method);
  }
  if ('grpc' in call) {
    const contract = contractOfCall(model, saga, call) as ProtoContract | undefined;
    return (contract && findRpcMethod(contract, call.method))?.idempotency === 'no_side_effects';
  }
  return false;
}
