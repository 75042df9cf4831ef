/**
 * Deterministic event ids for saga commands: the same idempotency key
 * (`<sagaId>:<step>:<do|undo>`) always gives the same eventId, so a command
 * re-sent after a crash or a retry is the same event to the broker's and the
 * participant's de-duplication.
 */
import { createHash } from 'node:crypto';

/** The namespace of saga event ids (a fixed random UUID). */
export const SAGA_EVENT_ID_NAMESPACE = '6f1c1d1e-3b0a-4c55-9a52-2f4bb1f0c7a3';

/** A UUID v5 (SHA-1, RFC 9562 §5.5) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = SAGA_EVENT_ID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`uuidV5: the namespace must be a UUID (got ${JSON.stringify(namespace)}).`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50; // version 5
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The eventId of the command a saga step sends, from its idempotency key. */
export function sagaEventId(idempotencyKey: string): string {
  return uuidV5(idempotencyKey);
}
