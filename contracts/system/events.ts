/**
 * The events of the system map: who sends and who receives each, on which
 * channels, in which versions; and the findings about events nobody
 * produces or consumes.
 */
import type { Finding } from '../finding.js';
import type { AsyncApiContract, EventMessage } from '../model/types.js';
import type { MapEvent, MapEventUse } from './types.js';

/** The servers of an AsyncAPI document, one line each (`rabbitmq: amqp host:5672`). */
export function asyncServers(c: AsyncApiContract): string[] {
  const servers = (c.document.servers ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(servers).map(([name, s]) => {
    const where = [s.host, s.pathname].filter((x) => typeof x === 'string').join('') || (typeof s.url === 'string' ? s.url : '');
    return `${name}: ${typeof s.protocol === 'string' ? s.protocol : ''} ${where}`.replace(/\s+/g, ' ').trim();
  });
}

/** The event key the event rules use: event type, else message id. */
export function eventKey(message: EventMessage | undefined, messageId: string): string {
  return message?.eventType ?? messageId;
}

/** Adds the sends and receives of `c` (service `svc`) to `events`. */
export function addEventUses(c: AsyncApiContract, svc: string, events: Map<string, MapEvent>, producerMessages: Set<string>): void {
  const messages = new Map(c.messages.map((m) => [m.id, m]));
  const channels = new Map(c.channels.map((ch) => [ch.id, ch]));
  for (const op of c.operations) {
    const add = (id: string, action: 'send' | 'receive', reply: boolean, channelId: string | undefined): void => {
      const message = messages.get(id);
      const key = eventKey(message, id);
      let ev = events.get(key);
      if (!ev) events.set(key, (ev = { id: `event:${key}`, key, addresses: [], messages: [], producers: [], consumers: [], usedBy: [], sources: [] }));
      const channel = channelId ? channels.get(channelId) : undefined;
      const address = channel?.address;
      for (const where of [message?.location, channel?.location]) {
        if (where && !ev.sources.some((x) => x.file === where.file && x.pointer === where.pointer)) ev.sources.push(where);
      }
      if (address && !ev.addresses.includes(address)) ev.addresses.push(address);
      // the producer's definition of a message wins over a consumer's copy
      const seen = ev.messages.findIndex((m) => m.id === id);
      if (seen >= 0 && action === 'send' && !producerMessages.has(`${key}|${id}`)) ev.messages.splice(seen, 1);
      if (action === 'send') producerMessages.add(`${key}|${id}`);
      if (!ev.messages.some((m) => m.id === id)) {
        ev.messages.push({
          id,
          ...(message?.version !== undefined ? { version: message.version } : {}),
          ...(message?.contentType ?? c.defaultContentType ? { contentType: (message?.contentType ?? c.defaultContentType)! } : {}),
          ...(message?.payload !== undefined ? { payload: message.payload } : {}),
        });
      }
      const use: MapEventUse = { service: svc, contract: c.name, operation: op.id, reply, location: op.location };
      const list = action === 'send' ? ev.producers : ev.consumers;
      if (!list.some((u) => u.contract === use.contract && u.operation === use.operation)) list.push(use);
    };
    for (const id of op.messages) add(id, op.action, false, op.channel);
    // the side that sends a request receives its reply, and the other way round
    const replyAction = op.action === 'send' ? 'receive' : 'send';
    for (const id of op.reply?.messages ?? []) add(id, replyAction, true, op.reply?.channel ?? op.channel);
  }
}

/** The event with its lists sorted. */
export function finishEvent(ev: MapEvent): MapEvent {
  const byUse = (a: MapEventUse, b: MapEventUse) => (a.service + a.contract + a.operation < b.service + b.contract + b.operation ? -1 : 1);
  return {
    ...ev,
    addresses: [...ev.addresses].sort(),
    messages: [...ev.messages].sort((a, b) => (a.version ?? 0) - (b.version ?? 0) || (a.id < b.id ? -1 : 1)),
    producers: [...ev.producers].sort(byUse),
    consumers: [...ev.consumers].sort(byUse),
    usedBy: [...new Set(ev.usedBy)].sort(),
    sources: [...ev.sources].sort((a, b) => (`${a.file}#${a.pointer ?? ''}` < `${b.file}#${b.pointer ?? ''}` ? -1 : 1)),
  };
}

/** Warnings for events nobody consumes or produces, in event order. */
export function orphanFindings(events: Map<string, MapEvent>, nameOf: (service: string) => string): Finding[] {
  const out: Finding[] = [];
  for (const ev of [...events.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (ev.consumers.length === 0) {
      for (const p of ev.producers) {
        out.push({
          ruleId: 'map-event-no-consumer',
          severity: 'warning',
          kind: 'asyncapi',
          file: p.location.file,
          ...(p.location.pointer !== undefined ? { pointer: p.location.pointer } : {}),
          onKey: true,
          message: `Event \`${ev.key}\` is sent by ${nameOf(p.service)} (operation \`${p.operation}\`) but no service of the map receives it.`,
          hint: 'Add the consuming service\'s AsyncAPI document (with a `receive` operation) to contractkit.yaml, or remove the event if nothing needs it.',
        });
      }
    }
    if (ev.producers.length === 0) {
      for (const c of ev.consumers) {
        out.push({
          ruleId: 'map-event-no-producer',
          severity: 'warning',
          kind: 'asyncapi',
          file: c.location.file,
          ...(c.location.pointer !== undefined ? { pointer: c.location.pointer } : {}),
          onKey: true,
          message: `Event \`${ev.key}\` is received by ${nameOf(c.service)} (operation \`${c.operation}\`) but no service of the map sends it.`,
          hint: 'Add the producing service\'s AsyncAPI document (with a `send` operation) to contractkit.yaml, or drop the receive operation.',
        });
      }
    }
  }
  return out;
}
