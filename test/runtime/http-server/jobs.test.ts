import { expect, it } from 'vitest';
import { acceptJob, createMemoryJobStore, type JobStatus, type JobStore } from '../../../runtime/src/http/server/jobs.js';

/** Polls the store until the job leaves pending/running (the client's side of 202-and-poll). */
async function settled(store: JobStore, id: string): Promise<JobStatus> {
  for (let i = 0; i < 200; i++) {
    const job = await store.get(id);
    if (job && (job.status === 'succeeded' || job.status === 'failed')) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${id} did not finish`);
}

it('acceptJob answers 202 with Location and Retry-After, the job pending; then running, then succeeded with the result', async () => {
  const store = createMemoryJobStore();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const reply = await acceptJob({ store, statusUrl: (id) => `/exports/${id}`, retryAfterSeconds: 5 }, async (job) => {
    await gate;
    return { rows: 3, of: job.id };
  });
  const body = reply.body as JobStatus;
  expect(reply.status).toBe(202);
  expect(reply.headers).toEqual({ location: `/exports/${body.id}`, 'retry-after': '5' });
  expect(body).toMatchObject({ status: 'pending' });
  expect((await store.get(body.id))!.status).toBe('pending');
  await new Promise((r) => setTimeout(r, 20));
  expect((await store.get(body.id))!.status).toBe('running');
  release();
  const done = await settled(store, body.id);
  expect(done).toMatchObject({ id: body.id, status: 'succeeded', result: { rows: 3, of: body.id }, createdAt: body.createdAt });
  expect(Date.parse(done.updatedAt)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
});

it('work that throws leaves the job failed with the error name and message (no stack)', async () => {
  const store = createMemoryJobStore();
  const reply = await acceptJob({ store, statusUrl: (id) => `/jobs/${id}` }, async () => {
    throw new TypeError('no such order');
  });
  expect(reply.headers['retry-after']).toBe('1');
  const done = await settled(store, (reply.body as JobStatus).id);
  expect(done.status).toBe('failed');
  expect(done.error).toEqual({ name: 'TypeError', message: 'no such order' });
  expect(done.result).toBeUndefined();
});

it('the 202 body is what `body` makes of the job; unknown ids are undefined; a store failure goes to onStoreError, not an unhandled rejection', async () => {
  const store = createMemoryJobStore();
  const reply = await acceptJob({ store, statusUrl: (id) => `/jobs/${id}`, body: (job) => ({ exportId: job.id, state: job.status }) }, async () => 1);
  expect(reply.body).toMatchObject({ state: 'pending' });
  expect(await store.get('nope')).toBeUndefined();

  const errors: unknown[] = [];
  const broken: JobStore = { ...store, create: () => store.create(), get: (id) => store.get(id), update: async () => Promise.reject(new Error('store down')) };
  await acceptJob({ store: broken, statusUrl: (id) => `/jobs/${id}`, onStoreError: (err) => errors.push(err) }, async () => 1);
  await new Promise((r) => setTimeout(r, 30));
  expect(errors.map((e) => (e as Error).message)).toEqual(['store down', 'store down']);
});

it('memory job store: a job read is a copy; update cannot change id or createdAt', async () => {
  const store = createMemoryJobStore();
  const job = await store.create();
  (await store.get(job.id))!.status = 'failed';
  expect((await store.get(job.id))!.status).toBe('pending');
  await store.update(job.id, { id: 'other', createdAt: 'then', status: 'running' });
  expect(await store.get(job.id)).toMatchObject({ id: job.id, createdAt: job.createdAt, status: 'running' });
});

it('memory job store: finished jobs are forgotten after keepFinishedMs', async () => {
  const store = createMemoryJobStore({ keepFinishedMs: 50 });
  const a = await store.create();
  await store.update(a.id, { status: 'succeeded', result: 1 });
  const running = await store.create();
  await store.update(running.id, { status: 'running' });
  await new Promise((r) => setTimeout(r, 80));
  await store.create();
  expect(await store.get(a.id)).toBeUndefined();
  expect((await store.get(running.id))!.status).toBe('running');
});
