/**
 * Messages of every AsyncAPI contract in a model, each once.
 *
 * Teams define an event once (`shared/messages.yaml`) and `$ref` it from the
 * producer's and every consumer's document; the loader then gives each
 * document its own copy, all located at the one place the message is written.
 * A per-message rule must report that place once, not once per document.
 */
import type { AsyncApiContract, ContractModel, EventMessage } from '../../../../contracts/model/types.js';
import { contractsOfKind } from '../../../../contracts/model/types.js';

/** A message with the contract it was first met in. */
export interface MessageInContract {
  message: EventMessage;
  contract: AsyncApiContract;
}

/** `file#pointer` of an element's source location, the identity used to de-duplicate. */
export function locationKey(loc: { file: string; pointer?: string; line?: number }): string {
  return `${loc.file}#${loc.pointer ?? `:${loc.line ?? 0}`}`;
}

/** Every message of every AsyncAPI contract, each source location once, in model order. */
export function uniqueMessages(model: ContractModel): MessageInContract[] {
  const seen = new Set<string>();
  const out: MessageInContract[] = [];
  for (const contract of contractsOfKind(model, 'asyncapi')) {
    for (const message of contract.messages) {
      const key = locationKey(message.location);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ message, contract });
    }
  }
  return out;
}

/** How a message is named in findings: `orderPlacedV2`. */
export function messageLabel(m: EventMessage): string {
  return m.name ?? m.id;
}

/** A pointer below the message (`/payload/properties/eventId`), or undefined when the message has no pointer. */
export function below(m: EventMessage, ...segments: string[]): string | undefined {
  if (m.location.pointer === undefined) return undefined;
  return m.location.pointer + segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Where a message's event type comes from, as the loader reads it. */
export type EventTypeSource = 'x-event-type' | 'payload' | 'name' | 'none';

/** Which of the loader's sources gave the message its `eventType` (`x-event-type`, the payload's const, or the name). */
export function eventTypeSource(m: EventMessage): EventTypeSource {
  if (m.eventType === undefined) return 'none';
  if (m.extensions['x-event-type'] === m.eventType) return 'x-event-type';
  const props = m.payload && typeof m.payload === 'object' ? (m.payload.properties as Record<string, unknown> | undefined) : undefined;
  const prop = props?.eventType as Record<string, unknown> | undefined;
  if (prop && typeof prop === 'object' && (prop.const === m.eventType || (Array.isArray(prop.enum) && prop.enum[0] === m.eventType))) return 'payload';
  return 'name';
}

/** The pointer to report an event type at: where it is written. */
export function eventTypePointer(m: EventMessage): { pointer?: string; onKey?: boolean } {
  switch (eventTypeSource(m)) {
    case 'x-event-type':
      return { pointer: below(m, 'x-event-type') };
    case 'payload': {
      const prop = ((m.payload as Record<string, unknown>).properties as Record<string, Record<string, unknown>>).eventType!;
      return { pointer: below(m, 'payload', 'properties', 'eventType', 'const' in prop ? 'const' : 'enum') };
    }
    case 'name':
      return { pointer: below(m, 'name') };
    case 'none':
      return { pointer: m.location.pointer, onKey: true };
  }
}
