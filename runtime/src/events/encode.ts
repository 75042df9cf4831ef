/**
 * The one encoding of an event on the wire, shared by the producer (publish
 * now) and the outbox relay (publish what was stored): the envelope as JSON,
 * its fields mirrored into headers, the message key and broker message id.
 * It sits apart from both so neither imports the other.
 */
import type { EventBindings } from './bindings.js';
import { envelopeHeaders, type EventEnvelope } from './envelope.js';
import type { OutgoingMessage } from './transport.js';

/** What the encoding takes besides the envelope. */
export interface EncodeOptions {
  /** Extra transport headers. */
  headers?: Record<string, string>;
  /** Broker de-duplication id; defaults to the eventId. */
  messageId?: string;
  /** The operation's bindings (generated from the contract). */
  bindings?: EventBindings;
}

/** Encodes an envelope as the transport message every adapter sends: one JSON encoding, one headers object. */
export function encodeEvent(envelope: EventEnvelope, options: EncodeOptions = {}): OutgoingMessage {
  const headers = envelopeHeaders(envelope);
  const extra = options.headers;
  // the mirrored envelope fields win over user headers of the same name
  if (extra) for (const k in extra) if (!(k in headers)) headers[k] = extra[k]!;
  const bindings = options.bindings;
  const message: OutgoingMessage = { body: Buffer.from(JSON.stringify(envelope)), headers, key: bindings?.kafka?.key ? bindings.kafka.key(envelope) : envelope.aggregateId, messageId: options.messageId ?? envelope.eventId };
  if (bindings) message.bindings = bindings;
  return message;
}
