import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AsyncApiContract, ContractModel, EventMessage, SagaContract } from '../../../contracts/model/types.js';
import { sagaPresets, sagaRules } from '../saga/index.js';
import { asyncapiPresets, asyncapiRules, runModelRule } from './index.js';

const docs = resolve(import.meta.dirname, '../../../docs/rules');

describe('the AsyncAPI and saga rule catalogue', () => {
  it('has one docs page per rule, with why, examples, options, severity and presets', () => {
    for (const rule of [...asyncapiRules, ...sagaRules]) {
      const page = resolve(docs, `${rule.id}.md`);
      expect(existsSync(page), page).toBe(true);
      const text = readFileSync(page, 'utf8');
      for (const heading of ['## Why', '## Failing example', '## Passing example', '## Options']) expect(text, `${rule.id}: ${heading}`).toContain(heading);
      expect(text).toContain(`**Default severity:** ${rule.defaultSeverity}`);
      for (const preset of rule.presets) expect(text).toContain(`\`${preset}\``);
    }
  });

  it('builds the preset tables: minimal ⊂ recommended ⊂ strict, strict at error', () => {
    expect(Object.keys(asyncapiPresets.minimal)).toEqual(['event-envelope', 'event-version-declared']);
    expect(Object.keys(sagaPresets.minimal)).toEqual(['saga-step-compensation', 'saga-operation-exists']);
    expect(Object.keys(asyncapiPresets.recommended)).toHaveLength(asyncapiRules.length);
    expect(Object.keys(sagaPresets.recommended)).toHaveLength(sagaRules.length);
    expect(asyncapiPresets.recommended['event-name-past-tense']).toBe('warning');
    expect(sagaPresets.recommended['saga-idempotent-step']).toBe('warning');
    expect(new Set([...Object.values(asyncapiPresets.strict), ...Object.values(sagaPresets.strict)])).toEqual(new Set(['error']));
  });
});

/** Odd but type-correct model data: what a rule must survive without throwing. */
function oddModel(): ContractModel {
  const at = (pointer: string) => ({ file: '/nowhere/odd.yaml', pointer });
  const cyclic: Record<string, unknown> = { type: 'object', allOf: [{ $ref: '#' }, { $ref: '#/missing' }, { $ref: 'other.yaml#/x' }], properties: { eventId: { $ref: '#/properties/eventId' } } };
  const messages: EventMessage[] = [
    { id: 'boolPayload', payload: true, extensions: { 'x-event-version': { nested: true } }, location: at('/m/0') },
    { id: 'nullish', payload: { properties: null, required: 'eventId' } as never, headers: false, extensions: {}, location: { file: '/nowhere/odd.yaml' } },
    { id: 'cyclic', eventType: '', payload: cyclic, extensions: { 'x-event-type': 42, 'x-event-kind': 'command' }, location: at('/m/2') },
    { id: 'weird', eventType: '..', version: 1, payload: { properties: { eventType: { enum: [] }, eventVersion: { const: 'x' } } }, extensions: {}, location: at('/m/3') },
  ];
  const asyncapi: AsyncApiContract = {
    name: 'odd', kind: 'asyncapi', file: '/nowhere/odd.yaml', files: [], specVersion: '3.0.0', title: '', apiVersion: '', channels: [],
    operations: [
      { id: '', action: 'send', channel: '', messages: ['unknown-id', 'boolPayload'], reply: { messages: ['nullish'] }, location: at('/o/0') },
      { id: 'r', action: 'receive', channel: '', messages: [], location: { file: '/nowhere/odd.yaml' } },
    ],
    messages, document: {},
  };
  const saga: SagaContract = {
    name: 's', kind: 'saga', file: '/nowhere/s.saga.yaml', files: [], saga: 's', version: 1, contracts: { a: '/nowhere/a.yaml', p: '/nowhere' }, document: {},
    steps: [
      { name: 'one', call: { openapi: 'a', operationId: 'x' }, pivot: false, location: { file: '/nowhere/s.saga.yaml' } },
      { name: 'two', call: { grpc: 'p', method: 'not a method' }, compensate: { asyncapi: 'missing', send: 'y' }, pivot: false, retry: { attempts: 'unlimited', delayMs: 1 }, location: { file: '/nowhere/s.saga.yaml', pointer: '/steps/1' } },
      { name: 'three', call: { local: 'z' }, pivot: true, location: { file: '/nowhere/s.saga.yaml', pointer: '/steps/2' } },
    ],
  };
  return { contracts: [asyncapi, saga] };
}

describe('rules on odd model data', () => {
  it('report without throwing', () => {
    const model = oddModel();
    for (const rule of [...asyncapiRules, ...sagaRules]) {
      expect(() => runModelRule(rule, model), rule.id).not.toThrow();
      expect(() => runModelRule(rule, model, { options: { location: 'headers' } }), rule.id).not.toThrow();
    }
    expect(runModelRule(asyncapiRules.find((r) => r.id === 'event-version-declared')!, model).length).toBeGreaterThan(0);
  });
});
