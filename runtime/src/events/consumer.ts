/**
 * A consumer: parse → check the envelope → validate → upcast → de-duplicate
 * → dispatch, with retries and backoff, then dead-letter. Nothing is dropped:
 * every message either reaches the handler or the dead-letter destination
 * with a reason.
 */
import type { EventBindings } from './bindings.js';
import { envelopeProblem, type EventEnvelope } from './envelope.js';
import type { ProcessedEventStore } from './idempotency.js';
import { backoffDelay, type RetryPolicy } from './retry.js';
import { bodyText, type Delivery, type Subscription, type Transport } from './transport.js';
import { upcast, type UpcasterMap } from './upcast.js';
import { checkEvent, type EventVersionSpec } from './validation.js';
import { context, type Span } from '@opentelemetry/api';
import { startConsumerSpan } from '../tracing/messaging.js';
import { recordFailure } from '../tracing/status.js';

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
  retry?: RetryPolicy | undefined;
  /** Processed-event store; without one, redeliveries reach the handler again. */
  store?: ProcessedEventStore<Tx> | undefined;
  concurrency?: number | undefined;
  /** Told about every dead-letter and handler error (logging). */
  onEvent?: ConsumerObserver | undefined;
  /** The operation's bindings (generated from the contract): queue, exchange, qos, dead-letter destination… */
  bindings?: EventBindings | undefined;
  /**
   * OpenTelemetry `process <address>` spans continuing the producer's trace context from the message headers, with
   * the handler run in the span's context (default true; a no-op until the application installs an SDK).
   */
  tracing?: boolean | undefined;
}

/** What a consumer reports to `onEvent`: dead-letters, retries, duplicates and handled events. */
export type ConsumerObserver = (info: { kind: 'dead-letter' | 'retry' | 'duplicate' | 'handled'; reason?: string; eventId?: string }) => void;

/** Options of a generated `consume…` function: everything but what the contract already says. */
export interface ConsumeOptions<E extends EventEnvelope, Tx = undefined> {
  handler: (event: E, ctx: HandlerContext<Tx>) => Promise<void>;
  /** Consumer group (default `<contract>.<operationId>`). */
  group?: string | undefined;
  store?: ProcessedEventStore<Tx> | undefined;
  retry?: RetryPolicy | undefined;
  concurrency?: number | undefined;
  onEvent?: ConsumerObserver | undefined;
  /** `process` spans continuing the producer's trace (default true; see {@link ConsumerOptions.tracing}). */
  tracing?: boolean | undefined;
}

/** A started consumer. */
export interface Consumer {
  /** Stops taking deliveries; resolves when in-flight handlers have finished. */
  close(): Promise<void>;
}

/** What the consumer precomputes per event type, so a delivery does no list scans. */
interface Accepted {
  event: ConsumedEvent;
  known: number[];
  latest: number;
  latestSpec: EventVersionSpec;
  byVersion: Map<number, EventVersionSpec>;
}

/**
 * The handler's context. A class with getters, not an object literal: it is
 * built once per delivery and the transport's headers stay undecoded unless
 * the handler reads them.
 */
class Context<Tx> implements HandlerContext<Tx> {
  constructor(
    private readonly d: Delivery,
    readonly publishedVersion: number,
    readonly tx: Tx,
  ) {}
  get attempt(): number {
    return this.d.attempt;
  }
  get address(): string {
    return this.d.address;
  }
  get headers(): Record<string, string> {
    return this.d.headers;
  }
}

