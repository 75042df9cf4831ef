/**
 * The reply side of a request/reply operation (AsyncAPI 3.0 Operation Reply
 * Object): its channel, its messages by event type, where the request
 * carries the reply address, and the default timeout. What cannot be
 * generated (a reply without messages, a reply address in the payload)
 * becomes a finding.
 */
import type { EventOperation, SourceRef } from '../../contracts/model/types.js';
import { durationMs, type EventsGeneratorOptions } from './bindings.js';
import { eventGroups } from './event-groups.js';
import type { ChannelPlan, MessagePlan, ReplyPlan } from './plan.js';

type Fail = (message: string, hint: string, at: SourceRef) => void;

/** Header names that mean the standard reply address (AMQP `reply_to`; the runtime's `reply-to` header elsewhere). */
const STANDARD_REPLY_HEADERS = new Set(['replyto', 'reply_to', 'reply-to']);

/** The reply plan of `op` (which has a `reply`), or undefined after reporting through `fail`. */
export function replyPlan(op: EventOperation, channels: ChannelPlan[], groups: Map<string, MessagePlan[]>, options: EventsGeneratorOptions, fail: Fail): Omit<ReplyPlan, 'functionNames'> | undefined {
  const reply = op.reply!;
  const channel = reply.channel !== undefined ? channels.find((c) => c.channel.id === reply.channel) : undefined;
  let ok = true;
  if (groups.size === 0) {
    fail(`Operation \`${op.id}\`: its reply carries no message with a payload, so the reply cannot be typed.`, 'List the reply messages (`reply: { messages: [ … ] }`) or give the reply channel messages with payloads.', op.location);
    ok = false;
  }
  for (const [eventType, versions] of groups) {
    const seen = new Set<number>();
    for (const m of versions) {
      if (seen.has(m.version)) {
        fail(`Operation \`${op.id}\`: its reply carries two messages for ${eventType} version ${m.version}.`, 'Give each major version its own `x-event-version`.', m.message.location);
        ok = false;
      }
      seen.add(m.version);
    }
  }
  let addressHeader: string | undefined;
  const location = reply.address?.location;
  if (location !== undefined) {
    const header = /^\$message\.header#\/([^/]+)$/.exec(location);
    if (!header) {
      fail(`Operation \`${op.id}\`: the reply address is at \`${location}\`; only a header (\`$message.header#/replyTo\`) can carry it.`, 'Carry the reply address in a header (`reply: { address: { location: $message.header#/replyTo } }`); the runtime sends it as reply-to either way.', op.location);
      ok = false;
    } else if (!STANDARD_REPLY_HEADERS.has(header[1]!.toLowerCase())) addressHeader = header[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
  }
  const timeout = op.extensions?.['x-reply-timeout'] ?? options.replyTimeout;
  let timeoutMs: number | undefined;
  if (timeout !== undefined) {
    timeoutMs = durationMs(timeout);
    if (timeoutMs === undefined || timeoutMs === 0) {
      fail(`Operation \`${op.id}\`: \`x-reply-timeout\` must be a positive duration (\`5s\`, \`500ms\`, or milliseconds), not ${JSON.stringify(timeout)}.`, 'Write for example `x-reply-timeout: 5s`.', op.location);
      ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    ...(channel ? { channel } : {}),
    groups: eventGroups(groups),
    ...(addressHeader !== undefined ? { addressHeader } : {}),
    ...(location !== undefined ? { addressLocation: location } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}
