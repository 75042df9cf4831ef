/**
 * RabbitMQ through amqplib (an optional peer dependency, loaded here only):
 * a durable topic exchange, a durable queue per consumer group, publisher
 * confirms, a dead-letter exchange with a `<group>.dlq` queue, retries through
 * per-delay queues whose TTL dead-letters back into the group's queue, and
 * reconnection that re-declares the topology and the consumers.
 */
import { addressPattern, headerText, type Delivery, type OutgoingMessage, type SubscribeOptions, type Subscription, type Transport } from '../transport.js';

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
  inFlight: Set<Promise<void>>;
  closed: boolean;
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

  /** Publishes with a confirm; waits for `drain` under back-pressure. */
  async function confirmedPublish(ex: string, routingKey: string, body: Buffer, props: import('amqplib').Options.Publish): Promise<void> {
    const ch = await channel();
    await new Promise<void>((resolve, reject) => {
      const ok = ch.publish(ex, routingKey, body, props, (err) => (err ? reject(err instanceof Error ? err : new Error('message nacked by the broker')) : resolve()));
      if (!ok) ch.once('drain', () => undefined);
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
      const p = handle(s, ch, msg).finally(() => s.inFlight.delete(p));
      s.inFlight.add(p);
    });
    s.tag = consumerTag;
  }

  async function handle(s: SubState, ch: Channel, msg: ConsumeMessage): Promise<void> {
    const raw = msg.properties.headers ?? {};
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) {
      const t = headerText(v);
      if (t !== undefined && !k.startsWith('x-death')) headers[k] = t;
    }
    const attempt = Number(headers['x-attempt'] ?? '1') || 1;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      try {
        f();
      } catch {
        // the channel died: the broker redelivers the message to the next consumer
      }
    };
    const props = (extra: Record<string, string>) => ({
      ...msg.properties,
      headers: { ...headers, ...extra },
      persistent: true,
    });
    const delivery: Delivery = {
      body: msg.content,
      headers,
      address: msg.fields.routingKey,
      attempt,
      ack: async () => settle(() => ch.ack(msg)),
      retry: async (delayMs) => {
        const q = `${s.options.group}.retry.${delayMs}`;
        if (!retryQueues.has(q)) {
          const pc = await channel();
          await pc.assertQueue(q, { durable: true, messageTtl: delayMs, deadLetterExchange: '', deadLetterRoutingKey: s.options.group });
          retryQueues.add(q);
          declaredQueues.add(q);
        }
        await confirmedPublish('', q, msg.content, props({ 'x-attempt': String(attempt + 1), 'x-original-routing-key': msg.fields.routingKey }));
        settle(() => ch.ack(msg));
      },
      deadLetter: async (reason) => {
        await confirmedPublish(dlx, s.options.group, msg.content, props({ 'x-dead-letter-reason': reason, 'x-original-routing-key': msg.fields.routingKey, 'x-attempt': String(attempt) }));
        settle(() => ch.ack(msg));
      },
    };
    try {
      await s.onDelivery(delivery);
    } catch {
      // the consumer settles every outcome itself; an escape here is a bug, so let the broker redeliver
      settle(() => ch.nack(msg, false, true));
    }
  }

  ready = connect();
  await ready;

  return {
    name: 'rabbitmq',
    deadLetterQueue: (group) => `${group}.dlq`,
    async publish(address: string, message: OutgoingMessage) {
      const h = message.headers;
      await confirmedPublish(exchange, address, Buffer.from(message.body), {
        persistent: true,
        contentType: 'application/json',
        messageId: h['event-id'],
        type: h['event-type'],
        correlationId: h['correlation-id'],
        timestamp: Math.floor(Date.now() / 1000),
        headers: h,
      });
    },
    async subscribe(o: SubscribeOptions, onDelivery): Promise<Subscription> {
      await ready;
      const s: SubState = { options: o, onDelivery, inFlight: new Set(), closed: false };
      subs.add(s);
      await startConsumer(s);
      return {
        async close() {
          s.closed = true;
          subs.delete(s);
          // stop new deliveries, let in-flight handlers finish and settle, then close the channel
          if (s.channel && s.tag) await s.channel.cancel(s.tag).catch(() => undefined);
          await Promise.all([...s.inFlight]);
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
      await Promise.all([...subs].flatMap((s) => [...s.inFlight]));
      closing = true;
      await conn?.close().catch(() => undefined);
    },
  };
}
