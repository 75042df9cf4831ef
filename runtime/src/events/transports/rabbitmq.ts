/**
 * RabbitMQ through amqplib (an optional peer dependency, loaded here only):
 * exchanges and queues as the contract's amqp bindings say (default: a
 * durable topic exchange and a durable queue per consumer group), publisher
 * confirms, a dead-letter exchange with a `<queue>.dlq` queue, retries through
 * per-delay queues whose TTL dead-letters back into the consumer's queue, and
 * reconnection that re-declares the topology and the consumers.
 */
import type { AmqpBindings } from '../bindings.js';
import type { ReplyCapable, ReplyInbox, ReplyMessage } from '../request-reply.js';
import { bodyBuffer, createInFlight, type Delivery, type InFlight, type OutgoingMessage, type SubscribeOptions, type Subscription, type Transport } from '../transport.js';
import { deliveryHeaders, RabbitDelivery, type Props, type RetryOps } from './rabbitmq-delivery.js';
import { amqpProperties } from './rabbitmq-properties.js';
import { exchangeSpec, publishRoutingKey, queueOptions, queueSpec, type ExchangeSpec, type QueueSpec } from './rabbitmq-topology.js';

/** Options of {@link createRabbitMqTransport}. */
export interface RabbitMqOptions {
  /** `amqp://guest:guest@127.0.0.1:5672`. */
  url: string;
  /** Topic exchange events are published to when the contract's binding names none (default `contractkit.events`). */
  exchange?: string;
  /** Dead-letter exchange (default `<exchange>.dlx`). */
  deadLetterExchange?: string;
  /** Reconnection delays: first and maximum (default 200 ms, 10 s). */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Told about connection losses and recoveries. */
  onConnectionEvent?: (event: 'lost' | 'recovered', error?: unknown) => void;
  /** Shown by RabbitMQ for the connection (client property `connection_name`): operators see who is connected. */
  connectionName?: string;
}

/** What tests and operators may want beyond {@link Transport}. */
export interface RabbitMqTransport extends Transport, ReplyCapable {
  /** Dead-letter queue of a group (as subscribed; `<group>.dlq` before that). */
  deadLetterQueue(group: string): string;
  /** Deletes the exchanges and the queues this transport declared (tests). */
  deleteTopology(): Promise<void>;
}

type Amqp = typeof import('amqplib');
type Conn = import('amqplib').ChannelModel;
type ConfirmChannel = import('amqplib').ConfirmChannel;
type Channel = import('amqplib').Channel;

interface SubState {
  options: SubscribeOptions;
  queue: QueueSpec;
  onDelivery: (d: Delivery) => Promise<void>;
  channel?: Channel;
  tag?: string;
  inFlight: InFlight;
  closed: boolean;
}

