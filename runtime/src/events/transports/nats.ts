/**
 * NATS JetStream through `nats` 2.x (an optional peer dependency, loaded here
 * only): a stream over the channel subjects, a durable pull consumer per
 * group, `Nats-Msg-Id` = eventId for broker-side de-duplication, `nak` with a
 * delay for retries, and dead-lettering by republishing to a dead-letter
 * stream and `term()`-ing the original (JetStream has no dead-letter queue).
 */
import type { ReplyCapable, ReplyInbox, ReplyMessage } from '../request-reply.js';
import { addressPattern, createInFlight, type Delivery, type OutgoingMessage, type SubscribeOptions, type Subscription, type Transport } from '../transport.js';

/** Options of {@link createNatsTransport}. */
export interface NatsOptions {
  /** `127.0.0.1:4222` (or a list). */
  servers: string | string[];
  /** Stream name (created or updated on connect). */
  stream: string;
  /** Subjects the stream holds: channel addresses, `{param}` written as `*` or left as `{param}`. */
  subjects: string[];
  /** Broker-side de-duplication window (default 2 minutes). */
  duplicateWindowMs?: number;
  /** How long a delivery may stay unacknowledged before redelivery (default 30 s). */
  ackWaitMs?: number;
  /** Safety net above the consumer's own retry count (default 100). */
  maxDeliver?: number;
  /** Dead-letter subjects are `<prefix>.<group>` in the stream `<stream>_DLQ` (default prefix `dlq.<stream>`). */
  deadLetterPrefix?: string;
  /** Prefixes every subject (`staging.` + address): environments or test runs sharing one server. */
  subjectPrefix?: string;
  /**
   * Capture an async stack trace for every request (each JetStream publish is
   * one): nats.js's default, about a quarter of the client's CPU per publish.
   * Off by default here (`noAsyncTraces`); turn on to debug timeouts.
   */
  asyncTraces?: boolean;
}

/** The NATS transport plus the names tests look at. */
export interface NatsTransport extends Transport, ReplyCapable {
  readonly deadLetterStream: string;
  deadLetterSubject(group: string): string;
  /** The PubAck `duplicate` flags of the publishes so far (how many the broker dropped as duplicates). */
  readonly stats: { published: number; duplicates: number };
  /** Deletes both streams (tests). */
  deleteStreams(): Promise<void>;
}

