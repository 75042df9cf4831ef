/**
 * CloudEvents 1.0 mapping of the envelope: `type` = `<eventType>.v<version>`
 * (a breaking change changes the type, as the CloudEvents primer advises),
 * `subject` = aggregateId, `time` = timestamp, and the correlation extension.
 */
import type { EventEnvelope } from './envelope.js';

/** A structured-mode CloudEvent carrying an envelope's data. */
export interface CloudEvent<P = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  correlationid: string;
  causationid?: string;
  data: P;
}

/** Maps an envelope to a CloudEvent; `source` identifies the producer (a URI reference such as `/orders-service`). */
export function toCloudEvent<P>(envelope: EventEnvelope<P>, source: string): CloudEvent<P> {
  const ce: CloudEvent<P> = {
    specversion: '1.0',
    id: envelope.eventId,
    source,
    type: `${envelope.eventType}.v${envelope.eventVersion}`,
    subject: envelope.aggregateId,
    time: envelope.timestamp,
    datacontenttype: 'application/json',
    correlationid: envelope.correlationId,
    data: envelope.payload,
  };
  if (envelope.causationId !== undefined) ce.causationid = envelope.causationId;
  return ce;
}

/** Maps a CloudEvent back to an envelope. Throws when `type` has no `.v<N>` suffix or a required attribute is missing. */
export function fromCloudEvent<P = unknown>(ce: CloudEvent<P> | Record<string, unknown>): EventEnvelope<P> {
  const c = ce as Record<string, unknown>;
  if (c.specversion !== '1.0') throw new Error(`Unsupported CloudEvents specversion ${JSON.stringify(c.specversion)} (expected "1.0").`);
  const m = typeof c.type === 'string' ? /^(.+)\.v(\d+)$/.exec(c.type) : null;
  if (!m) throw new Error(`CloudEvent type ${JSON.stringify(c.type)} does not end in .v<version> (e.g. order.placed.v2).`);
  for (const k of ['id', 'subject', 'time', 'correlationid']) {
    if (typeof c[k] !== 'string') throw new Error(`CloudEvent attribute \`${k}\` is missing.`);
  }
  const e: EventEnvelope<P> = {
    eventId: c.id as string,
    eventType: m[1]!,
    eventVersion: Number(m[2]),
    timestamp: c.time as string,
    aggregateId: c.subject as string,
    correlationId: c.correlationid as string,
    payload: c.data as P,
  };
  if (typeof c.causationid === 'string') e.causationId = c.causationid;
  return e;
}
