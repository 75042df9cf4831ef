import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { eventNameFormat } from './event-name-format.js';
import { lineContaining, loadModel } from './support/load-model.js';
import { runModelRule } from '../run-model-rule.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/asyncapi');
const file = resolve(dir, 'names.yaml');
const lineOf = (f: Finding) => positionOf(f.file, f.pointer, f.onKey).line;

describe('event-name-format', () => {
  let model: ContractModel;
  beforeAll(async () => {
    model = await loadModel(dir, ['names.yaml']);
  });

  it('reports each badly formatted event type once, where the type is written', () => {
    const findings = runModelRule(eventNameFormat, model);
    expect(findings.map((f) => [f.ruleId, f.severity, f.pointer])).toEqual([
      ['event-name-format', 'error', '/components/messages/orderShippedPascal/x-event-type'],
      ['event-name-format', 'error', '/components/messages/fromName/name'],
      ['event-name-format', 'error', '/components/messages/versioned/x-event-type'],
    ]);
    expect(findings.every((f) => f.file === file)).toBe(true);
    expect(findings[0]!.message).toContain('`OrderShipped`');
    expect(findings[0]!.hint).toContain('`order.shipped`');
    expect(lineOf(findings[0]!)).toBe(lineContaining(file, 'x-event-type: OrderShipped'));
    expect(findings[1]!.message).toContain('taken from the message name');
    expect(lineOf(findings[1]!)).toBe(lineContaining(file, 'name: orderCreated'));
    expect(findings[2]!.message).toContain('carries a version');
    expect(lineOf(findings[2]!)).toBe(lineContaining(file, 'x-event-type: order.placed.v2'));
  });

  it('accepts lowercase dot-separated types, including kebab-case words', () => {
    const findings = runModelRule(eventNameFormat, model);
    const flagged = findings.map((f) => f.pointer);
    for (const ok of ['orderPlaced', 'processOrder', 'inventoryLow', 'statusChanged', 'paymentPaid']) {
      expect(flagged.some((p) => p?.includes(`/${ok}/`))).toBe(false);
    }
  });

  it('honors the allow and pattern options', () => {
    expect(runModelRule(eventNameFormat, model, { options: { allow: ['OrderShipped', 'orderCreated', 'order.placed.v2'] } })).toEqual([]);
    const onlyTwo = runModelRule(eventNameFormat, model, { options: { pattern: '^[a-z]+\\.[a-z]+$' } });
    expect(onlyTwo.map((f) => f.pointer)).toContain('/components/messages/statusChanged/x-event-type');
  });
});
