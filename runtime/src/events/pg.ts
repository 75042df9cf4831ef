/**
 * PostgreSQL pieces of the events runtime: the migrations (SQL shipped with
 * the runtime, run on first use), the processed-event store and the outbox.
 * They take the caller's `pg` Pool, so `pg` stays an optional peer dependency.
 */

/** The part of a `pg` client used here. */
export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}
/** A pooled `pg` client. */
export interface PgPoolClientLike extends PgClientLike {
  release(err?: Error | boolean): void;
}
/** The part of a `pg` Pool used here. */
export interface PgPoolLike {
  connect(): Promise<PgPoolClientLike>;
}

/** Table names (default `contractkit_processed_events`, `contractkit_outbox`). */
export interface PgTables {
  processed?: string;
  outbox?: string;
}

/** Checks a (possibly schema-qualified) table name, since it is spliced into SQL. */
export function tableName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(name)) throw new Error(`Invalid table name ${JSON.stringify(name)}: use lowercase letters, digits and _ (optionally schema.table).`);
  return name;
}

/** The migration SQL for the given tables. Idempotent (`IF NOT EXISTS`). */
export function migrationSql(tables: Required<PgTables>): string[] {
  const p = tableName(tables.processed);
  const o = tableName(tables.outbox);
  const idx = o.replace('.', '_');
  return [
    `CREATE TABLE IF NOT EXISTS ${p} (
  consumer text NOT NULL,
  event_id text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
)`,
    `CREATE TABLE IF NOT EXISTS ${o} (
  id bigserial PRIMARY KEY,
  message_id text NOT NULL UNIQUE,
  event_id text NOT NULL,
  address text NOT NULL,
  envelope jsonb NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
)`,
    `CREATE INDEX IF NOT EXISTS ${idx}_unsent ON ${o} (id) WHERE sent_at IS NULL`,
  ];
}

const migrated = new WeakMap<object, Map<string, Promise<void>>>();

/** Runs the migrations once per pool and table set (serialized across processes by an advisory lock). */
export function migrate(pool: PgPoolLike, tables: PgTables = {}): Promise<void> {
  const t = { processed: tables.processed ?? 'contractkit_processed_events', outbox: tables.outbox ?? 'contractkit_outbox' };
  let byPool = migrated.get(pool);
  if (!byPool) migrated.set(pool, (byPool = new Map()));
  const key = `${t.processed}|${t.outbox}`;
  let done = byPool.get(key);
  if (!done) {
    done = (async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(`SELECT pg_advisory_xact_lock(hashtext('contractkit.events.migrate'))`);
        for (const sql of migrationSql(t)) await c.query(sql);
        await c.query('COMMIT');
        c.release();
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        c.release(err as Error);
        throw err;
      }
    })();
    done.catch(() => byPool!.delete(key));
    byPool.set(key, done);
  }
  return done;
}

/** Runs `work` inside a transaction on a pooled client. */
export async function inTransaction<T>(pool: PgPoolLike, work: (client: PgClientLike) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const result = await work(c);
    await c.query('COMMIT');
    c.release();
    return result;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    c.release();
    throw err;
  }
}
