/**
 * The AMQP publish properties of an outgoing message. Typed here rather than
 * with amqplib's types: this module is part of the public
 * `@contractkit/runtime/events` API, and users who do not use RabbitMQ must
 * not need amqplib's type declarations to compile against it.
 */
import type { AmqpBindings } from '../bindings.js';
import type { OutgoingMessage } from '../transport.js';

/** The publish properties contractkit sets (a subset of amqplib's `Options.Publish`). */
export interface AmqpPublishProperties {
  persistent: boolean;
  contentType: string;
  messageId: string | undefined;
  type: string | undefined;
  correlationId: string | undefined;
  /** Seconds since the epoch. */
  timestamp: number;
  headers: Record<string, string>;
  priority?: number;
  expiration?: string;
  mandatory?: boolean;
  /** Where the responder sends its reply (request/reply). */
  replyTo?: string;
}

/**
 * Envelope fields that travel as AMQP properties (`messageId`, `correlationId`)
 * instead of table headers: a table costs encoding on both ends and bytes per
 * message; consumers still see them as `event-id` / `correlation-id` headers.
 */
const IN_PROPERTIES = new Set(['event-id', 'correlation-id', 'reply-to']);

/** Publish properties of an outgoing message: mirrored envelope fields as properties, the rest as headers; the operation binding's delivery mode, priority, expiration and mandatory flag. */
export function amqpProperties(message: OutgoingMessage, b?: AmqpBindings): AmqpPublishProperties {
  const h = message.headers;
  const headers: Record<string, string> = {};
  for (const k in h) if (!IN_PROPERTIES.has(k)) headers[k] = h[k]!;
  const props: AmqpPublishProperties = {
    persistent: b?.deliveryMode !== 1,
    contentType: 'application/json',
    messageId: h['event-id'],
    type: h['event-type'],
    correlationId: h['correlation-id'],
    timestamp: Math.floor(Date.now() / 1000),
    headers,
  };
  if (h['reply-to'] !== undefined) props.replyTo = h['reply-to'];
  if (b) {
    if (b.priority !== undefined) props.priority = b.priority;
    if (b.expiration !== undefined) props.expiration = String(b.expiration);
    if (b.mandatory) props.mandatory = true;
  }
  return props;
}

