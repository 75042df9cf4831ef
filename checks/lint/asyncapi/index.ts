/**
 * contractkit's own AsyncAPI (event) rules: model rules over every AsyncAPI
 * contract of a run, so cross-document rules (consumers and producers) see
 * all services at once.
 */
import type { ModelRule } from '../rule.js';
import { eventEnvelope } from './event-envelope.js';
import { eventHasConsumer } from './event-has-consumer.js';
import { eventHasProducer } from './event-has-producer.js';
import { eventNameFormat } from './event-name-format.js';
import { eventNamePastTense } from './event-name-past-tense.js';
import { eventVersionDeclared } from './event-version-declared.js';
import { presetTable, type PresetTable } from './support/presets.js';

export { eventEnvelope, ENVELOPE_FIELDS } from './event-envelope.js';
export { eventHasConsumer } from './event-has-consumer.js';
export { eventHasProducer } from './event-has-producer.js';
export { eventNameFormat } from './event-name-format.js';
export { eventNamePastTense } from './event-name-past-tense.js';
export { eventVersionDeclared } from './event-version-declared.js';
export { presetTable, type PresetTable } from './support/presets.js';
export { runModelRule, type RunModelRuleOptions } from '../run-model-rule.js';

/** Every AsyncAPI rule, in catalogue order. */
export const asyncapiRules: readonly ModelRule[] = [
  eventNameFormat,
  eventNamePastTense,
  eventEnvelope,
  eventVersionDeclared,
  eventHasConsumer,
  eventHasProducer,
];

/**
 * Which AsyncAPI rules each preset runs, at what severity:
 * minimal = event-envelope, event-version-declared; recommended = all at their
 * default severity; strict = all at error.
 */
export const asyncapiPresets: PresetTable = presetTable(asyncapiRules);

/**
 * Rule options derived from contractkit.yaml settings that are not per-rule:
 * `lint.eventEnvelope` becomes `event-envelope`'s `location`. The runner
 * merges these under the user's own rule options.
 */
export function asyncapiOptionsFromConfig(lint: { eventEnvelope?: 'payload' | 'headers' }): Record<string, Record<string, unknown>> {
  return lint.eventEnvelope ? { 'event-envelope': { location: lint.eventEnvelope } } : {};
}
