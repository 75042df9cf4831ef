/**
 * `event-version-declared`: every message declares its (major) version, as
 * `x-event-version: N` on the message or a `const` `eventVersion` in its
 * payload. AsyncAPI has no version field for messages; without one, consumers
 * cannot tell two shapes of the same event apart, upcasters have nothing to
 * key on, and the breaking-change check cannot ask for a new version.
 */
import type { EventMessage } from '../../../contracts/model/types.js';
import type { ModelRule } from '../rule.js';
import { below, messageLabel, uniqueMessages } from './support/messages.js';
import { eventVersionOf } from '../../../contracts/asyncapi/normalize.js';

/** The rule definition. */
export const eventVersionDeclared: ModelRule = {
  id: 'event-version-declared',
  kind: 'asyncapi',
  engine: 'model',
  description: 'Every message declares its version: `x-event-version`, or a `const` eventVersion in the payload.',
  defaultSeverity: 'error',
  presets: ['minimal', 'recommended', 'strict'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  check(model, ctx) {
    for (const { message } of uniqueMessages(model)) {
      const file = message.location.file;
      const ext = message.extensions['x-event-version'];
      const fromExt = ext === undefined ? undefined : eventVersionOf({ 'x-event-version': ext }, undefined);
      if (ext !== undefined && fromExt === undefined) {
        ctx.report({
          file,
          pointer: below(message, 'x-event-version'),
          message: `\`x-event-version\` of message \`${messageLabel(message)}\` is ${JSON.stringify(ext)}, not a version number.`,
          hint: 'Write the major version as a whole number: `x-event-version: 2`.',
        });
        continue;
      }
      const fromPayload = eventVersionOf({}, message.payload);
      if (fromExt === undefined && fromPayload === undefined) {
        ctx.report({
          file,
          pointer: message.location.pointer,
          onKey: true,
          message: `Message \`${messageLabel(message)}\` declares no version.`,
          hint: 'Add `x-event-version: 1` to the message (and `eventVersion: { type: integer, const: 1 }` to the envelope); a breaking change later becomes a new message with version 2.',
        });
      } else if (fromExt !== undefined && fromPayload !== undefined && fromExt !== fromPayload) {
        ctx.report({
          file,
          pointer: payloadVersionPointer(message),
          message: `Message \`${messageLabel(message)}\` declares version ${fromExt} in \`x-event-version\` but ${fromPayload} in its payload's \`eventVersion\`.`,
          hint: 'Make the two agree: they describe the same major version of the event.',
        });
      }
    }
  },
};

function payloadVersionPointer(m: EventMessage): string | undefined {
  const prop = ((m.payload as Record<string, unknown>).properties as Record<string, Record<string, unknown>>).eventVersion!;
  return below(m, 'payload', 'properties', 'eventVersion', 'const' in prop ? 'const' : 'enum');
}
