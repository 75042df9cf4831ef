/**
 * A consumer: parse → check the envelope → validate → upcast → de-duplicate
 * → dispatch, with retries and backoff, then dead-letter. Nothing is dropped:
 * every message either reaches the handler or the dead-letter destination
 * with a reason.
 */
import { envelopeProblem, type EventEnvelope } from './envelope.js';
import type { ProcessedEventStore } from './idempotency.js';
import { backoffDelay, type RetryPolicy } from './retry.js';
import type { Delivery, Subscription, Transport } from './transport.js';
import { upcast, type UpcasterMap } from './upcast.js';
import { checkEvent, type EventVersionSpec } from './validation.js';

/** One event type a consumer accepts, with every version it knows. */
export interface ConsumedEvent {
  eventType: string;
  versions: EventVersionSpec[];
  upcasters?: UpcasterMap;
}

/** What a handler gets besides the event. */
export interface HandlerContext<Tx = undefined> {
  /** The delivery attempt (1 = first). */
  attempt: number;
  /** The version the event was published in (before upcasting). */
  publishedVersion: number;
  /** The processed-event store's transaction (PostgreSQL: do business writes here). */
  tx: Tx;
  address: string;
  headers: Record<string, string>;
}

/** Options of {@link createConsumer}. */
export interface ConsumerOptions<E extends EventEnvelope, Tx = undefined> {
  transport: Transport;
  /** Channel address (pattern) to subscribe to. */
  address: string;
  /** Consumer group (durable queue / durable consumer name). */
  group: string;
  events: ConsumedEvent[];
  handler: (event: E, ctx: HandlerContext<Tx>) => Promise<void>;
  retry?: RetryPolicy;
  /** Processed-event store; without one, redeliveries reach the handler again. */
  store?: ProcessedEventStore<Tx>;
  concurrency?: number;
  /** Told about every dead-letter and handler error (logging). */
  onEvent?: (info: { kind: 'dead-letter' | 'retry' | 'duplicate' | 'handled'; reason?: string; eventId?: string }) => void;
}

/** Options of a generated `consume…` function: everything but what the contract already says. */
export interface ConsumeOptions<E extends EventEnvelope, Tx = undefined> {
  handler: (event: E, ctx: HandlerContext<Tx>) => Promise<void>;
  /** Consumer group (default `<contract>.<operationId>`). */
  group?: string;
  store?: ProcessedEventStore<Tx>;
  retry?: RetryPolicy;
  concurrency?: number;
  onEvent?: ConsumerOptions<E, Tx>['onEvent'];
}

/** A started consumer. */
export interface Consumer {
  /** Stops taking deliveries; resolves when in-flight handlers have finished. */
  close(): Promise<void>;
}

/** Starts consuming. */
export async function createConsumer<E extends EventEnvelope, Tx = undefined>(options: ConsumerOptions<E, Tx>): Promise<Consumer> {
  const byType = new Map(options.events.map((e) => [e.eventType, e]));
  const retry = options.retry ?? {};
  const maxAttempts = retry.maxAttempts ?? 5;
  const notify = options.onEvent ?? (() => undefined);

  const deadLetter = async (d: Delivery, reason: string, eventId?: string) => {
    notify({ kind: 'dead-letter', reason, ...(eventId ? { eventId } : {}) });
    await d.deadLetter(reason);
  };

  async function onDelivery(d: Delivery): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(d.body).toString('utf8'));
    } catch (err) {
      return deadLetter(d, `malformed message: not JSON (${(err as Error).message})`);
    }
    const problem = envelopeProblem(body);
    if (problem) return deadLetter(d, `malformed message: ${problem}`);
    const envelope = body as EventEnvelope;
    const event = byType.get(envelope.eventType);
    if (!event) return deadLetter(d, `unexpected event type ${envelope.eventType} on ${options.address}`, envelope.eventId);
    const versions = event.versions.map((v) => v.version);
    const latest = Math.max(...versions);
    const spec = event.versions.find((v) => v.version === envelope.eventVersion);
    if (!spec) {
      const reason = envelope.eventVersion > latest
        ? `${envelope.eventType} version ${envelope.eventVersion} is newer than the latest this consumer knows (${latest})`
        : `${envelope.eventType} version ${envelope.eventVersion} is unknown to this consumer (known: ${versions.join(', ')})`;
      return deadLetter(d, reason, envelope.eventId);
    }
    const invalid = checkEvent(spec, envelope);
    if (invalid) return deadLetter(d, `invalid ${envelope.eventType} v${envelope.eventVersion}: ${invalid.join('; ')}`, envelope.eventId);
    let up: ReturnType<typeof upcast>;
    try {
      up = upcast(envelope, latest, event.upcasters ?? {}, versions);
    } catch (err) {
      return deadLetter(d, `upcasting ${envelope.eventType} v${envelope.eventVersion} → v${latest} failed: ${(err as Error)?.message ?? String(err)}`, envelope.eventId);
    }
    if (!up.ok) return deadLetter(d, up.reason, envelope.eventId);
    if (envelope.eventVersion !== latest) {
      const latestSpec = event.versions.find((v) => v.version === latest)!;
      const bad = checkEvent(latestSpec, up.envelope);
      if (bad) return deadLetter(d, `upcasting ${envelope.eventType} v${envelope.eventVersion} → v${latest} gave an invalid event: ${bad.join('; ')}`, envelope.eventId);
    }

    const ctxBase = { attempt: d.attempt, publishedVersion: envelope.eventVersion, address: d.address, headers: d.headers };
    try {
      const run = (tx: Tx) => options.handler(up.envelope as E, { ...ctxBase, tx });
      const ran = options.store ? await options.store.runOnce(options.group, envelope.eventId, run) : (await run(undefined as Tx), true);
      notify({ kind: ran ? 'handled' : 'duplicate', eventId: envelope.eventId });
      await d.ack();
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      if (d.attempt >= maxAttempts) return deadLetter(d, `handler failed ${d.attempt} times; last error: ${message}`, envelope.eventId);
      notify({ kind: 'retry', reason: message, eventId: envelope.eventId });
      await d.retry(backoffDelay(retry, d.attempt));
    }
  }

  const sub: Subscription = await options.transport.subscribe(
    { address: options.address, group: options.group, ...(options.concurrency ? { concurrency: options.concurrency } : {}) },
    onDelivery,
  );
  return { close: () => sub.close() };
}
