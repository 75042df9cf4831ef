/**
 * `saga-operation-exists`: every operation, method or message a saga step
 * names exists in the contract it names. The seed's orchestrator "handles
 * retries and compensations" by calling participants through their contracts;
 * a step that names an operation the participant does not offer fails only at
 * run time, typically in the middle of a compensation. Reported at the line of
 * the reference.
 *
 * `loadContracts` resolves the references (contracts/saga/resolve.ts); the
 * rule reads the calls left unresolved and says why, looking contracts the
 * run did not configure up in `model.sagaReferences`.
 */
import type { AsyncApiContract, Contract, OpenApiContract, ProtoContract, SagaContract } from '../../../contracts/model/types.js';
import { contractsOfKind } from '../../../contracts/model/types.js';
import type { ModelRule, ModelRuleContext } from '../rule.js';
import {
  CALL_KIND,
  callForm,
  callsOf,
  contractNameOf,
  failedReference,
  findContractAt,
  findEventMessage,
  findEventOperation,
  findHttpOperation,
  splitGrpcMethod,
  stepIndex,
  type ContractCall,
  type SagaContractsModel,
} from '../../../contracts/saga/references.js';
import { didYouMean } from '../../../contracts/source/suggest.js';

/** The rule definition. */
export const sagaOperationExists: ModelRule = {
  id: 'saga-operation-exists',
  kind: 'saga',
  engine: 'model',
  description: 'Each operation, method or message a saga step names exists in the contract it names.',
  defaultSeverity: 'error',
  presets: ['minimal', 'recommended', 'strict'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  check(model, ctx) {
    for (const saga of contractsOfKind(model, 'saga')) {
      const missingReported = new Set<string>();
      for (const step of saga.steps) {
        const i = stepIndex(saga, step);
        for (const { which, call } of callsOf(step)) {
          const form = callForm(call);
          if (!form) continue;
          const name = contractNameOf(call)!;
          const path = saga.contracts[name];
          // A name missing from `contracts` is a load error of the saga already.
          if (path === undefined) continue;
          // a resolved call names what exists; only a streaming method is still wrong
          const resolved = which === 'call' ? step.resolved?.call : step.resolved?.compensate;
          if (resolved && (resolved.kind !== 'proto' || resolved.method.kind === 'unary')) continue;
          const base = `/steps/${i}/${which}`;
          const contract = findContractAt(model, CALL_KIND[form], path);
          if (!contract) {
            const other = [...model.contracts, ...((model as Partial<SagaContractsModel>).sagaReferences?.loaded ?? [])].find((c) => c.file === path && c.kind !== 'saga');
            if (other) {
              ctx.report({
                file: saga.file,
                pointer: `${base}/${form}`,
                message: `Step \`${step.name}\` calls \`${name}\` as ${CALL_KIND[form]}, but \`${name}\` is ${article(other.kind)} contract.`,
                hint: `Use the call form of ${article(other.kind)} contract (${formHint(other.kind)}), or point \`contracts.${name}\` at the right file.`,
              });
            } else if (!missingReported.has(name)) {
              missingReported.add(name);
              reportMissingContract(ctx, saga, name, path, model);
            }
            continue;
          }
          checkCall(ctx, saga, step.name, base, call as ContractCall, contract);
        }
      }
    }
  },
};

/** The path of a contract as the saga writes it (`../openapi/orders.yaml`), for messages. */
function writtenPath(saga: SagaContract, name: string, fallback: string): string {
  const raw = (saga.document.contracts as Record<string, unknown> | undefined)?.[name];
  return typeof raw === 'string' ? raw : fallback;
}

/** `an asyncapi`, `a proto`. */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

function formHint(kind: Contract['kind']): string {
  return kind === 'openapi' ? '`openapi` + `operationId`' : kind === 'proto' ? '`grpc` + `method`' : kind === 'asyncapi' ? '`asyncapi` + `send`' : 'a saga cannot be called';
}

function reportMissingContract(ctx: ModelRuleContext, saga: SagaContract, name: string, path: string, model: Parameters<ModelRule['check']>[0]): void {
  const failed = failedReference(model, path);
  const firstError = failed?.findings.find((f) => f.severity === 'error');
  const written = writtenPath(saga, name, path);
  ctx.report({
    file: saga.file,
    pointer: `/contracts/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    message: firstError
      ? `Contract \`${name}\` (${written}) could not be loaded, so the steps that call it cannot be checked: ${firstError.message}`
      : `Contract \`${name}\` (${written}) is not among the loaded contracts, so the steps that call it cannot be checked.`,
    hint: firstError
      ? `Check \`contracts.${name}\` (a path relative to this saga file) and that the contract loads (\`contractkit lint ${written}\` shows its problems).`
      : 'Check the path (relative to this saga file); list the contract under `contracts` in contractkit.yaml so it is loaded and linted too.',
  });
}

function checkCall(ctx: ModelRuleContext, saga: SagaContract, stepName: string, base: string, call: ContractCall, contract: Contract): void {
  const where = (name: string): string => `\`${name}\` (${writtenPath(saga, name, contract.file)})`;
  const report = (field: string, message: string, hint: string): void => ctx.report({ file: saga.file, pointer: `${base}/${field}`, message, hint });
  if ('openapi' in call) {
    const c = contract as OpenApiContract;
    if (findHttpOperation(c, call.operationId)) return;
    const ids = c.operations.flatMap((o) => (o.operationId ? [o.operationId] : []));
    report('operationId', `Step \`${stepName}\` calls operation \`${call.operationId}\`, which ${where(call.openapi)} does not define.${didYouMean(call.operationId, ids)}`, 'Use the `operationId` of an operation in that OpenAPI document, or add the operation.');
    return;
  }
  if ('grpc' in call) {
    const c = contract as ProtoContract;
    const parts = splitGrpcMethod(call.method);
    if (!parts) {
      report('method', `Step \`${stepName}\` names gRPC method \`${call.method}\`, which is not of the form \`package.Service/Method\`.`, 'Write the fully-qualified service, a slash and the method: `payments.v1.PaymentService/Charge`.');
      return;
    }
    const service = c.services.find((s) => s.fullName === parts.service);
    if (!service) {
      report('method', `Step \`${stepName}\` calls service \`${parts.service}\`, which ${where(call.grpc)} does not define.${didYouMean(parts.service, c.services.map((s) => s.fullName))}`, 'Use the fully-qualified name of a service in that proto module (`package.Service`).');
      return;
    }
    const method = service.methods.find((m) => m.name === parts.method);
    if (!method) {
      report('method', `Step \`${stepName}\` calls \`${parts.method}\`, which service \`${service.fullName}\` does not define.${didYouMean(parts.method, service.methods.map((m) => m.name))}`, `Use one of the service's methods: ${service.methods.map((m) => `\`${m.name}\``).join(', ') || '(none)'}.`);
    } else if (method.kind !== 'unary') {
      report('method', `Step \`${stepName}\` calls \`${service.fullName}/${method.name}\`, a ${method.kind.replace('_', ' ')} method; saga steps call unary methods.`, 'Call a unary method (one request, one response), or wrap the stream in a `local` step.');
    }
    return;
  }
  const c = contract as AsyncApiContract;
  const op = findEventOperation(c, call.send);
  if (!op) {
    const sends = c.operations.filter((o) => o.action === 'send').map((o) => o.id);
    report('send', `Step \`${stepName}\` sends through operation \`${call.send}\`, which ${where(call.asyncapi)} does not define.${didYouMean(call.send, sends)}`, 'Use the id of a `send` operation in that AsyncAPI document, or add the operation.');
  } else if (op.action !== 'send') {
    report('send', `Step \`${stepName}\` sends through operation \`${call.send}\`, but that operation receives.`, 'Name a `send` operation: the saga publishes the command and waits for the reply.');
  }
  for (const field of ['reply', 'failure'] as const) {
    const name = call[field];
    if (name === undefined || findEventMessage(c, name)) continue;
    const names = c.messages.flatMap((m) => (m.name && m.name !== m.id ? [m.id, m.name] : [m.id]));
    report(field, `Step \`${stepName}\` waits for ${field} message \`${name}\`, which ${where(call.asyncapi)} does not define.${didYouMean(name, names)}`, 'Use the id or name of a message in that AsyncAPI document (one the saga receives), or add the message.');
  }
}
