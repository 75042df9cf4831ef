import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { eventEnvelope } from './event-envelope.js';
import { asyncapiOptionsFromConfig } from './index.js';
import { lineContaining, loadModel } from './support/load-model.js';
import { runModelRule } from '../run-model-rule.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/asyncapi');
const file = resolve(dir, 'envelope.yaml');
const lineOf = (f: Finding) => positionOf(f.file, f.pointer, f.onKey).line;
const msg = (name: string) => `/components/messages/${name}`;

describe('event-envelope (envelope in the payload, the default)', () => {
  let model: ContractModel;
  let findings: Finding[];
  beforeAll(async () => {
    model = await loadModel(dir, ['envelope.yaml']);
    findings = runModelRule(eventEnvelope, model);
  });

  it('reports one finding per problem, at the message, payload or field', () => {
    expect(findings.map((f) => [f.ruleId, f.severity, f.pointer, f.onKey ?? false])).toEqual([
      ['event-envelope', 'error', `${msg('bare')}/payload`, true],
      ['event-envelope', 'error', `${msg('bare')}/payload`, true],
      ['event-envelope', 'error', `${msg('optionalFields')}/payload`, true],
      ['event-envelope', 'error', `${msg('wrongFormats')}/payload/properties/eventId`, true],
      ['event-envelope', 'error', `${msg('wrongFormats')}/payload/properties/timestamp/format`, false],
      ['event-envelope', 'error', msg('noPayload'), true],
      // inHeaders has its envelope in headers, which this configuration does not expect.
      ['event-envelope', 'error', `${msg('inHeaders')}/payload`, true],
    ]);
    expect(findings.every((f) => f.file === file)).toBe(true);
  });

  it('names the missing and optional fields and the wrong formats', () => {
    const [bare, bareOptional, optional, eventId, timestamp, noPayload] = findings;
    expect(bare!.message).toContain('lacks the envelope fields `eventType`, `eventVersion`, `timestamp`, `aggregateId`, `correlationId`, `payload`');
    expect(lineOf(bare!)).toBe(lineContaining(file, 'payload:', lineContaining(file, 'x-event-type: order.cancelled')));
    expect(bareOptional!.message).toContain('`eventId` of message `bare` is not required');
    expect(optional!.message).toContain('`correlationId` of message `optionalFields` is not required');
    expect(eventId!.message).toContain('`eventId` of message `wrongFormats` declares no format; it should be `uuid`');
    expect(lineOf(eventId!)).toBe(lineContaining(file, 'eventId: { type: string }'));
    expect(timestamp!.message).toContain('has format `date`; it should be `date-time`');
    expect(lineOf(timestamp!)).toBe(lineContaining(file, 'timestamp: { type: string, format: date }'));
    expect(noPayload!.message).toContain('has no payload schema');
  });

  it('accepts a complete envelope, also when it comes through allOf and a $ref', () => {
    const pointers = findings.map((f) => f.pointer ?? '');
    expect(pointers.some((p) => p.startsWith(msg('complete')))).toBe(false);
    expect(pointers.some((p) => p.startsWith(msg('viaAllOf')))).toBe(false);
  });

  it('can skip the required check', () => {
    const relaxed = runModelRule(eventEnvelope, model, { options: { requireRequired: false } });
    expect(relaxed.some((f) => f.pointer?.startsWith(msg('optionalFields')))).toBe(false);
  });
});

describe('event-envelope with location: headers', () => {
  it('looks for the envelope in headers and the event data in the payload', async () => {
    const model = await loadModel(dir, ['envelope.yaml']);
    const options = asyncapiOptionsFromConfig({ eventEnvelope: 'headers' })['event-envelope'];
    expect(options).toEqual({ location: 'headers' });
    const findings = runModelRule(eventEnvelope, model, { options });
    const about = (name: string) => findings.filter((f) => f.pointer?.startsWith(msg(name)));
    expect(about('inHeaders')).toEqual([]);
    // Messages without headers have no envelope there; the one without a payload also lacks its data.
    expect(about('complete').map((f) => f.pointer)).toEqual([msg('complete')]);
    expect(about('complete')[0]!.message).toContain('has no headers schema');
    expect(about('noPayload').map((f) => f.message)).toEqual([
      expect.stringContaining('has no headers schema'),
      expect.stringContaining('has no payload schema'),
    ]);
  });
});
