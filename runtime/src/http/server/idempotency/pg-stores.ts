/**
 * The PostgreSQL (`pg` Pool) and PGlite idempotency stores: the SQL store
 * over the saga runtime's pg and PGlite runners (prepared statements on pg,
 * one serialized connection on PGlite). The caller owns the pool or database:
 * `close()` does not end it.
 */
import { pgRunner, type PgPoolLike } from '../../../saga/pg-store.js';
import { pgliteRunner, type PGliteLike } from '../../../saga/pglite-store.js';
import { createSqlIdempotencyStore, type SqlIdempotencyStoreOptions } from './sql-store.js';
import type { IdempotencyStore } from './types.js';

export type { PgPoolLike } from '../../../saga/pg-store.js';
export type { PGliteLike } from '../../../saga/pglite-store.js';

/** The PostgreSQL {@link IdempotencyStore} on a `pg` Pool; creates its table if missing. */
export function createPgIdempotencyStore(pool: PgPoolLike, options: SqlIdempotencyStoreOptions = {}): Promise<IdempotencyStore> {
  return createSqlIdempotencyStore(pgRunner(pool, false, undefined, 'idempotency'), options);
}

/** The PGlite {@link IdempotencyStore} (PostgreSQL in wasm, in process); creates its table if missing. */
export function createPgliteIdempotencyStore(db: PGliteLike, options: SqlIdempotencyStoreOptions = {}): Promise<IdempotencyStore> {
  return createSqlIdempotencyStore(pgliteRunner(db, false), options);
}