/** Durable consumer names may not contain `.`, `*`, `>` or spaces. */
export function durableName(group: string): string {
  return group.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Connects, ensures the streams, returns the transport. */
export async function createNatsTransport(options: NatsOptions): Promise<NatsTransport> {
  const nats = await import('nats');
  const nc = await nats.connect({ servers: options.servers, reconnect: true, maxReconnectAttempts: -1, noAsyncTraces: !options.asyncTraces });
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const dlStream = `${options.stream}_DLQ`;
  const dlPrefix = options.deadLetterPrefix ?? `dlq.${options.stream}`;
  const nanos = (ms: number) => nats.nanos(ms);
  const prefix = options.subjectPrefix ? options.subjectPrefix.replace(/\.?$/, '.') : '';
  const subject = (address: string) => prefix + addressPattern(address, '*');

  async function ensureStream(name: string, subjects: string[]) {
    const cfg = { name, subjects, duplicate_window: nanos(options.duplicateWindowMs ?? 120_000), storage: nats.StorageType.File };
    try {
      await jsm.streams.info(name);
      await jsm.streams.update(name, cfg);
    } catch {
      await jsm.streams.add(cfg);
    }
  }
  await ensureStream(options.stream, options.subjects.map(subject));
  await ensureStream(dlStream, [`${dlPrefix}.>`]);

  const stats = { published: 0, duplicates: 0 };
  const deadSubjects = new Set<string>();
  const deadSubjectOf = new Map<string, string>();
  const subs = new Set<{ stop(): Promise<void> }>();

  const toHeaders = (h: Record<string, string>) => {
    const out = nats.headers();
    for (const k in h) out.set(k, h[k]!);
    return out;
  };
  // the prefixed subject of each address, built once (a publish is hot; the set of addresses is small)
  const subjects = new Map<string, string>();
  const subjectOf = (address: string) => {
    let s = subjects.get(address);
    if (s === undefined) {
      s = prefix + address;
      if (subjects.size < 10_000) subjects.set(address, s);
    }
    return s;
  };

  return {
    name: 'nats',
    deadLetterStream: dlStream,
    deadLetterSubject: (group) => deadSubjectOf.get(group) ?? `${dlPrefix}.${durableName(group)}`,
    stats,
    async publish(address: string, message: OutgoingMessage) {
      const ack = await js.publish(subjectOf(address), message.body, {
        msgID: message.messageId ?? message.headers['event-id']!,
        headers: toHeaders(message.headers),
      });
      stats.published++;
      if (ack.duplicate) stats.duplicates++;
    },
    async subscribe(o: SubscribeOptions, onDelivery): Promise<Subscription> {
      const durable = durableName(o.group);
      const nb = o.bindings?.nats;
      const config = {
        durable_name: durable,
        ack_policy: nats.AckPolicy.Explicit,
        deliver_policy: nats.DeliverPolicy.All,
        filter_subject: subject(o.address),
        max_deliver: nb?.maxDeliver ?? options.maxDeliver ?? 100,
        ack_wait: nanos(nb?.ackWaitMs ?? options.ackWaitMs ?? 30_000),
        max_ack_pending: Math.max(1000, o.concurrency ?? 1),
      };
      try {
        await jsm.consumers.info(options.stream, durable);
        await jsm.consumers.update(options.stream, durable, { ack_wait: config.ack_wait, max_deliver: config.max_deliver });
      } catch {
        await jsm.consumers.add(options.stream, config);
      }
      const consumer = await js.consumers.get(options.stream, durable);
      const messages = await consumer.consume({ max_messages: Math.max(1, o.concurrency ?? 1) * 64 });
      const inFlight = createInFlight();
      const limit = Math.max(1, o.concurrency ?? 1);
      let stopped = false;
      // a dead-letter subject named by the contract (`x-dead-letter`) joins the dead-letter stream's subjects
      const deadSubject = o.bindings?.deadLetter ? prefix + o.bindings.deadLetter : `${dlPrefix}.${durable}`;
      if (o.bindings?.deadLetter) {
        deadSubjects.add(deadSubject);
        await ensureStream(dlStream, [`${dlPrefix}.>`, ...deadSubjects]);
      }
      deadSubjectOf.set(o.group, deadSubject);
      const dead: DeadLetterOps = {
        subject: deadSubject,
        publish: (subj, data, h) => js.publish(subj, data, { headers: toHeaders(h) }).then(() => undefined),
      };

      const loop = (async () => {
        for await (const m of messages) {
          if (stopped) {
            m.nak();
            continue;
          }
          inFlight.track(onDelivery(new NatsDelivery(m, prefix.length, dead)), () => m.nak());
          const full = inFlight.below(limit);
          if (full) await full;
        }
      })();
      const sub = {
        async stop() {
          stopped = true;
          await inFlight.idle();
          await messages.close().catch(() => undefined);
          await loop.catch(() => undefined);
        },
      };
      subs.add(sub);
      return {
        async close() {
          subs.delete(sub);
          await sub.stop();
        },
      };
    },
    async openReplyInbox(onMessage: (m: ReplyMessage) => void, address?: string): Promise<ReplyInbox> {
      // core NATS, not the stream: a reply is for whoever waits now (an inbox subject is unique to this requester)
      const inbox = address ?? nats.createInbox();
      const sub = nc.subscribe(inbox, {
        callback: (err, m) => {
          if (err) return;
          const headers: Record<string, string> = {};
          if (m.headers) for (const [k, v] of m.headers) headers[k] = v[0] ?? '';
          onMessage({ body: m.data, headers });
        },
      });
      // the subscription is registered at the server before the request goes out
      await nc.flush();
      return {
        address: inbox,
        async close() {
          sub.unsubscribe();
        },
      };
    },
    async sendReply(replyTo: string, message: OutgoingMessage) {
      nc.publish(replyTo, message.body, { headers: toHeaders(message.headers) });
      // core publishes have no ack: a flush round trip at least confirms the server has it
      await nc.flush();
    },
    async deleteStreams() {
      await jsm.streams.delete(options.stream).catch(() => false);
      await jsm.streams.delete(dlStream).catch(() => false);
    },
    async close() {
      await Promise.all([...subs].map((s) => s.stop()));
      await nc.drain().catch(() => undefined);
    },
  };
}

/** What a delivery needs to dead-letter. */
interface DeadLetterOps {
  subject: string;
  publish(subject: string, data: Uint8Array, headers: Record<string, string>): Promise<void>;
}

/**
 * One JetStream delivery. A class rather than closures: one is built per
 * message, and its headers and delivery info (parsed from the reply subject)
 * are decoded only when someone reads them.
 */
class NatsDelivery implements Delivery {
  private decoded: Record<string, string> | undefined;
  constructor(
    private readonly m: import('nats').JsMsg,
    private readonly prefixLength: number,
    private readonly dead: DeadLetterOps,
  ) {}
  get body(): Uint8Array {
    return this.m.data;
  }
  get address(): string {
    return this.m.subject.slice(this.prefixLength);
  }
  get headers(): Record<string, string> {
    if (this.decoded) return this.decoded;
    const headers: Record<string, string> = {};
    if (this.m.headers) for (const [k, v] of this.m.headers) headers[k] = v[0] ?? '';
    return (this.decoded = headers);
  }
  get attempt(): number {
    return this.m.info.redeliveryCount;
  }
  // a plain ack, like hand-written code: ackAck would add a round trip per message
  ack(): void {
    this.m.ack();
  }
  async retry(delayMs: number): Promise<void> {
    this.m.nak(delayMs);
  }
  async deadLetter(reason: string): Promise<void> {
    await this.dead.publish(this.dead.subject, this.m.data, { ...this.headers, 'x-dead-letter-reason': reason, 'x-original-subject': this.m.subject, 'x-attempt': String(this.attempt) });
    this.m.term();
  }
}
