import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContracts } from '../../../contracts/load/load-all.js';
import type { ContractSpec, LoadOptions } from '../../../contracts/load/types.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { asyncapiRules, eventNamePastTense, runModelRule } from '../asyncapi/index.js';
import { sagaRules, withSagaContracts } from './index.js';

const root = resolve(import.meta.dirname, '../../../examples/orders');
const options: LoadOptions = { cwd: root, rootDir: resolve(root, '../..'), allowRemoteRefs: false };

describe('examples/orders under the AsyncAPI and saga rules', () => {
  let model: ContractModel;
  beforeAll(async () => {
    const specs: ContractSpec[] = [
      { name: 'orders-api', kind: 'openapi', path: resolve(root, 'openapi/orders.yaml') },
      { name: 'orders-grpc', kind: 'proto', path: resolve(root, 'proto') },
      ...['order', 'inventory', 'payment', 'notification'].map((s): ContractSpec => ({ name: `${s}-events`, kind: 'asyncapi', path: resolve(root, `asyncapi/${s}-events.yaml`) })),
      // the browser side of the notification service's WebSocket channel
      { name: 'customer-app', kind: 'asyncapi', path: resolve(root, 'asyncapi/customer-app.yaml') },
      { name: 'place-order', kind: 'saga', path: resolve(root, 'sagas/place-order.saga.yaml') },
    ];
    const loaded = await loadContracts(specs, options);
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    model = loaded.model;
  });

  it('is clean under every rule (configured contracts)', () => {
    const findings = [...asyncapiRules, ...sagaRules].flatMap((rule) => runModelRule(rule, model));
    expect(findings).toEqual([]);
  });

  it('has its one command declared as such (x-event-kind: command), which the past-tense rule otherwise flags', () => {
    const findings = runModelRule(eventNamePastTense, model, { options: { allowDeclaredCommands: false } });
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('`reserve.inventory` (message `reserveInventory`) reads as a command')]);
  });

  it('is clean when the saga alone is linted and its contracts are loaded by withSagaContracts', async () => {
    const sagaOnly: ContractModel = { contracts: model.contracts.filter((c) => c.kind === 'saga') };
    const withRefs = await withSagaContracts(sagaOnly, options);
    expect(withRefs.sagaReferences.failed).toEqual([]);
    expect(withRefs.sagaReferences.loaded.map((c) => c.kind).sort()).toEqual(['asyncapi', 'openapi', 'proto']);
    // The referenced contracts stay out of `contracts`, so other rules see only what was configured.
    expect(withRefs.contracts).toHaveLength(1);
    expect(sagaRules.flatMap((rule) => runModelRule(rule, withRefs))).toEqual([]);
  });
});
