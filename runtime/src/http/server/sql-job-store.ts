/**
 * The SQL {@link JobStore} shared by PostgreSQL and PGlite, so the status of a
 * 202 job is visible to every server process and survives a restart. One
 * table; `result` and `error` are JSON text (member order kept).
 */
import { randomUUID } from 'node:crypto';
import { tableName } from '../../events/pg.js';
import { pgRunner, type PgPoolLike } from '../../saga/pg-store.js';
import { pgliteRunner, type PGliteLike } from '../../saga/pglite-store.js';
import type { SqlRunner } from '../../saga/sql-store.js';
import type { JobStatus, JobStore } from './jobs.js';

/** Options of the SQL job stores. */
export interface SqlJobStoreOptions {
  /** Table, optionally `schema.table` (default `contractkit_jobs`; created if missing). */
  table?: string;
}

const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

function rowToJob(r: Record<string, unknown>): JobStatus {
  const job: JobStatus = { id: String(r.id), status: r.status as JobStatus['status'], createdAt: iso(r.created_at), updatedAt: iso(r.updated_at) };
  if (r.result !== null && r.result !== undefined) job.result = JSON.parse(String(r.result));
  if (r.error !== null && r.error !== undefined) job.error = JSON.parse(String(r.error));
  return job;
}

/** Creates a {@link JobStore} over any {@link SqlRunner}, creating its table if missing. */
export async function createSqlJobStore(runner: SqlRunner, options: SqlJobStoreOptions = {}): Promise<JobStore> {
  const t = tableName(options.table ?? 'contractkit_jobs');
  await runner.transaction(async (q) => {
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('contractkit.jobs.migrate'))`);
    if (t.includes('.')) await q.query(`CREATE SCHEMA IF NOT EXISTS ${t.split('.')[0]}`);
    await q.query(`CREATE TABLE IF NOT EXISTS ${t} (
  id text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed')),
  result text,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
)`);
  });
  const cols = 'id, status, result, error, created_at, updated_at';
  return {
    async create() {
      const { rows } = await runner.query(`INSERT INTO ${t} (id, status) VALUES ($1, 'pending') RETURNING ${cols}`, [randomUUID()]);
      return rowToJob(rows[0]!);
    },
    async get(id) {
      const { rows } = await runner.query(`SELECT ${cols} FROM ${t} WHERE id = $1`, [id]);
      return rows[0] ? rowToJob(rows[0]) : undefined;
    },
    async update(id, patch) {
      // only the fields present change (the id and creation time are the store's)
      const sets: string[] = ['updated_at = now()'];
      const values: unknown[] = [id];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length}`);
      };
      if (patch.status !== undefined) set('status', patch.status);
      if ('result' in patch) set('result', patch.result === undefined ? null : JSON.stringify(patch.result));
      if ('error' in patch) set('error', patch.error === undefined ? null : JSON.stringify(patch.error));
      await runner.query(`UPDATE ${t} SET ${sets.join(', ')} WHERE id = $1`, values);
    },
  };
}

/** The PostgreSQL {@link JobStore} on a `pg` Pool you own. */
export function createPgJobStore(pool: PgPoolLike, options: SqlJobStoreOptions = {}): Promise<JobStore> {
  return createSqlJobStore(pgRunner(pool, false, undefined, 'job'), options);
}

/** The PGlite {@link JobStore} on a PGlite database you own. */
export function createPgliteJobStore(db: PGliteLike, options: SqlJobStoreOptions = {}): Promise<JobStore> {
  return createSqlJobStore(pgliteRunner(db, false), options);
}
