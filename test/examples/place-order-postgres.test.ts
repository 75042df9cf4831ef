/**
 * The place-order saga end to end on the example services, on the local
 * PostgreSQL (127.0.0.1:5432, db test, a schema of its own per run) and the
 * in-memory transport, the saga's commands through the outbox (a table in
 * the run's schema). The parked instance is resumed with the CLI,
 * `contractkit saga retry --db`, as an operator would.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, expect } from 'vitest';
import { placeOrderSuite } from './place-order-suite.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const URL = process.env.SAGA_TEST_DB ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `saga_examples_${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

placeOrderSuite('PostgreSQL', {
  db: () => URL,
  schema,
  async retry(sagaId) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'contractkit.js'), 'saga', 'retry', sagaId, '--db', URL, '--schema', schema], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  },
  async outboxRows(table, messageId) {
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    try {
      return (await c.query(`SELECT sent_at IS NOT NULL AS sent FROM ${table} WHERE message_id = $1`, [messageId])).rows;
    } finally {
      await c.end();
    }
  },
});
