import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { eventNamePastTense } from './event-name-past-tense.js';
import { lineContaining, loadModel } from './support/load-model.js';
import { runModelRule } from '../run-model-rule.js';
import { isPastWord, judgeTense } from './support/tense.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/asyncapi');
const file = resolve(dir, 'names.yaml');
const lineOf = (f: Finding) => positionOf(f.file, f.pointer, f.onKey).line;

describe('the tense heuristic', () => {
  it('knows regular and irregular past forms, and -ed words that are not past', () => {
    for (const w of ['placed', 'cancelled', 'completed', 'paid', 'sent', 'shipped', 'freed', 'written']) expect(isPastWord(w)).toBe(true);
    for (const w of ['need', 'succeed', 'embed', 'order', 'low', 'red']) expect(isPastWord(w)).toBe(false);
  });

  it('tells events, commands and other names apart', () => {
    expect(judgeTense('order.placed')).toEqual({ kind: 'past' });
    expect(judgeTense('order.status-changed')).toEqual({ kind: 'past' });
    expect(judgeTense('process.order')).toEqual({ kind: 'command', verb: 'process' });
    expect(judgeTense('reserve.inventory')).toEqual({ kind: 'command', verb: 'reserve' });
    expect(judgeTense('order.placed.v2')).toEqual({ kind: 'past' });
    expect(judgeTense('inventory.low')).toEqual({ kind: 'not-past', word: 'low' });
  });
});

describe('event-name-past-tense', () => {
  let model: ContractModel;
  beforeAll(async () => {
    model = await loadModel(dir, ['names.yaml']);
  });

  it('warns about commands and names not in the past tense, at the event type', () => {
    const findings = runModelRule(eventNamePastTense, model);
    expect(findings.map((f) => [f.ruleId, f.severity, f.pointer])).toEqual([
      // `OrderShipped`, `orderCreated` and `order.placed.v2` are past but badly formatted: event-name-format's business.
      ['event-name-past-tense', 'warning', '/components/messages/processOrder/x-event-type'],
      ['event-name-past-tense', 'warning', '/components/messages/inventoryLow/x-event-type'],
    ]);
    expect(findings[0]!.message).toContain('reads as a command (imperative `process`)');
    expect(lineOf(findings[0]!)).toBe(lineContaining(file, 'x-event-type: process.order'));
    expect(findings[1]!.message).toContain('not in the past tense (`low`)');
    expect(lineOf(findings[1]!)).toBe(lineContaining(file, 'x-event-type: inventory.low'));
  });

  it('accepts past-tense events (regular and irregular) and declared commands', () => {
    const pointers = runModelRule(eventNamePastTense, model).map((f) => f.pointer ?? '');
    for (const ok of ['orderPlaced', 'fromName', 'paymentPaid', 'statusChanged', 'reserveStock', 'versioned']) {
      expect(pointers.some((p) => p.includes(`/${ok}/`))).toBe(false);
    }
  });

  it('reports declared commands when allowDeclaredCommands is off, and honors allow lists', () => {
    const strict = runModelRule(eventNamePastTense, model, { options: { allowDeclaredCommands: false } });
    expect(strict.map((f) => f.pointer)).toContain('/components/messages/reserveStock/x-event-type');
    const allowed = runModelRule(eventNamePastTense, model, { options: { allow: ['process.order'], pastTenseWords: ['low'] } });
    expect(allowed).toEqual([]);
  });
});
