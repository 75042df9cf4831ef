/**
 * `loadContracts` resolves saga references: the contracts a saga calls are
 * loaded (kept apart from the configured ones), and each step's calls carry
 * what they lead to; a call naming something missing stays unresolved (the
 * lint rule `saga-operation-exists` says why).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../../../contracts/load/load-all.js';
import type { SagaContract } from '../../../contracts/model/types.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const options = { cwd: ROOT, rootDir: ROOT, allowRemoteRefs: false };

async function loadSaga(path: string, extra: { resolveSagaReferences?: boolean } = {}) {
  const loaded = await loadContracts([{ name: 'saga', kind: 'saga', path: resolve(ROOT, path) }], { ...options, ...extra });
  expect(loaded.usable, JSON.stringify(loaded.findings)).toBe(true);
  return { model: loaded.model, saga: loaded.model.contracts[0] as SagaContract };
}

describe('saga references resolved by loadContracts', () => {
  it('loads the called contracts apart from the configured ones and resolves every call of the orders example', async () => {
    const { model, saga } = await loadSaga('examples/orders/sagas/place-order.saga.yaml');
    expect(model.contracts.map((c) => c.kind)).toEqual(['saga']);
    expect(model.sagaReferences?.loaded.map((c) => c.kind).sort()).toEqual(['asyncapi', 'openapi', 'proto']);
    expect(model.sagaReferences?.failed).toEqual([]);
    const described = saga.steps.map((s) => {
      const r = s.resolved?.call;
      if (r?.kind === 'openapi') return [s.name, `${r.operation.method.toUpperCase()} ${r.operation.path}`];
      if (r?.kind === 'proto') return [s.name, `${r.service.fullName}/${r.method.name}`];
      if (r?.kind === 'asyncapi') return [s.name, `${r.operation.id} → ${r.reply?.id} | ${r.failure?.id}`];
      return [s.name, undefined];
    });
    expect(described).toEqual([
      ['create-order', 'POST /api/v1/orders'],
      ['process-payment', 'payments.v1.PaymentService/Charge'],
      ['reserve-inventory', 'reserveInventory → inventoryReserved | inventoryReservationFailed'],
      ['create-shipment', 'POST /api/v1/orders/{orderId}/shipments'],
    ]);
    const payment = saga.steps[1]!.resolved!;
    expect(payment.compensate?.kind === 'proto' && payment.compensate.method.name).toBe('Refund');
    // the resolved contract is the loaded one, not a copy
    expect(model.sagaReferences?.loaded).toContain(payment.call!.contract);
  });

  it('leaves a call unresolved when its contract, operation or message is missing', async () => {
    const { model, saga } = await loadSaga('test/fixtures/lint/saga/sagas/references.saga.yaml');
    const resolved = Object.fromEntries(saga.steps.map((s) => [s.name, [s.resolved?.call?.kind, s.resolved?.compensate?.kind]]));
    expect(resolved).toEqual({
      'create-order': [undefined, 'openapi'], // createOrdr is a typo; cancelOrder exists
      charge: [undefined, undefined], // Chrage; RefundService does not exist
      watch: ['proto', undefined], // found (the rule reports that it streams); a local compensation
      bill: [undefined, undefined], // billing.yaml does not exist
      'wrong-kind': [undefined, undefined], // events is not an OpenAPI document
      'reserve-inventory': [undefined, undefined], // a receive operation and a misspelt reply
      'reserve-again': [undefined, undefined],
    });
    expect(model.sagaReferences?.failed.map((f) => f.path)).toContain(resolve(ROOT, 'test/fixtures/lint/saga/contracts/billing.yaml'));
  });

  it('can be left out, for tests of the unresolved state', async () => {
    const { model, saga } = await loadSaga('examples/orders/sagas/place-order.saga.yaml', { resolveSagaReferences: false });
    expect(model.sagaReferences).toBeUndefined();
    expect(saga.steps.every((s) => s.resolved === undefined)).toBe(true);
  });
});
