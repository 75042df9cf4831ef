/**
 * RabbitMQ through amqplib (an optional peer dependency, loaded here only):
 * a durable topic exchange, a durable queue per consumer group, publisher
 * confirms, a dead-letter exchange with a `<group>.dlq` queue, retries through
 * per-delay queues whose TTL dead-letters back into the group's queue, and
 * reconnection that re-declares the topology and the consumers.
 */
import { addressPattern, bodyBuffer, createInFlight, headerText, type Delivery, type InFlight, type OutgoingMessage, type SubscribeOptions, type Subscription, type Transport } from '../transport.js';

/** Options of {@link createRabbitMqTransport}. */
export interface RabbitMqOptions {
  /** `amqp://guest:guest@127.0.0.1:5672`. */
  url: string;
  /** Topic exchange events are published to (default `contractkit.events`). */
  exchange?: string;
  /** Dead-letter exchange (default `<exchange>.dlx`). */
  deadLetterExchange?: string;
  /** Reconnection delays: first and maximum (default 200 ms, 10 s). */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Told about connection losses and recoveries. */
  onConnectionEvent?: (event: 'lost' | 'recovered', error?: unknown) => void;
}

/** What tests and operators may want beyond {@link Transport}. */
export interface RabbitMqTransport extends Transport {
  /** Dead-letter queue of a group. */
  deadLetterQueue(group: string): string;
  /** Deletes the exchanges and the queues this transport declared (tests). */
  deleteTopology(): Promise<void>;
}

type Amqp = typeof import('amqplib');
type Conn = import('amqplib').ChannelModel;
type ConfirmChannel = import('amqplib').ConfirmChannel;
type Channel = import('amqplib').Channel;
type ConsumeMessage = import('amqplib').ConsumeMessage;

interface SubState {
  options: SubscribeOptions;
  onDelivery: (d: Delivery) => Promise<void>;
  channel?: Channel;
  tag?: string;
  inFlight: InFlight;
  closed: boolean;
}

type Props = import('amqplib').Options.Publish;

/**
 * Envelope fields that travel as AMQP properties (`messageId`, `correlationId`)
 * instead of table headers: a table costs encoding on both ends and bytes per
 * message; consumers still see them as `event-id` / `correlation-id` headers.
 */
const IN_PROPERTIES = new Set(['event-id', 'correlation-id']);

/** Publish properties of an outgoing message: mirrored envelope fields as properties, the rest as headers. */
export function amqpProperties(message: OutgoingMessage): Props {
  const h = message.headers;
  const headers: Record<string, string> = {};
  for (const k in h) if (!IN_PROPERTIES.has(k)) headers[k] = h[k]!;
  return {
    persistent: true,
    contentType: 'application/json',
    messageId: h['event-id'],
    type: h['event-type'],
    correlationId: h['correlation-id'],
    timestamp: Math.floor(Date.now() / 1000),
    headers,
  };
}

/** A delivery's headers as text, with `event-id`/`correlation-id` restored from the properties. */
function deliveryHeaders(msg: ConsumeMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = msg.properties.headers;
  if (raw) {
    for (const k in raw) {
      if (k.startsWith('x-death')) continue;
      const t = headerText(raw[k]);
      if (t !== undefined) headers[k] = t;
    }
  }
  const { messageId, correlationId } = msg.properties;
  if (headers['event-id'] === undefined && typeof messageId === 'string') headers['event-id'] = messageId;
  if (headers['correlation-id'] === undefined && typeof correlationId === 'string') headers['correlation-id'] = correlationId;
  return headers;
}

