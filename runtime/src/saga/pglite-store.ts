/**
 * The embedded saga store on PGlite (PostgreSQL in wasm; `@electric-sql/pglite`,
 * an optional peer dependency loaded here only): the same SQL and migrations
 * as the PostgreSQL store, no server. PGlite is one connection, so every
 * query and transaction is serialized through a queue.
 */
import { createSqlSagaStore, type SqlRunner } from './sql-store.js';
import type { SagaTableNames } from './migrations.js';
import type { SagaStore } from './store.js';

/** The part of a PGlite instance the store uses. */
export interface PGliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  transaction<T>(work: (tx: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Options of {@link createPGliteSagaStore}: an open PGlite you own, or a data directory (omit both for an in-memory database). */
export interface PGliteSagaStoreOptions extends Partial<SagaTableNames> {
  db?: PGliteLike;
  dataDir?: string;
}

/** Wraps a PGlite as an {@link SqlRunner}, serializing access. `owns`: close closes the database. */
export function pgliteRunner(db: PGliteLike, owns: boolean): SqlRunner {
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  const shape = (r: { rows: unknown[]; affectedRows?: number }) => ({
    rows: r.rows as Record<string, unknown>[],
    rowCount: r.rows.length > 0 ? r.rows.length : (r.affectedRows ?? 0),
  });
  return {
    query: (text, values) => serial(async () => shape(await db.query(text, values))),
    transaction: (work) => serial(() => db.transaction((tx) => work({ query: async (text, values) => shape(await tx.query(text, values)) }))),
    close: () => serial(async () => (owns ? db.close() : undefined)),
  };
}

/** Opens (or creates) the embedded database and returns its {@link SagaStore}. */
export async function createPGliteSagaStore(options: PGliteSagaStoreOptions = {}): Promise<SagaStore> {
  let db = options.db;
  const owns = !db;
  if (!db) {
    let mod: typeof import('@electric-sql/pglite');
    try {
      mod = await import('@electric-sql/pglite');
    } catch {
      throw new Error('The embedded saga store needs `@electric-sql/pglite`: npm install @electric-sql/pglite');
    }
    db = (await mod.PGlite.create(options.dataDir)) as unknown as PGliteLike;
  }
  return createSqlSagaStore(pgliteRunner(db, owns), options);
}
