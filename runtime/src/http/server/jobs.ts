// PLACEHOLDER by helper rest-server for helper idem's module (the agreed interface in /work/briefs/idem-interface.md, minimally), so this branch compiles until idem's branch is merged; idem's file replaces it whole.
import { randomUUID } from 'node:crypto';
import type { StoredResponse } from './idempotency/index.js';
export interface JobStatus<R = unknown> { id: string; status: 'pending' | 'running' | 'succeeded' | 'failed'; result?: R; error?: unknown; createdAt: string; updatedAt: string }
export interface JobStore { create(): Promise<JobStatus>; get(id: string): Promise<JobStatus | undefined>; update(id: string, patch: Partial<JobStatus>): Promise<void> }
export function createMemoryJobStore(): JobStore {
  const m = new Map<string, JobStatus>();
  return {
    async create() { const now = new Date().toISOString(); const j: JobStatus = { id: randomUUID(), status: 'pending', createdAt: now, updatedAt: now }; m.set(j.id, j); return { ...j }; },
    async get(id) { const j = m.get(id); return j && { ...j }; },
    async update(id, patch) { const j = m.get(id); if (j) Object.assign(j, patch, { updatedAt: new Date().toISOString() }); },
  };
}
export async function acceptJob<R>(o: { store: JobStore; statusUrl: (id: string) => string; retryAfterSeconds?: number; body?: (job: JobStatus) => unknown }, work: (job: JobStatus) => Promise<R>): Promise<StoredResponse> {
  const job = await o.store.create();
  void (async () => { await o.store.update(job.id, { status: 'running' }); try { const result = await work(job); await o.store.update(job.id, { status: 'succeeded', result }); } catch (error) { await o.store.update(job.id, { status: 'failed', error: String(error) }); } })();
  return { status: 202, headers: { location: o.statusUrl(job.id), 'retry-after': String(o.retryAfterSeconds ?? 1) }, body: o.body ? o.body(job) : job };
}
