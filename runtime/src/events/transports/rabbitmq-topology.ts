/**
 * RabbitMQ topology from the contract's amqp bindings: which exchange an
 * operation publishes to (name, type, durability), which queue a consumer
 * group reads (name, durability, exclusivity), how the queue is bound, and
 * the dead-letter and retry queues around it. Producers and consumers derive
 * the same declarations, so whichever declares first, the other's
 * `assert…` matches (RabbitMQ refuses a redeclaration with other arguments).
 */
import type { AmqpBindings } from '../bindings.js';
import { addressPattern } from '../transport.js';

/** An exchange to declare; `name: ''` is the default exchange (never declared). */
export interface ExchangeSpec {
  name: string;
  type: 'topic' | 'direct' | 'fanout' | 'headers';
  durable: boolean;
  autoDelete: boolean;
}

/** A consumer's queue and what surrounds it. */
export interface QueueSpec {
  name: string;
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
  /** Dead-letter queue, bound to the dead-letter exchange with the queue's name as routing key. */
  deadLetterQueue: string;
  /** How the queue is bound: to `exchange` with `routingKey` (and `args` for a headers exchange); none on the default exchange. */
  bind?: { exchange: string; routingKey: string; args?: Record<string, unknown> };
}

/** True when the channel is one queue reached through the default exchange (`is: queue`, or exchange type `default`). */
export function isQueueChannel(b: AmqpBindings | undefined): boolean {
  return b?.is === 'queue' || b?.exchange?.type === 'default';
}

/** The exchange an operation publishes to. */
export function exchangeSpec(b: AmqpBindings | undefined, defaultExchange: string): ExchangeSpec {
  if (isQueueChannel(b)) return { name: '', type: 'direct', durable: true, autoDelete: false };
  const e = b?.exchange;
  const type = e?.type && e.type !== 'default' ? e.type : 'topic';
  return { name: e?.name ?? defaultExchange, type, durable: e?.durable ?? true, autoDelete: e?.autoDelete ?? false };
}

/** The routing key a message to `address` is published with. */
export function publishRoutingKey(b: AmqpBindings | undefined, address: string): string {
  return isQueueChannel(b) ? (b?.queue?.name ?? address) : address;
}

/** The queue a consumer group of `address` reads, with its dead-letter queue and binding. */
export function queueSpec(b: AmqpBindings | undefined, address: string, group: string, defaultExchange: string, deadLetter?: string): QueueSpec {
  const queueChannel = isQueueChannel(b);
  const name = b?.queue?.name ?? (queueChannel ? address : group);
  const spec: QueueSpec = {
    name,
    durable: b?.queue?.durable ?? true,
    exclusive: b?.queue?.exclusive ?? false,
    autoDelete: b?.queue?.autoDelete ?? false,
    deadLetterQueue: deadLetter ?? `${name}.dlq`,
  };
  if (queueChannel) return spec;
  const ex = exchangeSpec(b, defaultExchange);
  if (ex.type === 'topic') spec.bind = { exchange: ex.name, routingKey: addressPattern(address, '*') };
  else if (ex.type === 'direct') {
    if (/\{[^}]+\}/.test(address)) throw new Error(`Channel \`${address}\` has parameters, which a direct exchange (\`${ex.name}\`) cannot match: use a topic exchange.`);
    spec.bind = { exchange: ex.name, routingKey: address };
  } else if (ex.type === 'headers') spec.bind = { exchange: ex.name, routingKey: '', args: { 'x-match': 'all' } };
  else spec.bind = { exchange: ex.name, routingKey: '' };
  return spec;
}

/** `assertQueue` options of a consumer queue: durability, exclusivity and the dead-letter route (the same for every declarer). */
export function queueOptions(q: QueueSpec, dlx: string) {
  return { durable: q.durable, exclusive: q.exclusive, autoDelete: q.autoDelete, deadLetterExchange: dlx, deadLetterRoutingKey: q.name };
}
