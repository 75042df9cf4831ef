/**
 * Upcasters turn version N of an event into N+1; they chain, so a handler
 * only ever sees the latest version (Axon/Marten practice). Each step is
 * written once by the user.
 */
import type { EventEnvelope } from './envelope.js';

/** One step: the payload of version `from` → the payload of version `from + 1`. */
export type Upcaster = (payload: any, envelope: EventEnvelope) => unknown;

/** Upcasters of one event type, keyed by the version they start from (`{ 1: v1ToV2 }`). */
export type UpcasterMap = Partial<Record<number, Upcaster>>;

/** Why an envelope cannot be brought to `latest`, or the upcast envelope. */
export type UpcastResult = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

/** Brings `envelope` from its version to `latest` through the chain. Newer or unknown versions are refused, never guessed at. */
export function upcast(envelope: EventEnvelope, latest: number, upcasters: UpcasterMap, known: readonly number[]): UpcastResult {
  const from = envelope.eventVersion;
  if (from > latest) return { ok: false, reason: `${envelope.eventType} version ${from} is newer than the latest this consumer knows (${latest})` };
  if (!known.includes(from)) return { ok: false, reason: `${envelope.eventType} version ${from} is unknown to this consumer (known: ${known.join(', ')})` };
  let current: EventEnvelope = envelope;
  for (let v = from; v < latest; v++) {
    const step = upcasters[v];
    if (!step) return { ok: false, reason: `no upcaster from ${envelope.eventType} v${v} to v${v + 1}` };
    current = { ...current, eventVersion: v + 1, payload: step(current.payload, current) };
  }
  return { ok: true, envelope: current };
}
