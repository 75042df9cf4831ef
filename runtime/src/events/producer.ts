/**
 * Publishing: validate before anything leaves the process, mirror the
 * envelope into transport metadata, and wait for the broker's confirmation.
 */
import type { EventBindings } from './bindings.js';
import { encodeEvent, type EncodeOptions } from './encode.js';
import type { EventEnvelope } from './envelope.js';
import { enqueueOutboxEvent } from './outbox.js';
import type { PgClientLike } from './pg.js';
import type { Transport } from './transport.js';
import { assertValidEvent, type EventVersionSpec } from './validation.js';

/** Options of one publish. */
export interface PublishOptions extends EncodeOptions {
  /** Skip validation (the event was validated already, e.g. by the outbox). */
  skipValidation?: boolean;
}

export { encodeEvent };

/**
 * Validates `envelope` against `spec` and publishes it with confirmation.
 * Not `async`: the transport's promise is returned as is (one promise per
 * publish, not one per layer); an invalid event is a rejected promise with
 * {@link EventValidationError}, and nothing is published.
 */
export function publishEvent(transport: Transport, address: string, envelope: EventEnvelope, spec: EventVersionSpec | undefined, options: PublishOptions = {}): Promise<void> {
  try {
    if (spec && !options.skipValidation) assertValidEvent(spec, envelope);
    return transport.publish(address, encodeEvent(envelope, options));
  } catch (err) {
    return Promise.reject(err);
  }
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
export function sendEvent(transport: Transport, address: string, envelope: EventEnvelope, spec: EventVersionSpec, options: SendOptions & { messageId?: string } = {}, bindings?: EventBindings): Promise<void> {
  if (options.outbox) {
    return enqueueOutboxEvent(options.outbox, address, envelope, {
      spec,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.outboxTable ? { table: options.outboxTable } : {}),
      ...(options.messageId ? { messageId: options.messageId } : {}),
      ...(bindings ? { bindings } : {}),
    });
  }
  // only what publishing needs: nothing in a caller's options can turn validation off here
  const { headers, messageId } = options;
  return publishEvent(transport, address, envelope, spec, headers || messageId || bindings ? { ...(headers ? { headers } : {}), ...(messageId ? { messageId } : {}), ...(bindings ? { bindings } : {}) } : undefined);
}
