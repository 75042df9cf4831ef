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
import type { Span } from '@opentelemetry/api';
import { startProducerSpan } from '../tracing/messaging.js';
import { recordFailure } from '../tracing/status.js';

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
  let span: Span | undefined;
  try {
    if (spec && !options.skipValidation) assertValidEvent(spec, envelope);
    const message = encodeEvent(envelope, options);
    // the producer span's context travels in the headers (every adapter carries them; the outbox stores them)
    span = startProducerSpan({ system: transport.name, destination: address, messageId: envelope.eventId, conversationId: envelope.correlationId }, message.headers);
    // a span that records nothing (no SDK) needs no ending: no extra promise per publish then
    if (!span.isRecording()) return transport.publish(address, message);
    return transport.publish(address, message).then(
      () => span!.end(),
      (err: unknown) => {
        ended(span!, err);
        throw err;
      },
    );
  } catch (err) {
    if (span) ended(span, err);
    return Promise.reject(err);
  }
}

function ended(span: Span, err: unknown): void {
  recordFailure(span, err);
  span.end();
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
    // the row keeps the producer span's context: the relay sends it with the message
    const headers = { ...options.headers };
    const span = startProducerSpan({ system: transport.name, destination: address, messageId: envelope.eventId, conversationId: envelope.correlationId }, headers);
    return enqueueOutboxEvent(options.outbox, address, envelope, {
      spec,
      headers,
      ...(options.outboxTable ? { table: options.outboxTable } : {}),
      ...(options.messageId ? { messageId: options.messageId } : {}),
      ...(bindings ? { bindings } : {}),
    }).then(
      () => span.end(),
      (err: unknown) => {
        ended(span, err);
        throw err;
      },
    );
  }
  // only what publishing needs: nothing in a caller's options can turn validation off here
  const { headers, messageId } = options;
  return publishEvent(transport, address, envelope, spec, headers || messageId || bindings ? { ...(headers ? { headers } : {}), ...(messageId ? { messageId } : {}), ...(bindings ? { bindings } : {}) } : undefined);
}
