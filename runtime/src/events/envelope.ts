/**
 * The event envelope (seed document, "Event-Driven Communication"): every
 * event travels as `{ eventId, eventType, eventVersion, timestamp,
 * aggregateId, correlationId, causationId?, payload }` in the JSON body.
 */
import { randomUUID } from 'node:crypto';

/** An event as it travels: metadata plus the event data in `payload`. */
export interface EventEnvelope<P = unknown, T extends string = string, V extends number = number> {
  /** Unique id (uuid); also the de-duplication key at brokers and consumers. */
  eventId: string;
  /** `<aggregate>.<event>` in the past tense, e.g. `order.placed`. */
  eventType: T;
  /** Major version of the payload schema (`x-event-version`). */
  eventVersion: V;
  /** RFC 3339 time the event happened. */
  timestamp: string;
  /** Id of the aggregate the event is about (also the partition/ordering key). */
  aggregateId: string;
  /** Id shared by everything one request or saga caused. */
  correlationId: string;
  /** eventId of the event or command that caused this one. */
  causationId?: string;
  payload: P;
}

/** What a producer says about an event besides its payload. */
export interface EnvelopeMeta {
  aggregateId: string;
  correlationId: string;
  causationId?: string | undefined;
  /** Defaults to a new uuid. */
  eventId?: string | undefined;
  /** Defaults to now. */
  timestamp?: string | Date | undefined;
}

// `new Date().toISOString()` costs about as much as validating an event; at thousands of events per second many
// share a millisecond, so the text is formatted once per millisecond
let lastMs = -1;
let lastIso = '';

/** Now as RFC 3339 text (millisecond precision, UTC). */
export function nowIso(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** Stamps an envelope around `payload`. */
export function createEnvelope<P, T extends string, V extends number>(eventType: T, eventVersion: V, payload: P, meta: EnvelopeMeta): EventEnvelope<P, T, V> {
  const ts = meta.timestamp === undefined ? nowIso() : meta.timestamp instanceof Date ? meta.timestamp.toISOString() : meta.timestamp;
  const envelope: EventEnvelope<P, T, V> = {
    eventId: meta.eventId ?? randomUUID(),
    eventType,
    eventVersion,
    timestamp: ts,
    aggregateId: meta.aggregateId,
    correlationId: meta.correlationId,
    payload,
  };
  if (meta.causationId !== undefined) envelope.causationId = meta.causationId;
  return envelope;
}

/** Why a body is not an envelope, or undefined when it is one (structure only; the payload is checked by the message's validator). */
export function envelopeProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'the body is not a JSON object';
  const v = value as Record<string, unknown>;
  for (const k of ['eventId', 'eventType', 'timestamp', 'aggregateId', 'correlationId'] as const) {
    if (typeof v[k] !== 'string' || v[k] === '') return `envelope field \`${k}\` is missing or not a string`;
  }
  if (typeof v.eventVersion !== 'number' || !Number.isInteger(v.eventVersion)) return 'envelope field `eventVersion` is missing or not an integer';
  if (v.causationId !== undefined && typeof v.causationId !== 'string') return 'envelope field `causationId` is not a string';
  if (!('payload' in v)) return 'envelope field `payload` is missing';
  return undefined;
}

/** Transport metadata mirrored from the envelope, so consumers can route and reject without parsing the body. */
export interface EnvelopeHeaders {
  'event-id': string;
  'event-type': string;
  'event-version': string;
  'correlation-id': string;
  [name: string]: string;
}

/** The envelope fields every transport mirrors into its metadata. */
export function envelopeHeaders(e: EventEnvelope): EnvelopeHeaders {
  return { 'event-id': e.eventId, 'event-type': e.eventType, 'event-version': String(e.eventVersion), 'correlation-id': e.correlationId };
}
