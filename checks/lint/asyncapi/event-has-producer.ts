/**
 * `event-has-producer`: an event that some service receives is sent by at
 * least one service, across every AsyncAPI document of the run. A consumer
 * waiting for an event nobody publishes is a broken link in a choreography
 * (the seed's "difficult to understand the full workflow"): a renamed event,
 * a typo in the type, or a producer whose contract is missing.
 */
import type { ModelRule } from '../rule.js';
import { eventFlow, serviceLabel, unmatched } from './support/flow.js';

/** The rule definition. */
export const eventHasProducer: ModelRule = {
  id: 'event-has-producer',
  kind: 'asyncapi',
  engine: 'model',
  description: 'An event that is received is sent by some service, across all AsyncAPI documents of the run.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      allow: { type: 'array', items: { type: 'string' }, description: 'Event types (or message ids) produced outside the linted documents (a partner, a legacy system).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { allow: [] },
  check(model, ctx) {
    const flow = eventFlow(model);
    for (const use of unmatched(flow, 'receive', new Set(ctx.options.allow as string[]))) {
      const what = use.reply ? `as the reply of operation \`${use.operation.id}\`` : `by operation \`${use.operation.id}\``;
      ctx.report({
        file: use.operation.location.file,
        pointer: use.operation.location.pointer,
        onKey: true,
        message: `Event \`${use.key}\` is received ${what} in ${serviceLabel(use.contract)} but sent by no service.`,
        hint: 'Add a `send` operation for it to the producing service\'s AsyncAPI document and lint that document too (list it under `contracts` in contractkit.yaml); check the event type for typos; if it is produced outside this repository, add it to the rule\'s `allow` option.',
      });
    }
  },
};
