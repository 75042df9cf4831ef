import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { lineContaining, loadModel } from '../asyncapi/support/load-model.js';
import { runModelRule } from '../run-model-rule.js';
import { sagaIdempotentStep } from './saga-idempotent-step.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/saga');
const file = resolve(dir, 'sagas/idempotency.saga.yaml');
const lineOf = (f: Finding) => positionOf(f.file, f.pointer, f.onKey).line;

describe('saga-idempotent-step', () => {
  let model: ContractModel;
  let findings: Finding[];
  beforeAll(async () => {
    model = await loadModel(dir, ['sagas/idempotency.saga.yaml', 'sagas/good.saga.yaml', 'contracts/orders.yaml', 'contracts/proto', 'contracts/events.yaml']);
    findings = runModelRule(sagaIdempotentStep, model);
  });

  it('warns about retried and compensating calls that a repeat could apply twice', () => {
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.pointer])).toEqual([
      ['saga-idempotent-step', 'warning', file, '/steps/0/call/operationId'],
      ['saga-idempotent-step', 'warning', file, '/steps/0/compensate/operationId'],
      ['saga-idempotent-step', 'warning', file, '/steps/1/call/method'],
      ['saga-idempotent-step', 'warning', file, '/steps/4/call/operationId'],
    ]);
    expect(findings[0]!.message).toBe(
      'Step `create-order` is retried, but operation `createOrder` (POST /v1/orders) is not idempotent and accepts no `Idempotency-Key` header: a repeat could apply it twice.',
    );
    expect(lineOf(findings[0]!)).toBe(lineContaining(file, 'operationId: createOrder'));
    expect(findings[1]!.message).toContain('compensates (compensations are retried until they succeed)');
    expect(findings[2]!.message).toContain('gRPC method `payments.v1.PaymentService/Charge` declares no idempotency level');
    expect(lineOf(findings[2]!)).toBe(lineContaining(file, 'PaymentService/Charge'));
    // create-shipment comes after the pivot: retried until it succeeds, even without `retry`.
    expect(findings[3]!.message).toContain('Step `ship` is retried');
  });

  it('accepts idempotent methods, an Idempotency-Key header (any case), idempotent RPCs and calls that are not repeated', () => {
    // charge-once calls Charge without retry; cancelOrder declares `idempotency-key`; Refund is IDEMPOTENT; deleteOrder is a DELETE.
    expect(findings.some((f) => f.pointer?.startsWith('/steps/2/'))).toBe(false);
    expect(findings.some((f) => f.pointer?.startsWith('/steps/3/'))).toBe(false);
    expect(findings.filter((f) => f.file === resolve(dir, 'sagas/good.saga.yaml'))).toEqual([]);
  });

  it('uses the configured header name', () => {
    const custom = runModelRule(sagaIdempotentStep, model, { options: { header: 'X-Request-Id' } });
    // cancelOrder's `idempotency-key` no longer counts.
    expect(custom.map((f) => f.pointer)).toContain('/steps/2/compensate/operationId');
  });
});
