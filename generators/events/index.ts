/**
 * The `events` generator: typed, validating producers and consumers of
 * versioned domain events from an AsyncAPI 2.x/3.0 contract, on
 * `@contractkit/runtime/events`.
 */
import { UsageError } from '../../contracts/errors.js';
import { contractsOfKind } from '../../contracts/model/types.js';
import { defineGenerator, type GeneratedFile } from '../core/registry.js';
import type { OptionsSchema } from '../core/options-schema.js';
import type { EventsGeneratorOptions } from './bindings.js';
import { emitBindings, emitChannels, emitConsumers, emitIndex, emitProducers, emitSpecs, emitTypes, emitUpcasters } from './emit.js';
import { emitReplies, emitRequesters } from './emit-request-reply.js';
import { planEvents } from './plan.js';
import { compileValidators } from './validators.js';

const DURATION = { type: ['number', 'string'] };

/** JSON Schema of the options (the values' ranges are checked with the contract's `x-` extensions, at their source). */
export const EVENTS_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    deadLetter: { type: 'string', description: 'The dead-letter destination of every consumer without `x-dead-letter`.' },
    maxAttempts: { type: 'number', description: 'Deliveries before dead-lettering.' },
    retryDelays: { type: 'array', items: DURATION, description: 'The delay before each retry, the last repeating.' },
    replyTimeout: { ...DURATION, description: 'Default timeout of generated requests (`x-reply-timeout` on an operation wins).' },
    jetstream: {
      type: 'object',
      additionalProperties: false,
      properties: { maxDeliver: { type: 'number' }, ackWait: DURATION, duplicateWindow: DURATION },
    },
  },
} as const satisfies OptionsSchema;

/** The events generator (registered as `events`). */
export const eventsGenerator = defineGenerator({
  name: 'events',
  optionsSchema: EVENTS_OPTIONS_SCHEMA,
  async generate(model, ctx) {
    const contracts = contractsOfKind(model, 'asyncapi');
    if (contracts.length !== 1) {
      throw new UsageError(`generate events: give exactly one AsyncAPI contract per output directory (got ${contracts.length}).`);
    }
    const { plan, findings } = planEvents(contracts[0]!, (ctx.options ?? {}) as EventsGeneratorOptions);
    if (!plan) throw new UsageError(`generate events: ${findings.length} element(s) of ${contracts[0]!.name} cannot be typed; nothing was written.`, findings);
    const existing = ctx.readExisting('upcasters.ts');
    const upcasters = emitUpcasters(plan, existing);
    const needsUpcasters = upcasters !== undefined || existing !== undefined;
    const files: GeneratedFile[] = [
      emitTypes(plan),
      emitChannels(plan),
      emitSpecs(plan),
      emitBindings(plan),
      { path: 'validators.ts', content: compileValidators(plan.messages) },
      emitProducers(plan),
      emitConsumers(plan),
    ];
    // request/reply modules only when the contract has operations with a reply (other outputs stay as they were)
    const rpc = [emitRequesters(plan), emitReplies(plan)].filter((x): x is GeneratedFile => x !== undefined);
    files.push(...rpc, emitIndex(needsUpcasters && plan.operations.some((o) => o.action === 'receive' && o.groups.some((g) => g.versions.length > 1)), rpc.map((x) => x.path.replace(/\.ts$/, ''))));
    // the user's once written: never deleted as an orphan
    if (upcasters) files.push({ ...upcasters, userOwned: true });
    return files;
  },
});
