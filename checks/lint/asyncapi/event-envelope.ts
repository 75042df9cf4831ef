/**
 * `event-envelope`: every message carries the seed's envelope: `eventId`,
 * `eventType`, `eventVersion`, `timestamp`, `aggregateId`, `correlationId` and
 * the event data under `payload`, with `eventId` a uuid and `timestamp` a
 * date-time. The envelope is what lets consumers de-duplicate (eventId), route
 * and upcast (eventType, eventVersion), order (timestamp, aggregateId) and
 * trace a workflow across services (correlationId).
 *
 * By default the envelope is the payload schema; with `location: headers`
 * (config `lint.eventEnvelope: headers`) its fields are message headers and the
 * payload is the event data itself.
 */
import type { EventMessage, JsonSchema } from '../../../contracts/model/types.js';
import type { ModelRule, ModelRuleContext } from '../rule.js';
import { below, messageLabel, uniqueMessages } from './support/messages.js';
import { formatOf, objectShape } from './support/schema.js';

/** The envelope fields, in the seed's order. */
export const ENVELOPE_FIELDS = ['eventId', 'eventType', 'eventVersion', 'timestamp', 'aggregateId', 'correlationId', 'payload'] as const;

/** Fields whose `format` the envelope fixes. */
const FORMATS: Record<string, string> = { eventId: 'uuid', timestamp: 'date-time' };

const list = (names: readonly string[]): string => names.map((n) => `\`${n}\``).join(', ');

/** The rule definition. */
export const eventEnvelope: ModelRule = {
  id: 'event-envelope',
  kind: 'asyncapi',
  engine: 'model',
  description: 'Messages carry the envelope eventId (uuid), eventType, eventVersion, timestamp (date-time), aggregateId, correlationId and payload.',
  defaultSeverity: 'error',
  presets: ['minimal', 'recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      location: { enum: ['payload', 'headers'], description: 'Where the envelope lives: the payload schema (default) or the message headers. Fed by `lint.eventEnvelope` in contractkit.yaml.' },
      requireRequired: { type: 'boolean', description: 'Also ask that the envelope fields are listed in `required` (default true): an optional envelope field cannot be relied on.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { location: 'payload', requireRequired: true },
  check(model, ctx) {
    const inHeaders = ctx.options.location === 'headers';
    for (const { message } of uniqueMessages(model)) {
      if (inHeaders) checkHeaders(message, ctx);
      else checkPayload(message, ctx);
    }
  },
};

function checkPayload(message: EventMessage, ctx: ModelRuleContext): void {
  if (message.payload === undefined) {
    ctx.report({
      file: message.location.file,
      pointer: message.location.pointer,
      onKey: true,
      message: `Message \`${messageLabel(message)}\` has no payload schema, so it carries no event envelope.`,
      hint: `Give it a payload schema with the envelope properties ${list(ENVELOPE_FIELDS)}.`,
    });
    return;
  }
  checkSchema(message, message.payload, 'payload', ENVELOPE_FIELDS, ctx);
}

function checkHeaders(message: EventMessage, ctx: ModelRuleContext): void {
  const fields = ENVELOPE_FIELDS.filter((f) => f !== 'payload');
  if (message.headers === undefined) {
    ctx.report({
      file: message.location.file,
      pointer: message.location.pointer,
      onKey: true,
      message: `Message \`${messageLabel(message)}\` has no headers schema, so it carries no event envelope (the envelope is configured to live in headers).`,
      hint: `Add a \`headers\` schema with the properties ${list(fields)}.`,
    });
  } else {
    checkSchema(message, message.headers, 'headers', fields, ctx);
  }
  if (message.payload === undefined) {
    ctx.report({
      file: message.location.file,
      pointer: message.location.pointer,
      onKey: true,
      message: `Message \`${messageLabel(message)}\` has no payload schema: the envelope's \`payload\` (the event data) is undefined.`,
      hint: 'Describe the event data as the message payload.',
    });
  }
}

function checkSchema(message: EventMessage, schema: JsonSchema, where: 'payload' | 'headers', fields: readonly string[], ctx: ModelRuleContext): void {
  const shape = objectShape(schema);
  const file = message.location.file;
  const at = (relative: string): string | undefined => (message.location.pointer === undefined ? undefined : below(message, where) + relative);

  const missing = fields.filter((f) => !shape.properties.has(f));
  if (missing.length > 0) {
    ctx.report({
      file,
      pointer: below(message, where),
      onKey: true,
      message: `The ${where} of message \`${messageLabel(message)}\` lacks the envelope ${missing.length === 1 ? 'field' : 'fields'} ${list(missing)}.`,
      hint: `Declare ${list(missing)} as properties of the ${where} schema${where === 'payload' ? ' and move the event data under `payload`' : ''}, for instance through \`allOf\` with a shared envelope schema.`,
    });
  }

  if (ctx.options.requireRequired !== false) {
    const optional = fields.filter((f) => shape.properties.has(f) && !shape.required.has(f));
    if (optional.length > 0) {
      ctx.report({
        file,
        pointer: below(message, where),
        onKey: true,
        message: `The envelope ${optional.length === 1 ? 'field' : 'fields'} ${list(optional)} of message \`${messageLabel(message)}\` ${optional.length === 1 ? 'is' : 'are'} not required.`,
        hint: `List ${list(optional)} under \`required\` in the ${where} schema: consumers rely on every envelope field being there.`,
      });
    }
  }

  for (const [field, format] of Object.entries(FORMATS)) {
    const prop = shape.properties.get(field);
    if (!prop) continue;
    const actual = formatOf(schema, prop.schema);
    if (actual === format) continue;
    ctx.report({
      file,
      ...(actual === undefined ? { pointer: at(prop.pointer), onKey: true } : { pointer: at(`${prop.pointer}/format`) }),
      message: `Envelope field \`${field}\` of message \`${messageLabel(message)}\` ${actual === undefined ? 'declares no format' : `has format \`${actual}\``}; it should be \`${format}\`.`,
      hint: `Declare \`${field}: { type: string, format: ${format} }\`.`,
    });
  }
}
