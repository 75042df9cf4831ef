/**
 * The PostgreSQL processed-event store: `INSERT … ON CONFLICT DO NOTHING`
 * in the handler's own transaction, so the business write and the
 * "processed" mark commit together or not at all. A redelivery finds the row
 * and the handler does not run again.
 */
import type { ProcessedEventStore } from './idempotency.js';
import { migrate, tableName, type PgClientLike, type PgPoolLike } from './pg.js';

/** Options of {@link createPgProcessedStore}. */
export interface PgProcessedStoreOptions {
  pool: PgPoolLike;
  /** Default `contractkit_processed_events`. */
  table?: string;
}

/** Creates the store; handlers get the transaction's client as `ctx.tx`. */
export function createPgProcessedStore(options: PgProcessedStoreOptions): ProcessedEventStore<PgClientLike> {
  const table = tableName(options.table ?? 'contractkit_processed_events');
  return {
    async runOnce(consumer, eventId, work) {
      await migrate(options.pool, { processed: table });
      const c = await options.pool.connect();
      try {
        await c.query('BEGIN');
        const ins = await c.query(`INSERT INTO ${table} (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [consumer, eventId]);
        if (ins.rowCount === 0) {
          await c.query('ROLLBACK');
          c.release();
          return false;
        }
        await work(c);
        await c.query('COMMIT');
        c.release();
        return true;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        c.release();
        throw err;
      }
    },
  };
}
