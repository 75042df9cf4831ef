/**
 * What a saga step's references lead to once `loadContracts` has resolved
 * them (contracts/saga/resolve.ts): the contract and the operation, method or
 * messages each call names. Generators read these; the lint rule
 * `saga-operation-exists` reports the calls left unresolved.
 */
import type { AsyncApiContract, Contract, EventMessage, EventOperation, HttpOperation, OpenApiContract, ProtoContract, RpcMethod, RpcService } from './types.js';
import type { Finding } from '../finding.js';

/** A call whose contract and operation were found. */
export type ResolvedSagaCall =
  | { kind: 'openapi'; contract: OpenApiContract; operation: HttpOperation }
  | { kind: 'proto'; contract: ProtoContract; service: RpcService; method: RpcMethod }
  | { kind: 'asyncapi'; contract: AsyncApiContract; operation: EventOperation; reply?: EventMessage; failure?: EventMessage };

/** The resolved calls of one step (a call absent here was not resolved, or is `local`). */
export interface ResolvedStepCalls {
  call?: ResolvedSagaCall;
  compensate?: ResolvedSagaCall;
}

/** A contract that was referenced by a saga, not in the model, and failed to load. */
export interface FailedReference {
  kind: Contract['kind'];
  path: string;
  findings: Finding[];
}

/**
 * The contracts sagas refer to but the run did not configure, kept apart from
 * `contracts` so other rules (event-has-consumer…) see exactly the configured set.
 */
export interface SagaReferences {
  loaded: Contract[];
  failed: FailedReference[];
}
