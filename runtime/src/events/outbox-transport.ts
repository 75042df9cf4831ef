/**
 * A transport whose publishes go through the transactional outbox: `publish`
 * writes the message as an outbox row and a relay publishes it on the inner
 * transport; subscriptions are the inner transport's. Code that takes a
 * transport (generated producers, saga participants) gets the outbox without
 * changing: pass this instead of the broker's transport.
 *
 * A message id already in the table is not a second row. While that row is
 * unsent the publish is a no-op (one row, one delivery); once it has been
 * sent, the publish marks it unsent again, so the relay sends it again — as a
 * direct re-publish would. A saga step retried after a crash re-sends its
 * command under the same deterministic eventId and must reach the participant
 * again to get its reply (the participant's idempotent consumer applies it once).
 */
import { createOutboxRelay, insertOutboxRow, storedMessageHeaders, type OutboxRelay } from './outbox.js';
import { migrate, tableName, type PgClientLike, type PgPoolLike } from './pg.js';
import { bodyText, type OutgoingMessage, type Transport } from './transport.js';

/** Options of {@link createOutboxTransport}. */
export interface OutboxTransportOptions {
  /** The PostgreSQL pool of the outbox table. */
  pool: PgPoolLike;
  /** The broker's transport: the relay publishes on it, subscriptions are its own. */
  inner: Transport;
  /** Outbox table, optionally schema-qualified (default `contractkit_outbox`; the schema must exist). */
  table?: string;
  /** Run a relay polling the table onto `inner` from now until `close` (default true). false: pump `relay.relayOnce()` yourself or run a relay elsewhere. */
  startRelay?: boolean;
  /** The relay's rows per transaction (default 100). */
  batchSize?: number;
  /** The relay's wait between empty polls (default 200 ms); a publish wakes it at once. */
  pollIntervalMs?: number;
  /** Errors of the relay's polls (it keeps polling). */
  onError?: (err: unknown) => void;
}

/** A transport publishing through the outbox. */
export interface OutboxTransport extends Transport {
  /** The broker's transport. */
  readonly inner: Transport;
  /** The relay from the table to `inner` (started unless `startRelay: false`). */
  readonly relay: OutboxRelay;
  /**
   * This transport with publishes written in the caller's transaction `tx`:
   * they commit or roll back with the business write. The relay sends them
   * after the commit (at its next poll, or at once on `relay.wake()`).
   * Closing the view closes nothing.
   */
  within(tx: PgClientLike): Transport;
  /** Stops the relay after its current batch, then closes `inner`. */
  close(): Promise<void>;
}

/** Wraps `inner` so that its publishes go through the outbox table, with a relay onto `inner`. */
export function createOutboxTransport(options: OutboxTransportOptions): OutboxTransport {
  const { pool, inner } = options;
  if (!pool || typeof pool.connect !== 'function') throw new Error('createOutboxTransport: `pool` must be a pg Pool (an object with connect()).');
  if (!inner || typeof inner.publish !== 'function') throw new Error('createOutboxTransport: `inner` must be a Transport (the broker the relay publishes on).');
  const table = tableName(options.table ?? 'contractkit_outbox');
  const relay = createOutboxRelay({
    pool,
    transport: inner,
    table,
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  async function write(client: PgClientLike, address: string, message: OutgoingMessage): Promise<void> {
    await migrate(pool, { outbox: table });
    const envelope = envelopeOf(address, message);
    const messageId = message.messageId ?? message.headers['event-id'] ?? envelope.eventId;
    // a re-publish of a sent row arms it again; one still unsent stays as it is
    await insertOutboxRow(client, table, { messageId, eventId: envelope.eventId, address, envelope, headers: storedMessageHeaders(message) }, 'rearm');
  }

  const transport: OutboxTransport = {
    name: `outbox(${inner.name})`,
    inner,
    relay,
    async publish(address, message) {
      const c = await pool.connect();
      try {
        await write(c, address, message);
      } finally {
        c.release();
      }
      relay.wake();
    },
    subscribe: (subscription, onDelivery) => inner.subscribe(subscription, onDelivery),
    within: (tx) => ({
      name: transport.name,
      publish: (address, message) => write(tx, address, message),
      subscribe: (subscription, onDelivery) => inner.subscribe(subscription, onDelivery),
      close: async () => undefined,
    }),
    async close() {
      await relay.stop();
      await inner.close();
    },
  };
  if (options.startRelay !== false) relay.start();
  return transport;
}

/** The envelope in a message's body; the outbox stores envelopes (the relay re-encodes them as the producer does). */
function envelopeOf(address: string, message: OutgoingMessage): { eventId: string } & Record<string, unknown> {
  let envelope: unknown;
  try {
    envelope = JSON.parse(bodyText(message.body));
  } catch {
    envelope = undefined;
  }
  const eventId = (envelope as { eventId?: unknown } | undefined)?.eventId;
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope) || typeof eventId !== 'string' || eventId === '') {
    throw new Error(`Outbox transport: the message to ${address} is not an event envelope (a JSON object with an eventId), so the outbox cannot store it; publish events through a producer, or other messages on the inner transport.`);
  }
  return envelope as { eventId: string } & Record<string, unknown>;
}