/** Connects to RabbitMQ and returns the transport. */
export async function createRabbitMqTransport(options: RabbitMqOptions): Promise<RabbitMqTransport> {
  const amqp: Amqp = await import('amqplib');
  const exchange = options.exchange ?? 'contractkit.events';
  const dlx = options.deadLetterExchange ?? `${exchange}.dlx`;
  const subs = new Set<SubState>();
  const dlqOfGroup = new Map<string, string>();
  const declaredQueues = new Set<string>();
  const declaredExchanges = new Set<string>([exchange, dlx]);
  // what this connection has asserted (cleared on reconnect: a new connection re-declares as it goes)
  const asserted = new Set<string>();
  const retryQueues = new Set<string>();
  // publishes with `mandatory` waiting for their confirm: a `return` (unroutable) fails them first
  const mandatory = new Map<string, (err: Error) => void>();
  let conn: Conn | undefined;
  let pub: ConfirmChannel | undefined;
  let ready: Promise<void>;
  let closing = false;

  async function connect(): Promise<void> {
    const c = await amqp.connect(options.url, options.connectionName ? { clientProperties: { connection_name: options.connectionName } } : {});
    c.on('error', () => undefined); // 'close' follows; handled there
    c.on('close', (err?: unknown) => {
      if (closing || conn !== c) return;
      conn = undefined;
      pub = undefined;
      options.onConnectionEvent?.('lost', err);
      ready = reconnect();
      ready.catch(() => undefined);
    });
    const ch = await c.createConfirmChannel();
    ch.on('error', () => undefined);
    ch.on('return', (m: { properties: { messageId?: unknown }; fields: { exchange: string; routingKey: string } }) => {
      const fail = typeof m.properties.messageId === 'string' ? mandatory.get(m.properties.messageId) : undefined;
      fail?.(new Error(`unroutable: no queue is bound for routing key \`${m.fields.routingKey}\` on exchange \`${m.fields.exchange || '(default)'}\` (mandatory publish)`));
    });
    asserted.clear();
    retryQueues.clear();
    await ch.assertExchange(exchange, 'topic', { durable: true });
    await ch.assertExchange(dlx, 'direct', { durable: true });
    asserted.add(`x:${exchange}`).add(`x:${dlx}`);
    conn = c;
    pub = ch;
    for (const s of subs) if (!s.closed) await startConsumer(s);
  }

  async function reconnect(): Promise<void> {
    let delay = options.reconnect?.initialDelayMs ?? 200;
    for (;;) {
      if (closing) return;
      try {
        await connect();
        options.onConnectionEvent?.('recovered');
        return;
      } catch {
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, options.reconnect?.maxDelayMs ?? 10_000);
      }
    }
  }

  async function channel(): Promise<ConfirmChannel> {
    for (;;) {
      await ready;
      if (pub) return pub;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function assertExchange(ch: Channel, e: ExchangeSpec): Promise<void> {
    if (e.name === '' || asserted.has(`x:${e.name}`)) return;
    await ch.assertExchange(e.name, e.type, { durable: e.durable, autoDelete: e.autoDelete });
    asserted.add(`x:${e.name}`);
    declaredExchanges.add(e.name);
  }

  /** Declares a consumer queue, its dead-letter queue and its binding (the producer of an `is: queue` channel does the same). */
  async function assertQueue(ch: Channel, q: QueueSpec, b: AmqpBindings | undefined): Promise<void> {
    await ch.assertQueue(q.deadLetterQueue, { durable: true });
    await ch.bindQueue(q.deadLetterQueue, dlx, q.name);
    await ch.assertQueue(q.name, queueOptions(q, dlx));
    if (q.bind) {
      await assertExchange(ch, exchangeSpec(b, exchange));
      await ch.bindQueue(q.name, q.bind.exchange, q.bind.routingKey, q.bind.args);
    }
    asserted.add(`q:${q.name}`);
    declaredQueues.add(q.name).add(q.deadLetterQueue);
  }

  // set while the publish channel's buffer is full: later publishes wait for `drain`
  let blocked: Promise<void> | undefined;

  /** Publishes and resolves on the broker's confirm; under back-pressure, later publishes wait for `drain`. */
  function confirmedPublish(ex: string, routingKey: string, body: Buffer, props: Props): Promise<void> {
    // the fast path is synchronous: no extra turn per message while connected and not blocked
    if (!pub || blocked) return (blocked ?? channel()).then(() => confirmedPublish(ex, routingKey, body, props));
    const ch = pub;
    return new Promise<void>((resolve, reject) => {
      const id = props.mandatory && typeof props.messageId === 'string' ? props.messageId : undefined;
      if (id) mandatory.set(id, reject);
      const ok = ch.publish(ex, routingKey, body, props, (err) => {
        if (id) mandatory.delete(id);
        if (err) reject(err instanceof Error ? err : new Error('message nacked by the broker'));
        else resolve();
      });
      if (!ok && !blocked) {
        blocked = new Promise<void>((r) => {
          const release = () => {
            blocked = undefined;
            ch.off('drain', release);
            ch.off('close', release);
            r();
          };
          ch.on('drain', release);
          ch.on('close', release);
        });
      }
    });
  }

  /** Declares what a binding's publish needs first (its exchange; for an `is: queue` channel, the queue), then publishes. */
  async function declareThenPublish(e: ExchangeSpec, b: AmqpBindings, address: string, body: Buffer, props: Props): Promise<void> {
    const ch = await channel();
    if (e.name === '') {
      const q = queueSpec(b, address, address, exchange);
      if (!asserted.has(`q:${q.name}`)) await assertQueue(ch, q, b);
    } else await assertExchange(ch, e);
    return confirmedPublish(e.name, publishRoutingKey(b, address), body, props);
  }

  async function startConsumer(s: SubState): Promise<void> {
    const ch = await conn!.createChannel();
    ch.on('error', () => undefined);
    await assertQueue(ch, s.queue, s.options.bindings?.amqp);
    await ch.prefetch(s.options.concurrency ?? 1);
    s.channel = ch;
    const queue = s.queue.name;
    const { consumerTag } = await ch.consume(queue, (msg) => {
      if (!msg) return; // cancelled by the server (queue deleted)
      const d = new RabbitDelivery(msg, ch, queue, retryOps);
      // the consumer settles every outcome itself; an escape here is a bug, so let the broker redeliver
      s.inFlight.track(s.onDelivery(d), () => d.settle(false));
    });
    s.tag = consumerTag;
  }

  const retryOps: RetryOps = {
    dlx,
    async ensureRetryQueue(queue, delayMs) {
      const q = `${queue}.retry.${delayMs}`;
      if (!retryQueues.has(q)) {
        const pc = await channel();
        await pc.assertQueue(q, { durable: true, messageTtl: delayMs, deadLetterExchange: '', deadLetterRoutingKey: queue });
        retryQueues.add(q);
        declaredQueues.add(q);
      }
      return q;
    },
    publish: confirmedPublish,
  };

  ready = connect();
  await ready;

  return {
    name: 'rabbitmq',
    deadLetterQueue: (group) => dlqOfGroup.get(group) ?? `${group}.dlq`,
    publish(address: string, message: OutgoingMessage) {
      const b = message.bindings?.amqp;
      const body = bodyBuffer(message.body);
      if (!b) return confirmedPublish(exchange, address, body, amqpProperties(message));
      const e = exchangeSpec(b, exchange);
      const props = amqpProperties(message, b);
      const declared = e.name === '' ? asserted.has(`q:${publishRoutingKey(b, address)}`) : asserted.has(`x:${e.name}`);
      return declared ? confirmedPublish(e.name, publishRoutingKey(b, address), body, props) : declareThenPublish(e, b, address, body, props);
    },
    async subscribe(o: SubscribeOptions, onDelivery): Promise<Subscription> {
      await ready;
      const queue = queueSpec(o.bindings?.amqp, o.address, o.group, exchange, o.bindings?.deadLetter);
      const s: SubState = { options: o, queue, onDelivery, inFlight: createInFlight(), closed: false };
      dlqOfGroup.set(o.group, queue.deadLetterQueue);
      subs.add(s);
      await startConsumer(s);
      return {
        async close() {
          s.closed = true;
          subs.delete(s);
          // stop new deliveries, let in-flight handlers finish and settle, then close the channel
          if (s.channel && s.tag) await s.channel.cancel(s.tag).catch(() => undefined);
          await s.inFlight.idle();
          await s.channel?.close().catch(() => undefined);
        },
      };
    },
    async openReplyInbox(onMessage: (m: ReplyMessage) => void, address?: string): Promise<ReplyInbox> {
      // an exclusive auto-delete queue: it lives as long as this connection, and no other connection may read it
      await ready;
      const ch = await conn!.createChannel();
      ch.on('error', () => undefined);
      const { queue } = await ch.assertQueue(address ?? '', { exclusive: true, autoDelete: true, durable: false });
      // replies are not acknowledged: a reply nobody waits for any more is of no use redelivered
      const { consumerTag } = await ch.consume(queue, (msg) => {
        if (msg) onMessage({ body: msg.content, headers: deliveryHeaders(msg) });
      }, { noAck: true });
      return {
        address: queue,
        async close() {
          await ch.cancel(consumerTag).catch(() => undefined);
          await ch.deleteQueue(queue).catch(() => undefined);
          await ch.close().catch(() => undefined);
        },
      };
    },
    sendReply(replyTo: string, message: OutgoingMessage): Promise<void> {
      // the default exchange routes by queue name: the reply queue needs no binding
      return confirmedPublish('', replyTo, bodyBuffer(message.body), { ...amqpProperties(message), persistent: false });
    },
    async deleteTopology() {
      // its own short connection: works after close() too; a failed delete closes its channel, so replace it then
      const c = await amqp.connect(options.url);
      c.on('error', () => undefined);
      const open = async () => {
        const ch = await c.createChannel();
        ch.on('error', () => undefined);
        return ch;
      };
      let ch = await open();
      const attempt = async (f: (x: Channel) => Promise<unknown>) => {
        try {
          await f(ch);
        } catch {
          ch = await open();
        }
      };
      for (const q of declaredQueues) await attempt((x) => x.deleteQueue(q));
      for (const e of declaredExchanges) await attempt((x) => x.deleteExchange(e));
      await c.close().catch(() => undefined);
    },
    async close() {
      for (const s of [...subs]) {
        s.closed = true;
        if (s.channel && s.tag) await s.channel.cancel(s.tag).catch(() => undefined);
      }
      await Promise.all([...subs].map((s) => s.inFlight.idle()));
      closing = true;
      await conn?.close().catch(() => undefined);
    },
  };
}
