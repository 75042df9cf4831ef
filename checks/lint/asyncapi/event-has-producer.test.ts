import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { eventHasProducer } from './event-has-producer.js';
import { lineContaining, loadModel } from './support/load-model.js';
import { runModelRule } from '../run-model-rule.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/asyncapi');
const orders = resolve(dir, 'flow-orders.yaml');
const stock = resolve(dir, 'flow-stock.yaml');
const lineOf = (f: Finding) => positionOf(f.file, f.pointer, f.onKey).line;

describe('event-has-producer', () => {
  let model: ContractModel;
  beforeAll(async () => {
    model = await loadModel(dir, ['flow-orders.yaml', 'flow-stock.yaml']);
  });

  it('reports events received but sent by no service, at each receiving operation', () => {
    const findings = runModelRule(eventHasProducer, model);
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.pointer])).toEqual([
      ['event-has-producer', 'warning', orders, '/operations/onPaymentRefunded'],
      ['event-has-producer', 'warning', stock, '/operations/onPaymentCompleted'],
    ]);
    expect(findings[0]!.message).toContain('Event `payment.refunded` is received by operation `onPaymentRefunded`');
    expect(lineOf(findings[1]!)).toBe(lineContaining(stock, '  onPaymentCompleted:'));
  });

  it('counts a reply as sent by the side that receives the request', async () => {
    const alone = await loadModel(dir, ['flow-stock.yaml']);
    const messages = runModelRule(eventHasProducer, alone).map((f) => f.message);
    expect(messages.some((m) => m.includes('`stock.reserved`'))).toBe(false);
    expect(messages.some((m) => m.includes('`reserve.stock`'))).toBe(true);
    expect(runModelRule(eventHasProducer, model, { options: { allow: ['payment.refunded', 'payment.completed'] } })).toEqual([]);
  });
});
