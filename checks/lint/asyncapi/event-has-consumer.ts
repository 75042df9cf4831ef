/**
 * `event-has-consumer`: an event that some service sends is received by at
 * least one service, across every AsyncAPI document of the run. The seed warns
 * that with choreography "it is difficult to understand the full workflow":
 * an event nobody consumes is either dead weight or a consumer whose contract
 * is missing, and either way the picture of the workflow is wrong.
 */
import type { ModelRule } from '../rule.js';
import { eventFlow, serviceLabel, unmatched } from './support/flow.js';

/** The rule definition. */
export const eventHasConsumer: ModelRule = {
  id: 'event-has-consumer',
  kind: 'asyncapi',
  engine: 'model',
  description: 'An event that is sent is received by some service, across all AsyncAPI documents of the run.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      allow: { type: 'array', items: { type: 'string' }, description: 'Event types (or message ids) consumed outside the linted documents (analytics, another organization).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { allow: [] },
  check(model, ctx) {
    const flow = eventFlow(model);
    for (const use of unmatched(flow, 'send', new Set(ctx.options.allow as string[]))) {
      const what = use.reply ? `as the reply of operation \`${use.operation.id}\`` : `by operation \`${use.operation.id}\``;
      ctx.report({
        file: use.operation.location.file,
        pointer: use.operation.location.pointer,
        onKey: true,
        message: `Event \`${use.key}\` is sent ${what} in ${serviceLabel(use.contract)} but received by no service.`,
        hint: 'Add a `receive` operation for it to the consuming service\'s AsyncAPI document and lint that document too (list it under `contracts` in contractkit.yaml); if it is consumed outside this repository, add it to the rule\'s `allow` option.',
      });
    }
  },
};
