import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { eventVersionDeclared } from './event-version-declared.js';
import { lineContaining, loadModel } from './support/load-model.js';
import { runModelRule } from '../run-model-rule.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/asyncapi');
const file = resolve(dir, 'versions.yaml');
const lineOf = (f: Finding) => positionOf(f.file, f.pointer, f.onKey).line;

describe('event-version-declared', () => {
  let model: ContractModel;
  beforeAll(async () => {
    model = await loadModel(dir, ['versions.yaml']);
  });

  it('reports undeclared, unreadable and contradicting versions', () => {
    const findings = runModelRule(eventVersionDeclared, model);
    expect(findings.map((f) => [f.ruleId, f.severity, f.pointer, f.onKey ?? false])).toEqual([
      ['event-version-declared', 'error', '/components/messages/undeclared', true],
      ['event-version-declared', 'error', '/components/messages/notANumber/x-event-version', false],
      ['event-version-declared', 'error', '/components/messages/disagreeing/payload/properties/eventVersion/const', false],
    ]);
    const [undeclared, nan, disagree] = findings;
    expect(undeclared!.message).toBe('Message `undeclared` declares no version.');
    expect(lineOf(undeclared!)).toBe(lineContaining(file, '    undeclared:', lineContaining(file, 'components:')));
    expect(nan!.message).toContain('"latest", not a version number');
    expect(lineOf(nan!)).toBe(lineContaining(file, 'x-event-version: latest'));
    expect(disagree!.message).toContain('version 2 in `x-event-version` but 1');
  });

  it('accepts x-event-version and a const eventVersion', () => {
    const pointers = runModelRule(eventVersionDeclared, model).map((f) => f.pointer ?? '');
    expect(pointers.some((p) => p.includes('/byExtension'))).toBe(false);
    expect(pointers.some((p) => p.includes('/byConst'))).toBe(false);
  });

  it('reports a message shared by several documents once, where it is written', async () => {
    const flow = await loadModel(dir, ['flow-orders.yaml', 'flow-stock.yaml']);
    const findings = runModelRule(eventVersionDeclared, flow);
    expect(findings.map((f) => [f.file, f.pointer])).toEqual([[resolve(dir, 'shared/messages.yaml'), '/messages/orderPlaced']]);
  });
});
