/**
 * The SQL saga store shared by PostgreSQL and PGlite: one set of statements
 * over a minimal query interface. Claiming is one `UPDATE … WHERE id IN
 * (SELECT … FOR UPDATE SKIP LOCKED) RETURNING`, and every outcome is one
 * `UPDATE` guarded by the lease owner, so a step costs one commit.
 */
import { MIGRATIONS_TABLE, qualified, SAGA_MIGRATIONS, sqlIdentifier, type SagaTableNames } from './migrations.js';
import { ACTIVE_STATUSES, emptyCounts, type SagaInstance, type SagaInstanceUpdate, type SagaStatus, type SagaStore } from './store.js';

/** The part of a database client the SQL store uses. */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (q: Pick<SqlRunner, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}

function json(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

/** Maps a row to an instance. */
export function rowToInstance(r: Record<string, unknown>): SagaInstance {
  return {
    id: String(r.id),
    saga: String(r.saga),
    version: Number(r.version),
    status: r.status as SagaStatus,
    step: Number(r.step),
    stepName: String(r.step_name ?? ''),
    data: json(r.data),
    attempt: Number(r.attempt),
    attempts: (json(r.attempts) ?? {}) as Record<string, number>,
    leaseOwner: (r.lease_owner as string | null) ?? null,
    leaseExpiresAt: toDate(r.lease_expires_at),
    nextAttemptAt: toDate(r.next_attempt_at)!,
    deadlineAt: toDate(r.deadline_at),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: toDate(r.created_at)!,
    updatedAt: toDate(r.updated_at)!,
    traceContext: (json(r.trace_context) ?? null) as Record<string, string> | null,
  };
}

/** Runs the pending migrations on `runner` (idempotent). */
export async function migrateSagaTables(runner: SqlRunner, t: SagaTableNames): Promise<number[]> {
  const schema = sqlIdentifier(t.schema);
  const applied: number[] = [];
  await runner.transaction(async (q) => {
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('contractkit.saga.migrate'))`);
    await q.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const m = qualified(t, MIGRATIONS_TABLE);
    await q.query(`CREATE TABLE IF NOT EXISTS ${m} (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await q.query(`SELECT version FROM ${m}`);
    const done = new Set(rows.map((r) => Number(r.version)));
    for (const migration of SAGA_MIGRATIONS) {
      if (done.has(migration.version)) continue;
      for (const sql of migration.statements(t)) await q.query(sql);
      await q.query(`INSERT INTO ${m} (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
      applied.push(migration.version);
    }
  });
  return applied;
}

/** The outcome UPDATE without its WHERE ($1 id, $2 owner, $3–$9 the outcome, $10 lease or retry delay in ms). */
function outcomeSql(u: SagaInstanceUpdate): string {
  const lease = u.release
    ? `lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = now() + $10::integer * interval '1 millisecond'`
    : `lease_expires_at = now() + $10::integer * interval '1 millisecond'`;
  return `UPDATE __T__ SET status = $3, step = $4, step_name = $5, data = $6::jsonb, attempt = $7, attempts = $8::jsonb, last_error = $9, ${lease}, updated_at = now()`;
}

function outcomeValues(id: string, owner: string, leaseMs: number, u: SagaInstanceUpdate): unknown[] {
  return [id, owner, u.status, u.step, u.stepName, JSON.stringify(u.data ?? null), u.attempt, JSON.stringify(u.attempts), u.lastError, Math.round(u.release ? u.release.retryInMs : leaseMs)];
}

/** Creates a {@link SagaStore} over any {@link SqlRunner} (see the pg and PGlite stores). */
export function createSqlSagaStore(runner: SqlRunner, tables: Partial<SagaTableNames> = {}): SagaStore {
  const t: SagaTableNames = { schema: tables.schema ?? 'public', table: tables.table ?? 'contractkit_sagas' };
  const T = qualified(t);
  const active = ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ');
  let ready: Promise<void> | undefined;
  const init = () => {
    ready ??= migrateSagaTables(runner, t).then(
      () => undefined,
      (err) => {
        ready = undefined;
        throw err;
      },
    );
    return ready;
  };
  const q = async (text: string, values?: unknown[]) => {
    await (ready ?? init());
    return runner.query(text.replaceAll('__T__', T), values);
  };

  return {
    init,
    async create(i) {
      const ins = await q(
        `INSERT INTO ${T} (id, saga, version, status, step, step_name, data, deadline_at, trace_context)
         VALUES ($1, $2, $3, 'running', 0, $4, $5::jsonb, CASE WHEN $6::integer IS NULL THEN NULL ELSE now() + $6::integer * interval '1 millisecond' END, $7::jsonb)
         ON CONFLICT (id) DO NOTHING RETURNING *`,
        [i.id, i.saga, i.version, i.stepName, JSON.stringify(i.data ?? null), i.timeoutMs ?? null, i.traceContext && Object.keys(i.traceContext).length > 0 ? JSON.stringify(i.traceContext) : null],
      );
      if (ins.rows[0]) return { instance: rowToInstance(ins.rows[0]), created: true };
      const existing = await q(`SELECT * FROM ${T} WHERE id = $1`, [i.id]);
      return { instance: rowToInstance(existing.rows[0]!), created: false };
    },
    async claim(owner, leaseMs, kinds, limit) {
      const { rows } = await q(
        `UPDATE ${T} SET lease_owner = $1, lease_expires_at = now() + $2::integer * interval '1 millisecond', updated_at = now()
         WHERE id IN (
           SELECT id FROM ${T}
           WHERE status IN (${active}) AND next_attempt_at <= now()
             AND (lease_expires_at IS NULL OR lease_expires_at < now())
             AND (saga || '@' || version) = ANY($3::text[])
           ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [owner, Math.round(leaseMs), [...kinds], limit],
      );
      return rows.map(rowToInstance);
    },
    async update(id, owner, leaseMs, u) {
      const { rowCount } = await q(`${outcomeSql(u)} WHERE id = $1 AND lease_owner = $2`, outcomeValues(id, owner, leaseMs, u));
      return rowCount === 1;
    },
    async updateAndClaim(id, owner, leaseMs, u, claim) {
      // one statement: the outcome (guarded by the lease) and, only if it held, the next claims
      const { rows } = await q(
        `WITH outcome AS (${outcomeSql(u)} WHERE id = $1 AND lease_owner = $2 RETURNING 1),
         claimed AS (
           UPDATE ${T} SET lease_owner = $2, lease_expires_at = now() + $11::integer * interval '1 millisecond', updated_at = now()
           WHERE EXISTS (SELECT 1 FROM outcome) AND id IN (
             SELECT id FROM ${T}
             WHERE status IN (${active}) AND next_attempt_at <= now()
               AND (lease_expires_at IS NULL OR lease_expires_at < now())
               AND (saga || '@' || version) = ANY($12::text[]) AND id <> $1
             ORDER BY next_attempt_at LIMIT $13 FOR UPDATE SKIP LOCKED)
           RETURNING *)
         SELECT c.*, (SELECT count(*) FROM outcome)::integer AS outcome_ok FROM (SELECT 1) one LEFT JOIN claimed c ON true`,
        [...outcomeValues(id, owner, leaseMs, u), Math.round(leaseMs), [...claim.kinds], claim.limit],
      );
      return { ok: Number(rows[0]?.outcome_ok ?? 0) === 1, claimed: rows.filter((r) => r.id !== null && r.id !== undefined).map(rowToInstance) };
    },
    async get(id) {
      const { rows } = await q(`SELECT * FROM ${T} WHERE id = $1`, [id]);
      return rows[0] ? rowToInstance(rows[0]) : undefined;
    },
    async list(filter = {}) {
      const { rows } = await q(
        `SELECT * FROM ${T} WHERE ($1::text[] IS NULL OR status = ANY($1::text[])) AND ($2::text IS NULL OR saga = $2) ORDER BY created_at DESC, id DESC LIMIT $3`,
        [filter.status ?? null, filter.saga ?? null, filter.limit ?? 1000],
      );
      return rows.map(rowToInstance);
    },
    async counts() {
      const { rows } = await q(`SELECT status, count(*)::integer AS n FROM ${T} GROUP BY status`);
      const c = emptyCounts();
      for (const r of rows) c[r.status as SagaStatus] = Number(r.n);
      return c;
    },
    async resume(id) {
      const { rows } = await q(
        `UPDATE ${T} SET status = CASE WHEN status = 'failed' THEN 'running' ELSE 'compensating' END, attempt = 0,
           lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = now(), updated_at = now()
         WHERE id = $1 AND status IN ('compensation_failed', 'failed') RETURNING *`,
        [id],
      );
      return rows[0] ? rowToInstance(rows[0]) : undefined;
    },
    close: () => runner.close(),
  };
}
