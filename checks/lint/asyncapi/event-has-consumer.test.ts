import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { eventHasConsumer } from './event-has-consumer.js';
import { lineContaining, loadModel } from './support/load-model.js';
import { runModelRule } from '../run-model-rule.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/asyncapi');
const orders = resolve(dir, 'flow-orders.yaml');
const lineOf = (f: Finding) => positionOf(f.file, f.pointer, f.onKey).line;

describe('event-has-consumer', () => {
  let model: ContractModel;
  beforeAll(async () => {
    model = await loadModel(dir, ['flow-orders.yaml', 'flow-stock.yaml']);
  });

  it('reports an event sent by one service and received by none, at the sending operation', () => {
    const findings = runModelRule(eventHasConsumer, model);
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.pointer])).toEqual([
      ['event-has-consumer', 'warning', orders, '/operations/publishOrderShipped'],
    ]);
    expect(findings[0]!.message).toBe('Event `order.shipped` is sent by operation `publishOrderShipped` in flow-orders (Orders service) but received by no service.');
    expect(lineOf(findings[0]!)).toBe(lineContaining(orders, '  publishOrderShipped:'));
  });

  it('matches events across documents, and replies in the reverse direction', () => {
    const keys = runModelRule(eventHasConsumer, model).map((f) => f.message);
    // order.placed is received by the stock service; reserve.stock too; stock.reserved is the reply the orders service receives.
    for (const ok of ['order.placed', 'reserve.stock', 'stock.reserved']) expect(keys.some((m) => m.includes(`\`${ok}\``))).toBe(false);
  });

  it('flags every sent event when a document is linted alone, unless allowed', async () => {
    const alone = await loadModel(dir, ['flow-orders.yaml']);
    expect(runModelRule(eventHasConsumer, alone).map((f) => f.pointer)).toEqual([
      '/operations/publishOrderPlaced',
      '/operations/publishOrderShipped',
      '/operations/reserveStock',
    ]);
    expect(runModelRule(eventHasConsumer, alone, { options: { allow: ['order.placed', 'order.shipped', 'reserveStock'] } })).toEqual([]);
  });
});
