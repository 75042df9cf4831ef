/**
 * The `events` generator: typed, validating producers and consumers of
 * versioned domain events from an AsyncAPI 2.x/3.0 contract, on
 * `@contractkit/runtime/events`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../contracts/errors.js';
import { contractsOfKind } from '../../contracts/model/types.js';
import { defineGenerator, type GeneratedFile } from '../core/registry.js';
import type { EventsGeneratorOptions } from './bindings.js';
import { emitBindings, emitChannels, emitConsumers, emitIndex, emitProducers, emitSpecs, emitTypes, emitUpcasters } from './emit.js';
import { planEvents } from './plan.js';
import { compileValidators } from './validators.js';

/** The events generator (registered as `events`). */
export const eventsGenerator = defineGenerator({
  name: 'events',
  async generate(model, ctx) {
    const contracts = contractsOfKind(model, 'asyncapi');
    if (contracts.length !== 1) {
      throw new UsageError(`generate events: give exactly one AsyncAPI contract per output directory (got ${contracts.length}).`);
    }
    const { plan, findings } = planEvents(contracts[0]!, (ctx.options ?? {}) as EventsGeneratorOptions);
    if (!plan) throw new UsageError(`generate events: ${findings.length} element(s) of ${contracts[0]!.name} cannot be typed; nothing was written.`, findings);
    const upcastersPath = join(ctx.out, 'upcasters.ts');
    const upcasters = emitUpcasters(plan, existsSync(upcastersPath) ? readFileSync(upcastersPath, 'utf8') : undefined);
    const needsUpcasters = upcasters !== undefined || existsSync(upcastersPath);
    const files: GeneratedFile[] = [
      emitTypes(plan),
      emitChannels(plan),
      emitSpecs(plan),
      emitBindings(plan),
      { path: 'validators.ts', content: compileValidators(plan.messages) },
      emitProducers(plan),
      emitConsumers(plan),
      emitIndex(needsUpcasters && plan.operations.some((o) => o.action === 'receive' && o.groups.some((g) => g.versions.length > 1))),
    ];
    if (upcasters) files.push(upcasters);
    return files;
  },
});
