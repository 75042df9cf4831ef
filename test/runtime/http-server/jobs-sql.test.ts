/** The SQL job stores on the local PostgreSQL (127.0.0.1:5432, db test; a table per run) and on PGlite. */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptJob, createPgJobStore, createPgliteJobStore, type JobStatus, type JobStore } from '../../../runtime/src/http/server/jobs.js';
import type { PGliteLike } from '../../../runtime/src/saga/index.js';

const URL = process.env.IDEMPOTENCY_TEST_DB ?? 'postgres://postgres@127.0.0.1:5432/test';
const table = `jobs_pg_${process.pid}_${Date.now() % 1_000_000}`;
const pool = new pg.Pool({ connectionString: URL, max: 4 });
const other = new pg.Pool({ connectionString: URL, max: 2 });
let lite: Promise<PGlite> | undefined;
afterAll(async () => {
  await pool.query(`DROP TABLE IF EXISTS ${table}`);
  await Promise.all([pool.end(), other.end(), lite?.then((db) => db.close())]);
});

async function settled(store: JobStore, id: string): Promise<JobStatus> {
  for (let i = 0; i < 300; i++) {
    const job = await store.get(id);
    if (job && (job.status === 'succeeded' || job.status === 'failed')) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${id} did not finish`);
}

const stores: [string, () => Promise<JobStore>][] = [
  ['PostgreSQL', () => createPgJobStore(pool, { table })],
  ['PGlite', async () => createPgliteJobStore((await (lite ??= PGlite.create())) as unknown as PGliteLike, { table: 'jobs' })],
];

for (const [name, open] of stores) {
  describe(`jobs on ${name}`, () => {
    it('pending, running, then succeeded with the result (member order kept); failed with the error', async () => {
      const store = await open();
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const reply = await acceptJob({ store, statusUrl: (id) => `/exports/${id}` }, async () => {
        await gate;
        return { z: 1, a: [true, null] };
      });
      const id = (reply.body as JobStatus).id;
      expect(reply).toMatchObject({ status: 202, headers: { location: `/exports/${id}`, 'retry-after': '1' }, body: { status: 'pending' } });
      for (let i = 0; i < 100 && (await store.get(id))!.status === 'pending'; i++) await new Promise((r) => setTimeout(r, 10));
      expect((await store.get(id))!.status).toBe('running');
      release();
      const done = await settled(store, id);
      expect(done.status).toBe('succeeded');
      expect(JSON.stringify(done.result)).toBe('{"z":1,"a":[true,null]}');
      expect(done.error).toBeUndefined();

      const failed = await acceptJob({ store, statusUrl: (j) => `/exports/${j}` }, async () => {
        throw new Error('export failed');
      });
      expect(await settled(store, (failed.body as JobStatus).id)).toMatchObject({ status: 'failed', error: { name: 'Error', message: 'export failed' } });
      expect(await store.get('no-such-job')).toBeUndefined();
    });
  });
}

it('PostgreSQL: a job created by one server process is read by another (two pools, one table)', async () => {
  const a = await createPgJobStore(pool, { table });
  const b = await createPgJobStore(other, { table });
  const job = await a.create();
  await a.update(job.id, { status: 'succeeded', result: 42 });
  expect(await b.get(job.id)).toMatchObject({ id: job.id, status: 'succeeded', result: 42, createdAt: job.createdAt });
});
