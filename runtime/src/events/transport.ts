/**
 * What every transport offers. A transport moves bytes with metadata and
 * handles delivery mechanics (acks, delayed redelivery, dead-letter
 * destinations); validation, upcasting, retries policy and idempotency live
 * in the consumer so they behave the same on every broker.
 */
import type { EventBindings } from './bindings.js';

/** A message leaving a producer. */
export interface OutgoingMessage {
  /** JSON body (the envelope). */
  body: Uint8Array;
  /** Mirrored envelope fields plus any user headers. */
  headers: Record<string, string>;
  /** Partition/ordering key (Kafka) — the aggregateId. */
  key?: string;
  /** Broker-side de-duplication id (NATS `Nats-Msg-Id`); defaults to the `event-id` header. */
  messageId?: string;
  /** What the contract says about the operation on each broker (exchange, qos, topic…); each transport reads its part. */
  bindings?: EventBindings;
}

/** One delivery of a message to a consumer. */
export interface Delivery {
  body: Uint8Array;
  headers: Record<string, string>;
  /** The concrete address it was published to (`order.cancelled.42`). */
  address: string;
  /** 1 for the first delivery, counting redeliveries and retries. */
  attempt: number;
  /** Done: the broker may forget it. Synchronous where the client's ack is (nothing to wait for). */
  ack(): Promise<void> | void;
  /** Deliver again after `delayMs` (with attempt + 1). */
  retry(delayMs: number): Promise<void>;
  /** Move to the dead-letter destination with `reason`, then forget it here. */
  deadLetter(reason: string): Promise<void>;
}

/** A subscription request. */
export interface SubscribeOptions {
  /** Channel address pattern; `{param}` segments match any single segment. */
  address: string;
  /** Consumer group: members share the work, each group gets every message. */
  group: string;
  /** Deliveries in flight at once (default 1: in order). */
  concurrency?: number;
  /** What the contract says about the operation on each broker (queue, exchange, qos, dead-letter destination…). */
  bindings?: EventBindings;
}

/** A running subscription. */
export interface Subscription {
  /** Stops taking new deliveries and waits for the in-flight ones to finish. */
  close(): Promise<void>;
}

/** A broker adapter. */
export interface Transport {
  readonly name: string;
  /** Publishes and resolves once the broker has confirmed it (publisher confirms, PubAck, PUBACK). */
  publish(address: string, message: OutgoingMessage): Promise<void>;
  subscribe(options: SubscribeOptions, onDelivery: (delivery: Delivery) => Promise<void>): Promise<Subscription>;
  /** Closes subscriptions and connections gracefully. */
  close(): Promise<void>;
}

/** `order.cancelled.{orderId}` → `['order', 'cancelled', '*']` style pattern with `wildcard` for parameters. */
export function addressPattern(address: string, wildcard: string): string {
  return address.replace(/\{[^}]+\}/g, wildcard);
}

/** True when `address` matches a pattern whose parameter segments are `{…}`. */
export function matchesAddress(pattern: string, address: string): boolean {
  const re = new RegExp('^' + pattern.split(/\{[^}]+\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^./]+') + '$');
  return re.test(address);
}

/** Header value as text (brokers hand back Buffers, numbers or strings). */
export function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return String(value);
}

/** A channel parameter value as one address segment; refuses values that would change the routing (`.`, `/`, wildcards, spaces). */
export function addressSegment(value: string | number, name: string): string {
  const text = String(value);
  if (text === '' || /[.\/*>#+\s]/.test(text)) throw new Error(`Channel parameter \`${name}\` must be one non-empty address segment without . / * > # + or spaces; got ${JSON.stringify(text)}.`);
  return text;
}

/** A message body as text, without copying it (`Buffer.from(uint8array)` would copy). */
export function bodyText(body: Uint8Array): string {
  return (Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)).toString('utf8');
}

/** A message body as a Buffer, without copying it. */
export function bodyBuffer(body: Uint8Array): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/** Counts in-flight deliveries: a slot limit for pull consumers and a wait for graceful shutdown, without a promise per delivery. */
export interface InFlight {
  readonly size: number;
  /** Counts `job` until it settles; `onError` gets its failure (one promise per job, whatever happens). */
  track(job: Promise<void>, onError: (err: unknown) => void): void;
  /** Resolves when fewer than `limit` are in flight. */
  below(limit: number): Promise<void> | undefined;
  /** Resolves when none is in flight. */
  idle(): Promise<void>;
}

/** Creates an {@link InFlight} counter. */
export function createInFlight(): InFlight {
  let size = 0;
  let waiters: { limit: number; resolve: () => void }[] = [];
  const done = () => {
    size--;
    if (waiters.length === 0) return;
    const ready = waiters.filter((w) => size < w.limit);
    if (ready.length === 0) return;
    waiters = waiters.filter((w) => size >= w.limit);
    for (const w of ready) w.resolve();
  };
  const wait = (limit: number) => new Promise<void>((resolve) => waiters.push({ limit, resolve }));
  return {
    get size() {
      return size;
    },
    track(job, onError) {
      size++;
      job.then(done, (err: unknown) => {
        done();
        onError(err);
      });
    },
    below: (limit) => (size < limit ? undefined : wait(limit)),
    idle: () => (size === 0 ? Promise.resolve() : wait(1)),
  };
}
