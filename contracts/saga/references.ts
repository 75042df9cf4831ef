/**
 * What a saga step names, and where those names lead: the contract behind a
 * saga's `contracts` entry and the operation, method or message inside it.
 * Used by the resolution `loadContracts` runs (./resolve.ts), by the saga
 * lint rules (to explain what did not resolve) and by the saga generator.
 */
import { sep } from 'node:path';
import type {
  AsyncApiContract,
  Contract,
  ContractModel,
  EventMessage,
  EventOperation,
  HttpOperation,
  OpenApiContract,
  ProtoContract,
  RpcMethod,
  SagaCall,
  SagaContract,
  SagaStep,
  FailedReference,
  ResolvedSagaCall,
} from '../model/types.js';

/** The contract kinds a step can call, by the call form's key. */
export const CALL_KIND = { openapi: 'openapi', grpc: 'proto', asyncapi: 'asyncapi' } as const;

/** A call form that names a contract. */
export type ContractCall = Exclude<SagaCall, { local: string }>;

/** The form key of a call (`openapi`, `grpc`, `asyncapi`), or undefined for `local`. */
export function callForm(call: SagaCall): keyof typeof CALL_KIND | undefined {
  if ('openapi' in call) return 'openapi';
  if ('grpc' in call) return 'grpc';
  if ('asyncapi' in call) return 'asyncapi';
  return undefined;
}

/** The contract name a call refers to (`orders`), or undefined for `local`. */
export function contractNameOf(call: SagaCall): string | undefined {
  const form = callForm(call);
  return form ? (call as Record<string, string>)[form] : undefined;
}

/** A model whose saga references are resolved (as `loadContracts` returns it). */
export type SagaContractsModel = ContractModel & Required<Pick<ContractModel, 'sagaReferences'>>;

/**
 * How well `contract` matches `path`: 2 for its entry file (or proto root),
 * 1 for a proto module the path lies inside (or that lies inside the path),
 * 0 for no match.
 */
export function matchContractAt(contract: Contract, path: string): 0 | 1 | 2 {
  if (contract.file === path) return 2;
  if (contract.kind !== 'proto') return 0;
  if (contract.root === path) return 2;
  return path.startsWith(contract.root + sep) || contract.root.startsWith(path + sep) ? 1 : 0;
}

/** Finds the contract of `kind` at `path` in the model, then among the saga references {@link withSagaContracts} loaded; exact matches first. */
export function findContractAt<K extends Contract['kind']>(model: ContractModel, kind: K, path: string): Extract<Contract, { kind: K }> | undefined {
  const extra = model.sagaReferences?.loaded ?? [];
  const candidates = [...model.contracts, ...extra].filter((c) => c.kind === kind);
  const found = candidates.find((c) => matchContractAt(c, path) === 2) ?? candidates.find((c) => matchContractAt(c, path) === 1);
  return found as Extract<Contract, { kind: K }> | undefined;
}

/** Why a referenced contract is not available: its load errors, if {@link withSagaContracts} tried. */
export function failedReference(model: ContractModel, path: string): FailedReference | undefined {
  return model.sagaReferences?.failed.find((f) => f.path === path);
}

/** The contract a call names, resolved through the saga's `contracts` map. */
export function contractOfCall(model: ContractModel, saga: SagaContract, call: ContractCall): Contract | undefined {
  const form = callForm(call)!;
  const path = saga.contracts[contractNameOf(call)!];
  return path === undefined ? undefined : findContractAt(model, CALL_KIND[form], path);
}

/** An OpenAPI operation by `operationId`. */
export function findHttpOperation(c: OpenApiContract, operationId: string): HttpOperation | undefined {
  return c.operations.find((o) => o.operationId === operationId);
}

/** Splits `payments.v1.PaymentService/Charge` (a leading `/` allowed) into service and method. */
export function splitGrpcMethod(method: string): { service: string; method: string } | undefined {
  const m = /^\/?([A-Za-z_][\w.]*)\/([A-Za-z_]\w*)$/.exec(method);
  return m ? { service: m[1]!, method: m[2]! } : undefined;
}

