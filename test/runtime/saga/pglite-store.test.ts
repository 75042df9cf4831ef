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

afterAll(async () => {
  if (db) await (await db).close();
});
