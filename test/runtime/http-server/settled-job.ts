import type { JobStatus, JobStore } from '../../../runtime/src/http/server/jobs.js';

/** Polls the store until the job leaves pending/running (the client's side of 202-and-poll). */
export async function settled(store: JobStore, id: string): Promise<JobStatus> {
  for (let i = 0; i < 300; i++) {
    const job = await store.get(id);
    if (job && (job.status === 'succeeded' || job.status === 'failed')) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${id} did not finish`);
}
