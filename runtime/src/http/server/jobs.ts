/**
 * 202-and-poll on the server: {@link acceptJob} starts work in the background
 * and answers 202 with `Location` (the job's status URL) and `Retry-After`;
 * the status operation answers from the {@link JobStore}. A job is `pending`,
 * then `running`, then `succeeded` with what the work returned or `failed`
 * with what it threw.
 */
import { randomUUID } from 'node:crypto';
import type { StoredResponse } from './idempotency/types.js';

/** A job as the status operation reports it. */
export interface JobStatus<R = unknown> {
  id: string;
  status: 'pending' | 'running' | 'succeeded' | 'failed';
  result?: R;
  error?: unknown;
  createdAt: string;
  updatedAt: string;
}

/** Where jobs are kept. `update` sets `updatedAt` itself. */
export interface JobStore {
  create(): Promise<JobStatus>;
  get(id: string): Promise<JobStatus | undefined>;
  update(id: string, patch: Partial<JobStatus>): Promise<void>;
}

/** Options of {@link createMemoryJobStore}. */
export interface MemoryJobStoreOptions {
  /** Finished jobs are forgotten this long after they finished (default 1 hour), so the map does not grow forever. */
  keepFinishedMs?: number;
}

/** The in-memory {@link JobStore} (one process; lost on restart). */
export function createMemoryJobStore(options: MemoryJobStoreOptions = {}): JobStore {
  const keep = options.keepFinishedMs ?? 60 * 60 * 1000;
  const jobs = new Map<string, { job: JobStatus; forgetAt?: number }>();
  const sweep = (now: number) => {
    for (const [id, e] of jobs) if (e.forgetAt !== undefined && e.forgetAt <= now) jobs.delete(id);
  };
  return {
    async create() {
      sweep(Date.now());
      const now = new Date().toISOString();
      const job: JobStatus = { id: randomUUID(), status: 'pending', createdAt: now, updatedAt: now };
      jobs.set(job.id, { job });
      return structuredClone(job);
    },
    async get(id) {
      const e = jobs.get(id);
      return e && structuredClone(e.job);
    },
    async update(id, patch) {
      const e = jobs.get(id);
      if (!e) return;
      // the id and creation time are the store's
      const { id: _id, createdAt: _created, ...rest } = patch;
      Object.assign(e.job, structuredClone(rest), { updatedAt: new Date().toISOString() });
      if (e.job.status === 'succeeded' || e.job.status === 'failed') e.forgetAt = Date.now() + keep;
    },
  };
}

/** Options of {@link acceptJob}. */
export interface AcceptJobOptions {
  store: JobStore;
  /** The status operation's URL for a job id (the 202's `Location`). */
  statusUrl: (id: string) => string;
  /** `Retry-After` of the 202 (default 1). */
  retryAfterSeconds?: number;
  /** The 202 body (default: the job as created). */
  body?: (job: JobStatus) => unknown;
  /** Called when the store fails while recording the job's progress (the work itself ran); default: ignored. */
  onStoreError?: (err: unknown, job: JobStatus) => void;
}

/** What a failed job records: an Error's name and message (not its stack), else the thrown value. */
function describeFailure(err: unknown): unknown {
  if (err instanceof Error) return { name: err.name, message: err.message };
  try {
    return structuredClone(err);
  } catch {
    return String(err);
  }
}

/** Starts `work` in the background; returns the 202 StoredResponse with Location (statusUrl(id)) and Retry-After. */
export async function acceptJob<R>(options: AcceptJobOptions, work: (job: JobStatus) => Promise<R>): Promise<StoredResponse> {
  const { store } = options;
  const job = await store.create();
  const onStoreError = options.onStoreError ?? (() => undefined);
  // after this function returned: the 202 reports the job pending
  setImmediate(() => {
    void (async () => {
      try {
        await store.update(job.id, { status: 'running' });
      } catch (err) {
        onStoreError(err, job);
      }
      let patch: Partial<JobStatus>;
      try {
        patch = { status: 'succeeded', result: await work(job) };
      } catch (err) {
        patch = { status: 'failed', error: describeFailure(err) };
      }
      try {
        await store.update(job.id, patch);
      } catch (err) {
        onStoreError(err, job);
      }
    })();
  });
  const retryAfter = Math.max(0, Math.round(options.retryAfterSeconds ?? 1));
  return {
    status: 202,
    headers: { location: options.statusUrl(job.id), 'retry-after': String(retryAfter) },
    body: options.body ? options.body(job) : job,
  };
}

export { createPgJobStore, createPgliteJobStore, createSqlJobStore, type SqlJobStoreOptions } from './sql-job-store.js';
