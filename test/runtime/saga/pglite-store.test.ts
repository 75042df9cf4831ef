import { PGlite } from '@electric-sql/pglite';
import { afterAll, expect, it } from 'vitest';
import { createPGliteSagaStore, createSqlSagaStore, pgliteRunner, type PGliteLike } from '../../../runtime/src/saga/index.js';
import { describeSagaRuntime } from './saga-suite.js';

// one embedded database (starting one takes seconds), a fresh schema per test:
// the same SQL and migrations as on PostgreSQL
let db: Promise<PGlite> | undefined;
let n = 0;
describeSagaRuntime('PGlite', async () => {
  db ??= PGlite.create();
  return createSqlSagaStore(pgliteRunner((await db) as unknown as PGliteLike, false), { schema: `suite_${++n}` });
});

it('PGlite: a data directory keeps instances across reopening, and migrations run once', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'saga-pglite-'));
  try {
    const a = await createPGliteSagaStore({ dataDir: dir });
    await a.create({ id: 'kept', saga: 's', version: 1, data: { x: 1 }, stepName: 'first' });
    await a.close();
    const b = await createPGliteSagaStore({ dataDir: dir });
    expect(await b.get('kept')).toMatchObject({ status: 'running', data: { x: 1 }, stepName: 'first' });
    await b.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('PGlite: updateAndClaim commits the outcome and claims the next instances in one statement; nothing when the lease was lost', async () => {
  db ??= PGlite.create();
  const store = createSqlSagaStore(pgliteRunner((await db) as unknown as PGliteLike, false), { schema: `claim_${++n}` });
  for (const id of ['a', 'b', 'c']) await store.create({ id, saga: 's', version: 1, data: {}, stepName: 'one' });
  const [a] = await store.claim('w1', 30_000, ['s@1'], 1);
  expect(a!.id).toBe('a');
  const done = { status: 'completed' as const, step: 1, stepName: '', data: { ok: true }, attempt: 0, attempts: { 'one:do': 1 }, lastError: null, release: { retryInMs: 0 } };
  const r = await store.updateAndClaim!('a', 'w1', 30_000, done, { kinds: ['s@1'], limit: 1 });
  expect(r.ok).toBe(true);
  expect(r.claimed.map((i) => [i.id, i.leaseOwner])).toEqual([['b', 'w1']]);
  expect(await store.get('a')).toMatchObject({ status: 'completed', data: { ok: true }, leaseOwner: null });
  // a worker that lost its lease commits nothing and claims nothing
  const lost = await store.updateAndClaim!('c', 'w2', 30_000, done, { kinds: ['s@1'], limit: 5 });
  expect(lost).toEqual({ ok: false, claimed: [] });
  expect(await store.get('c')).toMatchObject({ status: 'running', leaseOwner: null });
});

afterAll(async () => {
  if (db) await (await db).close();
});
