/**
 * The sagas of the system map: each step's call and compensation resolved
 * to the operations and events it reaches, the service that runs the saga,
 * and the findings about calls nothing offers.
 */
import { resolve } from 'node:path';
import type { Finding } from '../finding.js';
import type { AsyncApiContract, Contract, ContractModel, SagaCall, SagaContract } from '../model/types.js';
import { eventKey } from './events.js';
import type { MapEvent, MapOperation, MapSaga, MapSagaCall } from './types.js';

function contractAt(model: ContractModel, path: string | undefined, kind: Contract['kind']): Contract | undefined {
  if (!path) return undefined;
  const abs = resolve(path);
  return model.contracts.find((c) => c.kind === kind && (resolve(c.file) === abs || ('root' in c && resolve(c.root) === abs)));
}

/**
 * The saga on the map. `serviceOf` gives the service of a contract name;
 * calls mark the operations (`calledBy`) and events (`usedBy`) they reach.
 */
export function mapSaga(saga: SagaContract, model: ContractModel, serviceOf: (contract: string) => string | undefined, ops: Map<string, MapOperation>, events: Map<string, MapEvent>): MapSaga {
  const id = `saga:${saga.saga}`;
  let owner: string | undefined;
  const resolveCall = (call: SagaCall): MapSagaCall => {
    if ('local' in call) return { label: `local ${call.local}`, targets: [], services: [] };
    if ('openapi' in call) {
      const c = contractAt(model, saga.contracts[call.openapi], 'openapi');
      const op = c ? ops.get(`rest:${c.name}:${call.operationId}`) : undefined;
      if (op) op.calledBy.push(saga.saga);
      return { label: `REST ${call.openapi}.${call.operationId}`, targets: op ? [op.id] : [], services: op ? [op.service] : [] };
    }
    if ('grpc' in call) {
      const op = ops.get(`rpc:${call.method.replace(/^\//, '')}`);
      if (op) op.calledBy.push(saga.saga);
      return { label: `gRPC ${call.method}`, targets: op ? [op.id] : [], services: op ? [op.service] : [] };
    }
    const c = contractAt(model, saga.contracts[call.asyncapi], 'asyncapi') as AsyncApiContract | undefined;
    const label = `event ${call.send}${call.reply ? ` → ${call.reply}` : ''}`;
    if (!c) return { label, targets: [], services: [] };
    owner ??= serviceOf(c.name);
    const targets: string[] = [];
    const reached = new Set<string>();
    for (const opId of [call.send, call.reply, call.failure]) {
      if (!opId) continue;
      // `send` names an operation; `reply` and `failure` name a message (or the operation receiving it)
      const op = c.operations.find((o) => o.id === opId);
      const mids = op ? op.messages : c.messages.some((m) => m.id === opId) ? [opId] : [];
      for (const mid of mids) {
        const ev = events.get(eventKey(c.messages.find((m) => m.id === mid), mid));
        if (!ev) continue;
        ev.usedBy.push(saga.saga);
        if (!targets.includes(ev.id)) targets.push(ev.id);
        // the command reaches its consumers; a reply comes from its producers
        for (const u of opId === call.send ? ev.consumers : ev.producers) if (u.contract !== c.name) reached.add(u.service);
      }
    }
    return { label, targets, services: [...reached].sort() };
  };
  const steps = saga.steps.map((step) => ({
    name: step.name,
    pivot: step.pivot,
    call: resolveCall(step.call),
    ...(step.compensate ? { compensate: resolveCall(step.compensate) } : {}),
  }));
  // without an event contract, the saga runs in the service of its first REST call
  owner ??= steps.find((s) => s.call.label.startsWith('REST '))?.call.services[0];
  return {
    id,
    saga: saga.saga,
    version: saga.version,
    contract: saga.name,
    ...(saga.description ? { description: saga.description } : {}),
    ...(owner ? { service: owner } : {}),
    steps,
    location: { file: saga.file, pointer: '' },
  };
}

/** Warnings for saga calls no contract of the map offers. */
export function sagaFindings(sagas: MapSaga[], model: ContractModel): Finding[] {
  const out: Finding[] = [];
  for (const saga of sagas) {
    const contract = model.contracts.find((c) => c.kind === 'saga' && c.name === saga.contract) as SagaContract;
    saga.steps.forEach((step, i) => {
      for (const [call, what] of [[step.call, 'call'], [step.compensate, 'compensate']] as const) {
        if (!call || call.label.startsWith('local ') || call.targets.length > 0) continue;
        out.push({
          ruleId: 'map-saga-call-unresolved',
          severity: 'warning',
          kind: 'saga',
          file: contract.file,
          pointer: `/steps/${i}/${what}`,
          message: `Saga \`${saga.saga}\` step \`${step.name}\` ${what}s ${call.label}, which no contract of the map offers.`,
          hint: 'List the contract the step calls under `contracts` in contractkit.yaml (and in the saga\'s `contracts:`), or fix the operation name.',
        });
      }
    });
  }
  return out;
}
