/**
 * Transactional outbox on PostgreSQL: the business write and the event row
 * commit in one transaction; a relay claims unsent rows with
 * `FOR UPDATE SKIP LOCKED`, publishes each with the broker's confirmation and
 * marks it sent in the same transaction. A relay that dies mid-batch leaves
 * its rows unsent (the claim is released with the transaction), so the next
 * relay publishes them again: at-least-once, with eventId as the broker
 * message id and the consumers' de-duplication key.
 */
import type { EventBindings } from './bindings.js';
import type { EventEnvelope } from './envelope.js';
import { migrate, tableName, type PgClientLike, type PgPoolLike } from './pg.js';
import { encodeEvent } from './encode.js';
import type { OutgoingMessage, Transport } from './transport.js';
import { assertValidEvent, type EventVersionSpec } from './validation.js';

/** Adds an event to the outbox inside the caller's transaction (validated first). */
export async function enqueueOutboxEvent(
  tx: PgClientLike,
  address: string,
  envelope: EventEnvelope,
  options: { spec?: EventVersionSpec; headers?: Record<string, string>; table?: string; messageId?: string; bindings?: EventBindings } = {},
): Promise<void> {
  if (options.spec) assertValidEvent(options.spec, envelope);
  await insertOutboxRow(tx, tableName(options.table ?? 'contractkit_outbox'), {
    messageId: options.messageId ?? envelope.eventId,
    eventId: envelope.eventId,
    address,
    envelope,
    headers: storedHeaders(envelope, options.headers, options.bindings),
  });
}

/** One outbox row, as both ways of adding events write it. */
export interface OutboxRow {
  messageId: string;
  eventId: string;
  address: string;
  envelope: object;
  /** The headers column: message headers plus stored bindings and key ({@link storedMessageHeaders}). */
  headers: Record<string, unknown>;
}

/**
 * Inserts `row` into `table` (already a checked name). `onConflict`: `error`
 * (a message id already there is a unique violation) or `rearm` (no second row;
 * a row already sent is marked unsent so the relay sends it again).
 */
export async function insertOutboxRow(tx: PgClientLike, table: string, row: OutboxRow, onConflict: 'error' | 'rearm' = 'error'): Promise<void> {
  const conflict = onConflict === 'rearm' ? ' ON CONFLICT (message_id) DO UPDATE SET sent_at = NULL WHERE o.sent_at IS NOT NULL' : '';
  await tx.query(`INSERT INTO ${table} AS o (message_id, event_id, address, envelope, headers) VALUES ($1, $2, $3, $4, $5)${conflict}`, [
    row.messageId,
    row.eventId,
    row.address,
    JSON.stringify(row.envelope),
    JSON.stringify(row.headers),
  ]);
}

// The row's headers column also carries the operation's bindings (their data; the Kafka key already computed),
// under keys no header can have, so the relay publishes exactly as the producer would have.
const BINDINGS = '$bindings';
const KEY = '$key';

function storedHeaders(envelope: EventEnvelope, headers: Record<string, string> | undefined, bindings: EventBindings | undefined): Record<string, unknown> {
  if (!bindings) return headers ?? {};
  return { ...headers, [BINDINGS]: bindingsData(bindings), [KEY]: bindings.kafka?.key ? bindings.kafka.key(envelope) : envelope.aggregateId };
}

/** Bindings as stored: their data, without the Kafka key function (its result is stored apart). */
function bindingsData(bindings: EventBindings): EventBindings {
  const { kafka, ...rest } = bindings;
  const data: EventBindings = { ...rest };
  if (kafka) {
    const { key, ...k } = kafka;
    data.kafka = k;
  }
  return data;
}

/** The headers column of an outbox row for a message already encoded for a transport (its headers, bindings and key). */
export function storedMessageHeaders(message: OutgoingMessage): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...message.headers };
  if (message.bindings) stored[BINDINGS] = bindingsData(message.bindings);
  if (message.key !== undefined) stored[KEY] = message.key;
  return stored;
}

/** An outbox row's headers column → the message's headers, bindings and key. */
function fromStored(stored: Record<string, unknown>): { headers: Record<string, string>; bindings?: EventBindings; key?: string } {
  const { [BINDINGS]: bindings, [KEY]: key, ...headers } = stored;
  return { headers: headers as Record<string, string>, ...(bindings ? { bindings: bindings as EventBindings } : {}), ...(typeof key === 'string' ? { key } : {}) };
}

/** Options of {@link createOutboxRelay}. */
export interface OutboxRelayOptions {
  pool: PgPoolLike;
  transport: Transport;
  table?: string;
  /** Rows per transaction (default 100). */
  batchSize?: number;
  /** Wait between empty polls (default 200 ms). */
  pollIntervalMs?: number;
  onError?: (err: unknown) => void;
}

/** A running (or manually pumped) relay. */
export interface OutboxRelay {
  /** Publishes one batch; resolves to the number of rows sent. */
  relayOnce(): Promise<number>;
  /** Polls until stopped. */
  start(): void;
  /** Polls now instead of waiting out the interval (after a commit that added rows); no-op when not started. */
  wake(): void;
  /** Stops after the current batch. */
  stop(): Promise<void>;
}

/** Ensures the outbox table exists (migrations run on first use). */
export function migrateOutbox(pool: PgPoolLike, table?: string): Promise<void> {
  return migrate(pool, table ? { outbox: table } : {});
}

/** Creates a relay. Several relays may run against one table: SKIP LOCKED gives each its own rows. */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const table = tableName(options.table ?? 'contractkit_outbox');
  const batch = options.batchSize ?? 100;
  let running = false;
  let loop: Promise<void> | undefined;
  // the wait between polls ends early on wake() or stop(); a wake during a batch makes the next wait zero
  let cutShort: (() => void) | undefined;
  let woken = false;
  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken || !running) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, options.pollIntervalMs ?? 200);
      function done() {
        clearTimeout(timer);
        cutShort = undefined;
        resolve();
      }
      cutShort = done;
    });
  const wake = () => {
    if (cutShort) cutShort();
    else woken = true;
  };

  async function relayOnce(): Promise<number> {
    await migrate(options.pool, { outbox: table });
    const c = await options.pool.connect();
    try {
      await c.query('BEGIN');
      const { rows } = await c.query(
        `SELECT id, message_id, address, envelope, headers FROM ${table} WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batch],
      );
      // publish in order, each confirmed, then mark the batch sent in the same transaction
      await Promise.all(
        rows.map((r) => {
          const stored = fromStored((r.headers ?? {}) as Record<string, unknown>);
          const message = encodeEvent(r.envelope as EventEnvelope, { headers: stored.headers, messageId: r.message_id as string, ...(stored.bindings ? { bindings: stored.bindings } : {}) });
          if (stored.key !== undefined) message.key = stored.key;
          return options.transport.publish(r.address as string, message);
        }),
      );
      if (rows.length > 0) await c.query(`UPDATE ${table} SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      await c.query('COMMIT');
      c.release();
      return rows.length;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      c.release();
      throw err;
    }
  }

  return {
    relayOnce,
    start() {
      if (running) return;
      running = true;
      woken = false;
      loop = (async () => {
        while (running) {
          try {
            const n = await relayOnce();
            if (n === 0) await pause();
          } catch (err) {
            options.onError?.(err);
            await pause();
          }
        }
      })();
    },
    wake() {
      if (running) wake();
    },
    async stop() {
      running = false;
      cutShort?.();
      await loop;
    },
  };
}
