/**
 * The PostgreSQL saga store (`pg`, an optional peer dependency loaded here
 * only). Several orchestrator processes share one database.
 */
import { createHash } from 'node:crypto';
import { pgConnectionError, pgTarget, type SagaStoreUnavailableError, type StoreKind } from './pg-errors.js';
import { createSqlSagaStore, type SqlRunner } from './sql-store.js';
import type { SagaTableNames } from './migrations.js';
import type { SagaStore } from './store.js';

/** The part of a `pg` Pool the store uses (a `pg.Pool` fits). */
export interface PgPoolLike {
  /** Text and values, or a query config (the store names its statements so they are prepared once per connection). */
  query(query: string | { name?: string; text: string; values?: unknown[] }, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
  connect(): Promise<{ query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>; release(err?: Error | boolean): void }>;
  end(): Promise<void>;
}

/** Options of {@link createPgSagaStore}: a pool you own, or a connection string (the store then owns its pool). */
export interface PgSagaStoreOptions extends Partial<SagaTableNames> {
  pool?: PgPoolLike;
  connectionString?: string;
  /** Pool size when the store creates the pool (default 10). */
  max?: number;
  /**
   * Give up connecting after this long (default 10 s), so a host that drops
   * packets fails with an error instead of a hang (pool the store creates).
   */
  connectTimeoutMs?: number;
  /**
   * `application_name` of the store's connections (default `contractkit-saga`):
   * operators find them in `pg_stat_activity` (pool the store creates).
   */
  applicationName?: string;
  /** Called with errors of idle pooled connections (a dropped connection); the pool reconnects on next use. */
  onError?: (err: Error) => void;
}

/**
 * Named (prepared) statements: each connection parses and plans a statement
 * once, then only binds and executes it — less work per step on the server.
 */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `contractkit_saga_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return name;
}

/**
 * Wraps a pg pool as an {@link SqlRunner}. `ownsPool`: close ends the pool.
 * Connection failures become a {@link DatabaseUnavailableError} of `store` (a
 * {@link SagaStoreUnavailableError} for the saga store, the default) naming
 * `target` (`host:port/database`, default: read from the pool's options).
 */
export function pgRunner(pool: PgPoolLike, ownsPool: boolean, target: string = pgTarget((pool as { options?: Parameters<typeof pgTarget>[0] }).options), store: StoreKind = 'saga'): SqlRunner {
  const fail = (err: unknown): never => {
    throw pgConnectionError(err, target, store);
  };
  return {
    async query(text, values) {
      const r = await pool.query({ name: statementName(text), text, values }).catch(fail);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    async transaction(work) {
      const c = await pool.connect().catch(fail);
      try {
        await c.query('BEGIN');
        const result = await work({
          query: async (text, values) => {
            const r = await c.query(text, values);
            return { rows: r.rows, rowCount: r.rowCount ?? 0 };
          },
        });
        await c.query('COMMIT');
        c.release();
        return result;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        c.release(err as Error);
        return fail(err);
      }
    },
    close: async () => {
      if (ownsPool) await pool.end();
    },
  };
}

/**
 * Creates a PostgreSQL {@link SagaStore}. Nothing connects until first use,
 * which runs the migrations (call `store.init()` to check the database at
 * start); a database that is down or refuses the login fails with a
 * {@link SagaStoreUnavailableError} naming host, port and what to check.
 */
export async function createPgSagaStore(options: PgSagaStoreOptions): Promise<SagaStore> {
  let pool = options.pool;
  const owns = !pool;
  if (!pool) {
    if (!options.connectionString) throw new Error('createPgSagaStore: pass a pool or a connectionString.');
    let pg: typeof import('pg');
    try {
      pg = (await import('pg')).default as unknown as typeof import('pg');
    } catch {
      throw new Error('The PostgreSQL saga store needs the `pg` package: npm install pg');
    }
    const p = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      application_name: options.applicationName ?? 'contractkit-saga',
      // a peer that vanished without closing the socket is noticed instead of waited on forever
      keepAlive: true,
    });
    // an idle client losing its connection must not crash the process: the pool replaces it
    p.on('error', (err) => options.onError?.(err));
    pool = p as unknown as PgPoolLike;
  }
  const target = options.connectionString ? pgTarget({ connectionString: options.connectionString }) : undefined;
  return createSqlSagaStore(pgRunner(pool, owns, target), options);
}
