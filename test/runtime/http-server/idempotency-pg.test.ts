/**
 * The idempotency store on the local PostgreSQL (127.0.0.1:5432, db test):
 * a table of its own per run, dropped afterwards.
 */
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createPgIdempotencyStore, requestFingerprint, runIdempotent, type StoredResponse } from '../../../runtime/src/http/server/idempotency/index.js';
import { createPgJobStore } from '../../../runtime/src/http/server/jobs.js';
import { DatabaseUnavailableError, SagaStoreUnavailableError } from '../../../runtime/src/saga/index.js';
import { describeIdempotencyStore } from './idempotency-suite.js';

const URL = process.env.IDEMPOTENCY_TEST_DB ?? 'postgres://postgres@127.0.0.1:5432/test';
const table = `idem_pg_${process.pid}_${Date.now() % 1_000_000}`;
const pools: pg.Pool[] = [];
const pool = () => {
  const p = new pg.Pool({ connectionString: URL, max: 5 });
  pools.push(p);
  return p;
};
const shared = pool();

afterAll(async () => {
  await shared.query(`DROP TABLE IF EXISTS ${table}`);
  await shared.query(`DROP SCHEMA IF EXISTS ${table}_s CASCADE`);
  await Promise.all(pools.map((p) => p.end()));
});

describeIdempotencyStore('PostgreSQL', () => createPgIdempotencyStore(shared, { table }));

it('PostgreSQL: two server processes (two pools, two stores) on one table run a key once', async () => {
  const a = await createPgIdempotencyStore(pool(), { table });
  const b = await createPgIdempotencyStore(pool(), { table });
  let calls = 0;
  const handler = async (): Promise<StoredResponse> => {
    calls++;
    await new Promise((r) => setTimeout(r, 150));
    return { status: 201, headers: {}, body: { id: 'one' } };
  };
  const key = `two-processes-${Date.now()}`;
  const fingerprint = requestFingerprint('POST', '/orders', { sku: 'a' });
  const all = await Promise.all(Array.from({ length: 10 }, (_, i) => runIdempotent({ store: i % 2 ? a : b, scope: 'placeOrder', key, fingerprint }, handler)));
  expect(calls).toBe(1);
  expect(new Set(all.map((r) => JSON.stringify(r.body)))).toEqual(new Set(['{"id":"one"}']));
});

it('PostgreSQL: the table is created if missing, also in a schema of its own, and creating the store twice is fine', async () => {
  const qualified = `${table}_s.keys`;
  await createPgIdempotencyStore(shared, { table: qualified });
  const store = await createPgIdempotencyStore(shared, { table: qualified });
  expect(await store.claim('s', 'k', 'f', 60_000)).toEqual({ state: 'claimed' });
  const { rows } = await shared.query(`SELECT scope, key, fingerprint, response FROM ${qualified}`);
  expect(rows).toEqual([{ scope: 's', key: 'k', fingerprint: 'f', response: null }]);
});

it('PostgreSQL: an unfinished claim (a server that crashed mid-request) is taken over after lockMs', async () => {
  const store = await createPgIdempotencyStore(shared, { table, lockMs: 150 });
  const key = `crashed-${Date.now()}`;
  expect(await store.claim('s', key, 'f', 60_000)).toEqual({ state: 'claimed' });
  expect(await store.claim('s', key, 'f', 60_000)).toEqual({ state: 'in-flight' });
  await new Promise((r) => setTimeout(r, 300));
  expect(await store.claim('s', key, 'f', 60_000)).toEqual({ state: 'claimed' });
  // a completed answer is kept for the ttl, not the lock
  await store.complete('s', key, { status: 200, headers: {} });
  await new Promise((r) => setTimeout(r, 300));
  expect((await store.claim('s', key, 'f', 60_000)).state).toBe('replay');
});

it('PostgreSQL: a table name that is not an identifier is refused before any SQL', async () => {
  await expect(createPgIdempotencyStore(shared, { table: 'keys; DROP TABLE x' })).rejects.toThrow(/Invalid table name/);
});

it('a database that cannot be used is named for what it holds (idempotency keys, jobs), not as the saga database', async () => {
  // nothing listens on 6432 here (the saga store's unavailable test uses it too)
  const down = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:6432/test', max: 1, connectionTimeoutMillis: 2000 });
  pools.push(down);
  const idem = await createPgIdempotencyStore(down, { table }).then(() => undefined, (e: unknown) => e);
  expect(idem).toBeInstanceOf(DatabaseUnavailableError);
  expect(String((idem as Error).message)).toMatch(/^Cannot use the idempotency database at 127\.0\.0\.1:6432\/test: .*ECONNREFUSED/);
  const jobs = await createPgJobStore(down, { table: `${table}_jobs` }).then(() => undefined, (e: unknown) => e);
  expect(jobs).toBeInstanceOf(DatabaseUnavailableError);
  expect(String((jobs as Error).message)).toMatch(/^Cannot use the job database at 127\.0\.0\.1:6432\/test: /);
  expect(jobs).not.toBeInstanceOf(SagaStoreUnavailableError);
});
