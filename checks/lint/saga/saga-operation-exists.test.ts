import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { lineContaining, loadModel } from '../asyncapi/support/load-model.js';
import { runModelRule } from '../run-model-rule.js';
import { sagaOperationExists } from './saga-operation-exists.js';
import { withSagaContracts } from '../../../contracts/saga/resolve.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/saga');
const file = resolve(dir, 'sagas/references.saga.yaml');
const lineOf = (f: Finding) => positionOf(f.file, f.pointer, f.onKey).line;
const loadOptions = { cwd: dir, rootDir: dir, allowRemoteRefs: false };

const EXPECTED_POINTERS = [
  '/steps/0/call/operationId',
  '/steps/1/call/method',
  '/steps/1/compensate/method',
  '/steps/2/call/method',
  '/contracts/billing',
  '/steps/4/call/openapi',
  '/steps/5/call/send',
  '/steps/5/call/reply',
  '/steps/6/call/send',
];

describe('saga-operation-exists with every contract configured', () => {
  let model: ContractModel;
  let findings: Finding[];
  beforeAll(async () => {
    // the references left unresolved, so the rule sees only the configured contracts (billing.yaml is not tried)
    model = await loadModel(dir, ['sagas/references.saga.yaml', 'sagas/good.saga.yaml', 'contracts/orders.yaml', 'contracts/proto', 'contracts/events.yaml'], { resolveSagaReferences: false });
    findings = runModelRule(sagaOperationExists, model);
  });

  it('reports each wrong reference once, at the reference', () => {
    expect(findings.map((f) => [f.ruleId, f.severity, f.file])).toEqual(EXPECTED_POINTERS.map(() => ['saga-operation-exists', 'error', file]));
    expect(findings.map((f) => f.pointer)).toEqual(EXPECTED_POINTERS);
  });

  it('says what is missing and suggests the near miss', () => {
    const by = (pointer: string) => findings.find((f) => f.pointer === pointer)!;
    expect(by('/steps/0/call/operationId').message).toContain('calls operation `createOrdr`, which `orders`');
    expect(by('/steps/0/call/operationId').message).toContain('Did you mean `createOrder`?');
    expect(lineOf(by('/steps/0/call/operationId'))).toBe(lineContaining(file, 'operationId: createOrdr'));
    expect(by('/steps/1/call/method').message).toContain('calls `Chrage`, which service `payments.v1.PaymentService` does not define. Did you mean `Charge`?');
    expect(by('/steps/1/compensate/method').message).toContain('calls service `payments.v1.RefundService`');
    expect(lineOf(by('/steps/1/compensate/method'))).toBe(lineContaining(file, 'RefundService/Refund'));
    expect(by('/steps/2/call/method').message).toContain('a server streaming method; saga steps call unary methods');
    expect(by('/contracts/billing').message).toContain('is not among the loaded contracts');
    expect(lineOf(by('/contracts/billing'))).toBe(lineContaining(file, 'billing: ../contracts/billing.yaml'));
    expect(by('/steps/4/call/openapi').message).toContain('calls `events` as openapi, but `events` is an asyncapi contract');
    expect(by('/steps/5/call/send').message).toContain('but that operation receives');
    expect(by('/steps/5/call/reply').message).toContain('reply message `inventoryReservd`');
    expect(by('/steps/5/call/reply').message).toContain('Did you mean `inventoryReserved`?');
    expect(by('/steps/6/call/send').message).toContain('operation `reserveStock`, which `events`');
  });

  it('accepts a saga whose references all exist (good.saga.yaml)', () => {
    expect(findings.filter((f) => f.file === resolve(dir, 'sagas/good.saga.yaml'))).toEqual([]);
  });
});

describe('saga-operation-exists with contracts loaded by withSagaContracts', () => {
  it('loads the contracts the saga names and reports the same references; an unloadable one with its load error', async () => {
    const sagaOnly = await loadModel(dir, ['sagas/references.saga.yaml'], { resolveSagaReferences: false });
    // Without the referenced contracts nothing can be checked: one finding per missing contract.
    expect(runModelRule(sagaOperationExists, sagaOnly).map((f) => f.pointer)).toEqual(['/contracts/orders', '/contracts/payments', '/contracts/billing', '/contracts/events']);

    const model = await withSagaContracts(sagaOnly, loadOptions);
    expect(model.sagaReferences.loaded.map((c) => [c.kind, c.file])).toEqual([
      ['proto', resolve(dir, 'contracts/proto')],
      ['asyncapi', resolve(dir, 'contracts/events.yaml')],
      ['openapi', resolve(dir, 'contracts/orders.yaml')],
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)));
    // billing.yaml does not exist; events.yaml cannot be loaded as OpenAPI (the wrong-kind step).
    expect(model.sagaReferences.failed.map((f) => [f.kind, f.path])).toEqual([
      ['openapi', resolve(dir, 'contracts/billing.yaml')],
      ['openapi', resolve(dir, 'contracts/events.yaml')],
    ]);
    const findings = runModelRule(sagaOperationExists, model);
    expect(findings.map((f) => f.pointer)).toEqual(EXPECTED_POINTERS);
    const billing = findings.find((f) => f.pointer === '/contracts/billing')!;
    expect(billing.message).toContain('could not be loaded');
  });
});