/** Connects to RabbitMQ and returns the transport. */
export async function createRabbitMqTransport(options: RabbitMqOptions): Promise<RabbitMqTransport> {
  const amqp: Amqp = await import('amqplib');
  const exchange = options.exchange ?? 'contractkit.events';
  const dlx = options.deadLetterExchange ?? `${exchange}.dlx`;
  const subs = new Set<SubState>();
  const declaredQueues = new Set<string>();
  const retryQueues = new Set<string>();
  let conn: Conn | undefined;
  let pub: ConfirmChannel | undefined;
  let ready: Promise<void>;
  let closing = false;

  async function connect(): Promise<void> {
    const c = await amqp.connect(options.url);
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
    await ch.assertExchange(exchange, 'topic', { durable: true });
    await ch.assertExchange(dlx, 'direct', { durable: true });
    conn = c;
    pub = ch;
    retryQueues.clear();
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

  // set while the publish channel's buffer is full: later publishes wait for `drain`
  let blocked: Promise<void> | undefined;

  /** Publishes and resolves on the broker's confirm; under back-pressure, later publishes wait for `drain`. */
  function confirmedPublish(ex: string, routingKey: string, body: Buffer, props: Props): Promise<void> {
    // the fast path is synchronous: no extra turn per message while connected and not blocked
    if (!pub || blocked) return (blocked ?? channel()).then(() => confirmedPublish(ex, routingKey, body, props));
    const ch = pub;
    return new Promise<void>((resolve, reject) => {
      const ok = ch.publish(ex, routingKey, body, props, (err) => (err ? reject(err instanceof Error ? err : new Error('message nacked by the broker')) : resolve()));
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

  async function declareGroupQueue(ch: Channel, s: SubState): Promise<void> {
    const q = s.options.group;
    await ch.assertExchange(dlx, 'direct', { durable: true });
    await ch.assertQueue(`${q}.dlq`, { durable: true });
    await ch.bindQueue(`${q}.dlq`, dlx, q);
    await ch.assertQueue(q, { durable: true, deadLetterExchange: dlx, deadLetterRoutingKey: q });
    await ch.bindQueue(q, exchange, addressPattern(s.options.address, '*'));
    declaredQueues.add(q).add(`${q}.dlq`);
  }

  async function startConsumer(s: SubState): Promise<void> {
    const ch = await conn!.createChannel();
    ch.on('error', () => undefined);
    await declareGroupQueue(ch, s);
    await ch.prefetch(s.options.concurrency ?? 1);
    s.channel = ch;
    const { consumerTag } = await ch.consume(s.options.group, (msg) => {
      if (!msg) return; // cancelled by the server (queue deleted)
      const d = new RabbitDelivery(msg, ch, s.options.group, exchangeOps);
      // the consumer settles every outcome itself; an escape here is a bug, so let the broker redeliver
      s.inFlight.track(s.onDelivery(d).catch(() => d.settle(false)));
    });
    s.tag = consumerTag;
  }

  const exchangeOps: RetryOps = {
    dlx,
    async ensureRetryQueue(group, delayMs) {
      const q = `${group}.retry.${delayMs}`;
      if (!retryQueues.has(q)) {
        const pc = await channel();
        await pc.assertQueue(q, { durable: true, messageTtl: delayMs, deadLetterExchange: '', deadLetterRoutingKey: group });
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
    deadLetterQueue: (group) => `${group}.dlq`,
    publish(address: string, message: OutgoingMessage) {
      return confirmedPublish(exchange, address, bodyBuffer(message.body), amqpProperties(message));
    },
    async subscribe(o: SubscribeOptions, onDelivery): Promise<Subscription> {
      await ready;
      const s: SubState = { options: o, onDelivery, inFlight: createInFlight(), closed: false };
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
    async deleteTopology() {
      const ch = await channel();
      for (const q of declaredQueues) await ch.deleteQueue(q).catch(() => undefined);
      await ch.deleteExchange(exchange).catch(() => undefined);
      await ch.deleteExchange(dlx).catch(() => undefined);
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

/** What a delivery needs from its transport to retry or dead-letter. */
interface RetryOps {
  dlx: string;
  ensureRetryQueue(group: string, delayMs: number): Promise<string>;
  publish(exchange: string, routingKey: string, body: Buffer, props: Props): Promise<void>;
}

/**
 * One RabbitMQ delivery. A class rather than closures: one is built per
 * message, and its headers are decoded only when someone reads them.
 */
class RabbitDelivery implements Delivery {
  private settled = false;
  private decoded: Record<string, string> | undefined;
  constructor(
    private readonly msg: ConsumeMessage,
    private readonly ch: Channel,
    private readonly group: string,
    private readonly ops: RetryOps,
  ) {}
  get body(): Uint8Array {
    return this.msg.content;
  }
  get address(): string {
    return this.msg.fields.routingKey;
  }
  get headers(): Record<string, string> {
    return (this.decoded ??= deliveryHeaders(this.msg));
  }
  get attempt(): number {
    return Number(headerText(this.msg.properties.headers?.['x-attempt']) ?? '1') || 1;
  }
  /** Acks (or, with `ok` false, requeues) once. */
  settle(ok: boolean): void {
    if (this.settled) return;
    this.settled = true;
    try {
      if (ok) this.ch.ack(this.msg);
      else this.ch.nack(this.msg, false, true);
    } catch {
      // the channel died: the broker redelivers the message to the next consumer
    }
  }
  private props(extra: Record<string, string>): Props {
    return { ...this.msg.properties, headers: { ...this.headers, ...extra }, persistent: true } as Props;
  }
  async ack(): Promise<void> {
    this.settle(true);
  }
  async retry(delayMs: number): Promise<void> {
    const q = await this.ops.ensureRetryQueue(this.group, delayMs);
    await this.ops.publish('', q, this.msg.content, this.props({ 'x-attempt': String(this.attempt + 1), 'x-original-routing-key': this.address }));
    this.settle(true);
  }
  async deadLetter(reason: string): Promise<void> {
    await this.ops.publish(this.ops.dlx, this.group, this.msg.content, this.props({ 'x-dead-letter-reason': reason, 'x-original-routing-key': this.address, 'x-attempt': String(this.attempt) }));
    this.settle(true);
  }
}
