/**
 * `event-name-past-tense`: domain events are named in the past tense
 * (`order.placed`): they state a fact that already happened, which any number
 * of consumers may react to. An imperative name (`process.order`) is a
 * command: it tells one service what to do and couples the sender to it; the
 * seed allows command events but asks to use them sparingly, so they are
 * warned about.
 */
import type { ModelRule } from '../rule.js';
import { eventTypePointer, messageLabel, uniqueMessages } from './support/messages.js';
import { judgeTense } from './support/tense.js';

/** The rule definition. */
export const eventNamePastTense: ModelRule = {
  id: 'event-name-past-tense',
  kind: 'asyncapi',
  engine: 'model',
  description: 'Domain events are named in the past tense (`order.placed`); imperative names (`process.order`) are commands, to be used sparingly.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      allow: { type: 'array', items: { type: 'string' }, description: 'Event types accepted whatever their tense (`inventory.low`, a deliberate command).' },
      pastTenseWords: { type: 'array', items: { type: 'string' }, description: 'Extra words that count as past tense (irregular participles the built-in list lacks).' },
      commandVerbs: { type: 'array', items: { type: 'string' }, description: 'Extra verbs that mark a name as a command.' },
      allowDeclaredCommands: {
        type: 'boolean',
        description: 'Accept messages marked `x-event-kind: command`: a command that is declared as one is a deliberate choice, not a misnamed event.',
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { allow: [], pastTenseWords: [], commandVerbs: [], allowDeclaredCommands: true },
  check(model, ctx) {
    const allow = new Set(ctx.options.allow as string[]);
    const past = new Set((ctx.options.pastTenseWords as string[]).map((w) => w.toLowerCase()));
    const commands = new Set((ctx.options.commandVerbs as string[]).map((w) => w.toLowerCase()));
    const allowDeclared = ctx.options.allowDeclaredCommands as boolean;
    for (const { message } of uniqueMessages(model)) {
      const type = message.eventType;
      // A missing event type is event-name-format's finding.
      if (type === undefined || allow.has(type)) continue;
      if (allowDeclared && message.extensions['x-event-kind'] === 'command') continue;
      const verdict = judgeTense(type, past, commands);
      if (verdict.kind === 'past') continue;
      const at = { file: message.location.file, ...eventTypePointer(message) };
      if (verdict.kind === 'command') {
        ctx.report({
          ...at,
          message: `Event type \`${type}\` (message \`${messageLabel(message)}\`) reads as a command (imperative \`${verdict.verb}\`), not as something that happened.`,
          hint: 'Name the fact in the past tense (`order.placed`, `inventory.reserved`) and let consumers decide what to do. If it really is a command, keep it rare and mark the message `x-event-kind: command`.',
        });
      } else {
        ctx.report({
          ...at,
          message: `Event type \`${type}\` (message \`${messageLabel(message)}\`) is not in the past tense (\`${verdict.word}\`).`,
          hint: 'Name what happened, in the past tense: `<aggregate>.<past participle>` (`payment.completed`). If the word is a past form the rule does not know, add it to the `pastTenseWords` option.',
        });
      }
    }
  },
};