/** Starts consuming. */
export async function createConsumer<E extends EventEnvelope, Tx = undefined>(options: ConsumerOptions<E, Tx>): Promise<Consumer> {
  const byType = new Map<string, Accepted>();
  for (const event of options.events) {
    const known = event.versions.map((v) => v.version);
    const latest = Math.max(...known);
    byType.set(event.eventType, { event, known, latest, latestSpec: event.versions.find((v) => v.version === latest)!, byVersion: new Map(event.versions.map((v) => [v.version, v])) });
  }
  const retry = options.retry ?? {};
  const maxAttempts = retry.maxAttempts ?? 5;
  const notify = options.onEvent;
  const { store, handler, group } = options;

  // the span of the delivery being checked (set around the synchronous checks; handlers see it through the context)
  let checking: Span | undefined;
  const deadLetter = (d: Delivery, reason: string, eventId?: string): Promise<void> => {
    notify?.({ kind: 'dead-letter', reason, ...(eventId ? { eventId } : {}) });
    if (checking?.isRecording()) {
      checking.setAttribute('contractkit.messaging.dead_letter_reason', reason);
      recordFailure(checking, new Error(reason), 'dead_letter');
    }
    return d.deadLetter(reason);
  };

  /** A handler failure: retry with backoff, or dead-letter once the attempts are used up. */
  const failed = (d: Delivery, eventId: string, err: unknown, span: Span | undefined = checking): Promise<void> => {
    const message = (err as Error)?.message ?? String(err);
    if (span) recordFailure(span, err);
    if (d.attempt >= maxAttempts) return deadLetter(d, `handler failed ${d.attempt} times; last error: ${message}`, eventId);
    notify?.({ kind: 'retry', reason: message, eventId });
    return d.retry(backoffDelay(retry, d.attempt));
  };

  // Not `async`: the checks are synchronous and the handler's promise is chained once (no promise per step).
  function onDelivery(d: Delivery): Promise<void> {
    const span = checking;
    let body: unknown;
    try {
      body = JSON.parse(bodyText(d.body));
    } catch (err) {
      return deadLetter(d, `malformed message: not JSON (${(err as Error).message})`);
    }
    const problem = envelopeProblem(body);
    if (problem) return deadLetter(d, `malformed message: ${problem}`);
    const envelope = body as EventEnvelope;
    const accepted = byType.get(envelope.eventType);
    if (!accepted) return deadLetter(d, `unexpected event type ${envelope.eventType} on ${options.address}`, envelope.eventId);
    const { event, known, latest } = accepted;
    const spec = accepted.byVersion.get(envelope.eventVersion);
    if (!spec) {
      const reason = envelope.eventVersion > latest
        ? `${envelope.eventType} version ${envelope.eventVersion} is newer than the latest this consumer knows (${latest})`
        : `${envelope.eventType} version ${envelope.eventVersion} is unknown to this consumer (known: ${known.join(', ')})`;
      return deadLetter(d, reason, envelope.eventId);
    }
    const invalid = checkEvent(spec, envelope);
    if (invalid) return deadLetter(d, `invalid ${envelope.eventType} v${envelope.eventVersion}: ${invalid.join('; ')}`, envelope.eventId);
    let current = envelope;
    if (envelope.eventVersion !== latest) {
      let up: ReturnType<typeof upcast>;
      try {
        up = upcast(envelope, latest, event.upcasters ?? {}, known);
      } catch (err) {
        return deadLetter(d, `upcasting ${envelope.eventType} v${envelope.eventVersion} → v${latest} failed: ${(err as Error)?.message ?? String(err)}`, envelope.eventId);
      }
      if (!up.ok) return deadLetter(d, up.reason, envelope.eventId);
      const bad = checkEvent(accepted.latestSpec, up.envelope);
      if (bad) return deadLetter(d, `upcasting ${envelope.eventType} v${envelope.eventVersion} → v${latest} gave an invalid event: ${bad.join('; ')}`, envelope.eventId);
      current = up.envelope;
    }

    const eventId = envelope.eventId;
    let running: Promise<unknown>;
    try {
      running = store
        ? store.runOnce(group, eventId, (tx) => handler(current as E, new Context(d, envelope.eventVersion, tx)))
        : handler(current as E, new Context(d, envelope.eventVersion, undefined as Tx));
    } catch (err) {
      return failed(d, eventId, err);
    }
    if (typeof (running as Promise<unknown> | undefined)?.then !== 'function') running = Promise.resolve(running); // a handler that is not async
    return running.then(
      (ran) => {
        notify?.({ kind: ran === false ? 'duplicate' : 'handled', eventId });
        // most clients ack synchronously: returning nothing then saves the promise-resolution turns
        const acked = d.ack();
        if (acked) return acked;
      },
      (err: unknown) => failed(d, eventId, err, span),
    );
  }

  // what escapes synchronously (a bug in a validator or a transport's dead-letter) becomes a rejection the transport handles
  const guarded = (d: Delivery): Promise<void> => {
    try {
      return onDelivery(d);
    } catch (err) {
      return Promise.reject(err);
    }
  };
  const system = options.transport.name;
  const tracedDelivery = (d: Delivery): Promise<void> => {
    const headers = d.headers;
    const { span, context: ctx } = startConsumerSpan({ system, destination: d.address, template: options.address, group, messageId: headers['event-id'], conversationId: headers['correlation-id'] }, headers);
    if (span.isRecording()) span.setAttribute('messaging.message.delivery_attempt', d.attempt);
    checking = span;
    let running: Promise<void>;
    try {
      running = context.with(ctx, guarded, undefined, d);
    } finally {
      checking = undefined;
    }
    if (!span.isRecording()) return running; // nothing to end (no SDK): no extra promise per delivery
    return running.then(
      () => span.end(),
      (err: unknown) => {
        recordFailure(span, err);
        span.end();
        throw err;
      },
    );
  };
  const sub: Subscription = await options.transport.subscribe(
    { address: options.address, group: options.group, ...(options.concurrency ? { concurrency: options.concurrency } : {}), ...(options.bindings ? { bindings: options.bindings } : {}) },
    options.tracing === false ? guarded : tracedDelivery,
  );
  return { close: () => sub.close() };
}
