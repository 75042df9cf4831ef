/**
 * Saga lifecycle events on a broker: an `onEvent` handler for
 * {@link createSagaRuntime} that publishes `saga.started`, `saga.completed`,
 * `saga.compensated` and `saga.failed` as envelopes through an events
 * transport (RabbitMQ, NATS JetStream, MQTT, Kafka, in-memory), waiting for
 * the broker's confirmation. The eventId is derived from the occurrence
 * ({@link SagaEvent.key}), so an event reported again after a crash carries
 * the same id and is dropped by the broker's and consumers' de-duplication.
 */
import type { EventBindings } from '../events/bindings.js';
import { createEnvelope, type EventEnvelope } from '../events/envelope.js';
import { publishEvent } from '../events/producer.js';
import type { Transport } from '../events/transport.js';
import { sagaEventId } from './event-id.js';
import type { SagaEvent, SagaEventHandler, SagaEventType } from './events.js';

/** The four lifecycle event types (the default of {@link SagaLifecyclePublisherOptions.types}). */
export const SAGA_LIFECYCLE_EVENT_TYPES: readonly SagaEventType[] = ['saga.started', 'saga.completed', 'saga.compensated', 'saga.failed'];

/** The default address lifecycle events are published to. */
export const SAGA_LIFECYCLE_ADDRESS = 'saga.lifecycle';

/**
 * The payload of a lifecycle event (envelope `eventVersion` 1): the event's
 * own fields (its `status` once the outcome was committed, `running` for
 * `saga.started`; `step`, `attempt` and `error` where the event has them).
 */
export type SagaLifecyclePayload = Pick<SagaEvent, 'sagaId' | 'saga' | 'version' | 'status' | 'step' | 'attempt' | 'error'>;

/** Options of {@link createSagaLifecyclePublisher}. */
export interface SagaLifecyclePublisherOptions {
  transport: Transport;
  /** Where to publish: an address, or one per event (default {@link SAGA_LIFECYCLE_ADDRESS}). */
  address?: string | ((event: SagaEvent) => string);
  /** Which event types to publish (default {@link SAGA_LIFECYCLE_EVENT_TYPES}; add `saga.step.*` for tracing). */
  types?: readonly SagaEventType[];
  /** Extra transport headers on every event. */
  headers?: Record<string, string>;
  /** Broker bindings (exchange, topic, qos…) as the events transports read them. */
  bindings?: EventBindings;
}

/** The envelope of a saga event: deterministic eventId, aggregate and correlation = the saga id, eventVersion 1. */
export function sagaLifecycleEnvelope(event: SagaEvent): EventEnvelope<SagaLifecyclePayload, SagaEventType, 1> {
  const payload: SagaLifecyclePayload = { sagaId: event.sagaId, saga: event.saga, version: event.version, status: event.status };
  if (event.step !== undefined) payload.step = event.step;
  if (event.attempt !== undefined) payload.attempt = event.attempt;
  if (event.error !== undefined) payload.error = event.error;
  return createEnvelope(event.type, 1, payload, { eventId: sagaEventId(event.key), aggregateId: event.sagaId, correlationId: event.sagaId, timestamp: event.at });
}

/**
 * Creates an `onEvent` handler that publishes saga events with the broker's
 * confirmation. The runtime awaits it after committing each outcome, so a
 * worker moves on once the broker has the event; a failed publish is reported
 * to the runtime's `onError` and does not affect the saga (the event is lost:
 * delivery is at most once per outcome).
 */
export function createSagaLifecyclePublisher(options: SagaLifecyclePublisherOptions): SagaEventHandler {
  const types = new Set(options.types ?? SAGA_LIFECYCLE_EVENT_TYPES);
  const address = options.address ?? SAGA_LIFECYCLE_ADDRESS;
  const publishOptions = { ...(options.headers ? { headers: options.headers } : {}), ...(options.bindings ? { bindings: options.bindings } : {}) };
  return (event) => {
    if (!types.has(event.type)) return;
    const to = typeof address === 'function' ? address(event) : address;
    return publishEvent(options.transport, to, sagaLifecycleEnvelope(event), undefined, publishOptions);
  };
}
