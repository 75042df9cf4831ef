/**
 * One RabbitMQ delivery, with lazily decoded headers, and how it is settled:
 * acknowledged, retried through a delay queue, or dead-lettered.
 */
import { headerText, type Delivery } from '../transport.js';

type Channel = import('amqplib').Channel;
type ConsumeMessage = import('amqplib').ConsumeMessage;
/** amqplib publish options (what retries and dead-letters republish with). */
export type Props = import('amqplib').Options.Publish;

/** A delivery's headers as text, with `event-id`/`correlation-id` restored from the properties. */
export function deliveryHeaders(msg: ConsumeMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = msg.properties.headers;
  if (raw) {
    for (const k in raw) {
      if (k.startsWith('x-death')) continue;
      const t = headerText(raw[k]);
      if (t !== undefined) headers[k] = t;
    }
  }
  const { messageId, correlationId, replyTo } = msg.properties;
  if (headers['event-id'] === undefined && typeof messageId === 'string') headers['event-id'] = messageId;
  if (headers['correlation-id'] === undefined && typeof correlationId === 'string') headers['correlation-id'] = correlationId;
  if (headers['reply-to'] === undefined && typeof replyTo === 'string') headers['reply-to'] = replyTo;
  return headers;
}

/** What a delivery needs from its transport to retry or dead-letter. */
export interface RetryOps {
  dlx: string;
  /** Declares (once) the queue that holds retries of `queue` for `delayMs`, and returns its name. */
  ensureRetryQueue(queue: string, delayMs: number): Promise<string>;
  publish(exchange: string, routingKey: string, body: Buffer, props: Props): Promise<void>;
}

/**
 * One RabbitMQ delivery. A class rather than closures: one is built per
 * message, and its headers are decoded only when someone reads them.
 */
export class RabbitDelivery implements Delivery {
  private settled = false;
  private decoded: Record<string, string> | undefined;
  constructor(
    private readonly msg: ConsumeMessage,
    private readonly ch: Channel,
    /** The queue it came from: retries return there, dead-letters are routed by its name. */
    private readonly queue: string,
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
  ack(): void {
    this.settle(true);
  }
  async retry(delayMs: number): Promise<void> {
    const q = await this.ops.ensureRetryQueue(this.queue, delayMs);
    await this.ops.publish('', q, this.msg.content, this.props({ 'x-attempt': String(this.attempt + 1), 'x-original-routing-key': this.address }));
    this.settle(true);
  }
  async deadLetter(reason: string): Promise<void> {
    await this.ops.publish(this.ops.dlx, this.queue, this.msg.content, this.props({ 'x-dead-letter-reason': reason, 'x-original-routing-key': this.address, 'x-attempt': String(this.attempt) }));
    this.settle(true);
  }
}
