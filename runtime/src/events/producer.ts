/**
 * Publishing: validate before anything leaves the process, mirror the
 * envelope into transport metadata, and wait for the broker's confirmation.
 */
import { envelopeHeaders, type EventEnvelope } from './envelope.js';
import { enqueueOutboxEvent } from './outbox.js';
import type { PgClientLike } from './pg.js';
import type { Transport } from './transport.js';
import { checkEvent, EventValidationError, type EventVersionSpec } from './validation.js';

/** Options of one publish. */
export interface PublishOptions {
  /** Extra transport headers. */
  headers?: Record<string, string>;
  /** Broker de-duplication id; defaults to the eventId. */
  messageId?: string;
  /** Skip validation (the event was validated already, e.g. by the outbox). */
  skipValidation?: boolean;
}

/** Encodes an envelope as the transport message every adapter sends. */
export function encodeEvent(envelope: EventEnvelope, options: PublishOptions = {}) {
  return {
    body: Buffer.from(JSON.stringify(envelope)),
    headers: { ...options.headers, ...envelopeHeaders(envelope) },
    key: envelope.aggregateId,
    messageId: options.messageId ?? envelope.eventId,
  };
}

/** Validates `envelope` against `spec` (throws {@link EventValidationError}) and publishes it with confirmation. */
export async function publishEvent(transport: Transport, address: string, envelope: EventEnvelope, spec: EventVersionSpec | undefined, options: PublishOptions = {}): Promise<void> {
  if (spec && !options.skipValidation) {
    const errors = checkEvent(spec, envelope);
    if (errors) throw new EventValidationError(`${envelope.eventType} v${envelope.eventVersion} is invalid: ${errors.join('; ')}`, errors);
  }
  await transport.publish(address, encodeEvent(envelope, options));
}

/** Options of a generated `publish…` function besides the envelope metadata. */
export interface SendOptions {
  headers?: Record<string, string>;
  /** Write the event to the transactional outbox in this transaction instead of publishing now. */
  outbox?: PgClientLike;
  /** Outbox table (default `contractkit_outbox`). */
  outboxTable?: string;
}

/** Publishes with confirmation, or enqueues in the outbox when `options.outbox` is set. Validates either way. */
export async function sendEvent(transport: Transport, address: string, envelope: EventEnvelope, spec: EventVersionSpec, options: SendOptions & { messageId?: string } = {}): Promise<void> {
  if (options.outbox) {
    await enqueueOutboxEvent(options.outbox, address, envelope, {
      spec,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.outboxTable ? { table: options.outboxTable } : {}),
      ...(options.messageId ? { messageId: options.messageId } : {}),
    });
    return;
  }
  await publishEvent(transport, address, envelope, spec, {
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.messageId ? { messageId: options.messageId } : {}),
  });
}
