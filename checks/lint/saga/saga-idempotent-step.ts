/**
 * `saga-idempotent-step`: a step call the orchestrator may repeat is safe to
 * repeat. Compensations are retried until they succeed, steps with `retry`
 * and steps after the pivot are retried too, and every call may be repeated
 * after a crash; the runtime sends an idempotency key with each, but only an
 * operation that is idempotent by nature or honors the key makes a repeat
 * harmless. Flagged: a REST operation that is neither idempotent by method
 * (GET, PUT, DELETE, HEAD, OPTIONS) nor declares an `Idempotency-Key` header,
 * and a gRPC method with no `idempotency_level`.
 */
import type { OpenApiContract, ProtoContract, SagaCall, SagaContract, SagaStep } from '../../../contracts/model/types.js';
import { contractsOfKind } from '../../../contracts/model/types.js';
import type { ModelRule, ModelRuleContext } from '../rule.js';
import { contractOfCall, findHttpOperation, findRpcMethod, stepIndex } from '../../../contracts/saga/references.js';

/** HTTP methods that are idempotent by definition (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['get', 'put', 'delete', 'head', 'options', 'trace']);

/** The rule definition. */
export const sagaIdempotentStep: ModelRule = {
  id: 'saga-idempotent-step',
  kind: 'saga',
  engine: 'model',
  description: 'A retried or compensating saga step calls an idempotent operation: idempotent by method, with an `Idempotency-Key` header, or a gRPC method with an idempotency level.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      header: { type: 'string', description: 'Name of the idempotency header REST operations declare (matched case-insensitively).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { header: 'Idempotency-Key' },
  check(model, ctx) {
    const header = (ctx.options.header as string).toLowerCase();
    for (const saga of contractsOfKind(model, 'saga')) {
      const pivot = saga.steps.findIndex((s) => s.pivot);
      saga.steps.forEach((step, position) => {
        const i = stepIndex(saga, step);
        // Steps after the pivot are retried until they succeed, whether or not `retry` says how.
        const retried = step.retry !== undefined || (pivot >= 0 && position > pivot);
        if (retried) checkCall(ctx, model, saga, step, step.call, `/steps/${i}/call`, 'is retried', header);
        if (step.compensate) checkCall(ctx, model, saga, step, step.compensate, `/steps/${i}/compensate`, 'compensates (compensations are retried until they succeed)', header);
      });
    }
  },
};

function checkCall(
  ctx: ModelRuleContext,
  model: Parameters<ModelRule['check']>[0],
  saga: SagaContract,
  step: SagaStep,
  call: SagaCall,
  base: string,
  why: string,
  header: string,
): void {
  if ('openapi' in call) {
    const contract = contractOfCall(model, saga, call) as OpenApiContract | undefined;
    const op = contract && findHttpOperation(contract, call.operationId);
    // A missing operation is saga-operation-exists' finding.
    if (!op || IDEMPOTENT_METHODS.has(op.method)) return;
    if (op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === header)) return;
    ctx.report({
      file: saga.file,
      pointer: `${base}/operationId`,
      message: `Step \`${step.name}\` ${why}, but operation \`${call.operationId}\` (${op.method.toUpperCase()} ${op.path}) is not idempotent and accepts no \`${ctx.options.header as string}\` header: a repeat could apply it twice.`,
      hint: `Declare the \`${ctx.options.header as string}\` header on the operation (the saga runtime sends \`<sagaId>:<step>:<do|undo>\` in it) and have the service return the first result for a repeated key; or call an idempotent operation (PUT, DELETE).`,
    });
    return;
  }
  if ('grpc' in call) {
    const contract = contractOfCall(model, saga, call) as ProtoContract | undefined;
    const method = contract && findRpcMethod(contract, call.method);
    if (!method || method.idempotency !== 'unknown') return;
    ctx.report({
      file: saga.file,
      pointer: `${base}/method`,
      message: `Step \`${step.name}\` ${why}, but gRPC method \`${call.method}\` declares no idempotency level: a repeat could apply it twice.`,
      hint: 'Make the method idempotent (honor the `idempotency-key` metadata the saga runtime sends, or a key field in the request) and declare `option idempotency_level = IDEMPOTENT;`.',
    });
  }
  // Event steps carry a deterministic eventId that idempotent consumers de-duplicate; local steps are the user's code.
}
