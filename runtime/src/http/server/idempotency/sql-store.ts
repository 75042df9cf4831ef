/**
 * The SQL idempotency store shared by PostgreSQL and PGlite: one table keyed
 * by (scope, key). A claim is one `INSERT … ON CONFLICT … DO UPDATE … WHERE
 * expired`: the first request inserts the row, concurrent duplicates find it
 * (the database serializes them on the key), and a row past its expiry is
 * taken over in the same statement. Expiry uses the database's clock, so
 * several server processes agree on it.
 */
import { tableName } from '../../../events/pg.js';
import type { SqlRunner } from '../../../saga/sql-store.js';
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from './types.js';

/** Options of the SQL idempotency stores. */
export interface SqlIdempotencyStoreOptions {
  /** Table, optionally `schema.table` (default `contractkit_idempotency_keys`; created if missing). */
  table?: string;
  /**
   * How long an unfinished claim holds off other requests with its key (default: the ttl). A server that
   * crashed mid-request leaves its claim behind; after `lockMs` a retry takes it over and runs again.
   */
  lockMs?: number;
  /** Expired rows are deleted (up to 1000) every this many claims (default 100); 0 never. */
  sweepEvery?: number;
}

const DEFAULT_TABLE = 'contractkit_idempotency_keys';

/** The migration SQL (idempotent: `IF NOT EXISTS`). */
export function idempotencyTableSql(table: string): string[] {
  const t = tableName(table);
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  response text,
  ttl_ms bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
)`,
    `CREATE INDEX IF NOT EXISTS ${t.replace('.', '_')}_expires ON ${t} (expires_at)`,
  ];
}

/** Creates the table if missing (under an advisory lock, so two processes starting together do not race). */
export async function migrateIdempotencyTable(runner: SqlRunner, table: string): Promise<void> {
  const schema = table.includes('.') ? tableName(table).split('.')[0] : undefined;
  await runner.transaction(async (q) => {
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('contractkit.idempotency.migrate'))`);
    if (schema) await q.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    for (const sql of idempotencyTableSql(table)) await q.query(sql);
  });
}

/** Creates an {@link IdempotencyStore} over any {@link SqlRunner}, creating its table if missing. */
export async function createSqlIdempotencyStore(runner: SqlRunner, options: SqlIdempotencyStoreOptions = {}): Promise<IdempotencyStore> {
  const t = tableName(options.table ?? DEFAULT_TABLE);
  await migrateIdempotencyTable(runner, t);
  const sweepEvery = options.sweepEvery ?? 100;
  let claims = 0;
  // $4 ttl, $5 lock: an unfinished claim expires after the shorter; `complete` extends it to the ttl
  const claimSql = `INSERT INTO ${t} AS r (scope, key, fingerprint, ttl_ms, expires_at)
VALUES ($1, $2, $3, $4::bigint, now() + least($4::bigint, $5::bigint) * interval '1 millisecond')
ON CONFLICT (scope, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, ttl_ms = EXCLUDED.ttl_ms, response = NULL,
  created_at = now(), expires_at = EXCLUDED.expires_at
WHERE r.expires_at <= now()
RETURNING 1 AS claimed`;
  const readSql = `SELECT fingerprint, response FROM ${t} WHERE scope = $1 AND key = $2`;
  return {
    async claim(scope, key, fingerprint, ttlMs): Promise<IdempotencyClaim> {
      if (sweepEvery > 0 && ++claims % sweepEvery === 0) {
        await runner.query(`DELETE FROM ${t} WHERE ctid IN (SELECT ctid FROM ${t} WHERE expires_at <= now() LIMIT 1000)`);
      }
      const ttl = Math.max(1, Math.round(ttlMs));
      const lock = Math.max(1, Math.round(options.lockMs ?? ttl));
      // the row can vanish between the INSERT and the SELECT (its request released it): claim again
      for (let attempt = 0; attempt < 3; attempt++) {
        const ins = await runner.query(claimSql, [scope, key, fingerprint, ttl, lock]);
        if (ins.rowCount > 0) return { state: 'claimed' };
        const { rows } = await runner.query(readSql, [scope, key]);
        const row = rows[0];
        if (!row) continue;
        if (row.fingerprint !== fingerprint) return { state: 'mismatch' };
        if (row.response === null || row.response === undefined) return { state: 'in-flight' };
        return { state: 'replay', response: JSON.parse(String(row.response)) as StoredResponse };
      }
      return { state: 'in-flight' };
    },
    async complete(scope, key, response) {
      // text, not jsonb: the replayed body keeps the member order of the first answer
      await runner.query(
        `UPDATE ${t} SET response = $3, expires_at = created_at + ttl_ms * interval '1 millisecond' WHERE scope = $1 AND key = $2 AND response IS NULL`,
        [scope, key, JSON.stringify(response)],
      );
    },
    async release(scope, key) {
      await runner.query(`DELETE FROM ${t} WHERE scope = $1 AND key = $2 AND response IS NULL`, [scope, key]);
    },
    close: () => runner.close(),
  };
}
