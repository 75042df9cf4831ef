/**
 * `saga-step-compensation`: every step before the pivot has a `compensate`.
 * In the seed's saga orchestration, "if inventory fails, refund the payment,
 * then cancel the order": a failure before the pivot undoes every completed
 * step in reverse order, so a step without a compensation leaves its effect
 * behind (a charged card for an order that does not exist). Steps from the
 * pivot on only go forward; a `compensate` there never runs, which is reported
 * too, as it misleads the reader.
 */
import { contractsOfKind } from '../../../contracts/model/types.js';
import type { ModelRule } from '../rule.js';
import { stepIndex } from './support/references.js';

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
      allowSteps: { type: 'array', items: { type: 'string' }, description: 'Step names that need no compensation (a read-only step, say a price lookup).' },
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
        if (position < pivot && !step.compensate && !allow.has(step.name)) {
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
