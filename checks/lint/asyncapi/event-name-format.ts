/**
 * `event-name-format`: event types are lowercase, dot-separated
 * `<aggregate>.<event>` (`order.placed`). Consumers subscribe and route by the
 * type (`order.*` on a topic exchange), so one predictable shape across every
 * service is what makes wildcards and dashboards work.
 */
import type { ModelRule } from '../rule.js';
import { eventTypePointer, eventTypeSource, messageLabel, uniqueMessages } from './support/messages.js';

/** Lowercase words (letters, digits, inner hyphens), at least two of them, joined by dots. */
const DEFAULT_PATTERN = '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+$';

/** A last segment that is a version (`order.placed.v2`). */
const VERSION_SEGMENT = /\.v\d+$/i;

/** The rule definition. */
export const eventNameFormat: ModelRule = {
  id: 'event-name-format',
  kind: 'asyncapi',
  engine: 'model',
  description: 'Event types are lowercase, dot-separated `<aggregate>.<event>` (`order.placed`).',
  defaultSeverity: 'error',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      pattern: { type: 'string', description: 'Regular expression event types must match (default: lowercase dot-separated, two segments or more).' },
      allow: { type: 'array', items: { type: 'string' }, description: 'Event types accepted as they are (legacy names).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { pattern: DEFAULT_PATTERN, allow: [] },
  check(model, ctx) {
    const pattern = new RegExp(ctx.options.pattern as string);
    const allow = new Set(ctx.options.allow as string[]);
    for (const { message } of uniqueMessages(model)) {
      const type = message.eventType;
      const at = { file: message.location.file, ...eventTypePointer(message) };
      if (type === undefined) {
        ctx.report({
          ...at,
          message: `Message \`${messageLabel(message)}\` declares no event type.`,
          hint: 'Give the payload an `eventType` property with a `const` (`order.placed`), or set `x-event-type` on the message.',
        });
        continue;
      }
      if (allow.has(type)) continue;
      if (!pattern.test(type)) {
        const fromName = eventTypeSource(message) === 'name' ? ' (taken from the message name, as the message declares no `eventType` const or `x-event-type`)' : '';
        ctx.report({
          ...at,
          message: `Event type \`${type}\`${fromName} is not lowercase dot-separated \`<aggregate>.<event>\`.`,
          hint: `Name it like \`${suggest(type)}\`: the aggregate, a dot, then what happened to it.`,
        });
      } else if (VERSION_SEGMENT.test(type)) {
        ctx.report({
          ...at,
          message: `Event type \`${type}\` carries a version; the version belongs in \`eventVersion\` / \`x-event-version\`.`,
          hint: `Use \`${type.replace(VERSION_SEGMENT, '')}\` as the type and declare the version separately, so consumers route every version alike.`,
        });
      }
    }
  },
};

/** `OrderPlaced` → `order.placed`, `order_placed` → `order.placed`: a suggestion, not a promise. */
function suggest(type: string): string {
  const words = type
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  if (words.length < 2) return 'order.placed';
  return `${words[0]}.${words.slice(1).join('-')}`;
}