/** An RPC method by `package.Service/Method`. */
export function findRpcMethod(c: ProtoContract, method: string): RpcMethod | undefined {
  const parts = splitGrpcMethod(method);
  if (!parts) return undefined;
  return c.services.find((s) => s.fullName === parts.service)?.methods.find((m) => m.name === parts.method);
}

/** An AsyncAPI operation by id. */
export function findEventOperation(c: AsyncApiContract, id: string): EventOperation | undefined {
  return c.operations.find((o) => o.id === id);
}

/** A message by id or name. */
export function findEventMessage(c: AsyncApiContract, name: string): EventMessage | undefined {
  return c.messages.find((m) => m.id === name) ?? c.messages.find((m) => m.name === name);
}

/** What `call` leads to in `model`: its contract and operation (or method, or messages), or undefined when any of them is missing. */
export function resolveCall(model: ContractModel, saga: SagaContract, call: SagaCall): ResolvedSagaCall | undefined {
  if ('local' in call) return undefined;
  const contract = contractOfCall(model, saga, call);
  if (!contract) return undefined;
  if ('openapi' in call && contract.kind === 'openapi') {
    const operation = findHttpOperation(contract, call.operationId);
    return operation && { kind: 'openapi', contract, operation };
  }
  if ('grpc' in call && contract.kind === 'proto') {
    const parts = splitGrpcMethod(call.method);
    const service = parts && contract.services.find((s) => s.fullName === parts.service);
    const method = service?.methods.find((m) => m.name === parts!.method);
    return service && method && { kind: 'proto', contract, service, method };
  }
  if ('asyncapi' in call && contract.kind === 'asyncapi') {
    const operation = findEventOperation(contract, call.send);
    if (!operation || operation.action !== 'send') return undefined;
    const reply = call.reply === undefined ? undefined : findEventMessage(contract, call.reply);
    const failure = call.failure === undefined ? undefined : findEventMessage(contract, call.failure);
    if ((call.reply !== undefined && !reply) || (call.failure !== undefined && !failure)) return undefined;
    return { kind: 'asyncapi', contract, operation, reply, failure };
  }
  return undefined;
}

/** The contracts the sagas among `contracts` call (as resolved), each once, in the order first called. */
export function calledContracts(contracts: readonly Contract[]): Contract[] {
  const called = new Set<Contract>();
  for (const c of contracts) {
    if (c.kind !== 'saga') continue;
    for (const step of c.steps) for (const r of [step.resolved?.call, step.resolved?.compensate]) if (r) called.add(r.contract);
  }
  return [...called];
}

/** HTTP methods that are safe (RFC 9110 §9.2.1): they change nothing on the server. */
const SAFE_METHODS = new Set(['get', 'head', 'options', 'trace']);

/**
 * True when `call` changes nothing, as `contract` (the one it names) declares:
 * a safe HTTP method, or an rpc with `idempotency_level = NO_SIDE_EFFECTS`.
 * Local and event calls cannot tell (a command asks someone to act), nor can
 * a call whose operation is missing.
 */
export function isReadOnlyCall(contract: Contract | undefined, call: SagaCall): boolean {
  if ('openapi' in call) {
    const op = contract?.kind === 'openapi' ? findHttpOperation(contract, call.operationId) : undefined;
    return op !== undefined && SAFE_METHODS.has(op.method);
  }
  if ('grpc' in call) {
    const method = contract?.kind === 'proto' ? findRpcMethod(contract, call.method) : undefined;
    return method?.idempotency === 'no_side_effects';
  }
  return false;
}

/** The calls of a step with the pointer segment they are written under. */
export function callsOf(step: SagaStep): { which: 'call' | 'compensate'; call: SagaCall }[] {
  const out: { which: 'call' | 'compensate'; call: SagaCall }[] = [{ which: 'call', call: step.call }];
  if (step.compensate) out.push({ which: 'compensate', call: step.compensate });
  return out;
}

/** Index of a step in its saga, read from its location (`/steps/2`), else its position. */
export function stepIndex(saga: SagaContract, step: SagaStep): number {
  const m = /^\/steps\/(\d+)$/.exec(step.location.pointer ?? '');
  return m ? Number(m[1]) : saga.steps.indexOf(step);
}
