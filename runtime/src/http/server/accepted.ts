/**
 * 202-and-poll on the server: an operation answering 202 whose status
 * operation the contract names gets `ctx.accept(work, { body })` (helper
 * idem's `acceptJob` on the server's job store): the work runs in the
 * background, the answer is 202 with `Location` (the status operation's URL
 * for the new job, built from the request's path parameters and the job id)
 * and `Retry-After`. Every handler gets the store as `ctx.jobs`, so the
 * status operation answers from it.
 */
import { acceptJob, type JobStatus, type JobStore } from './jobs.js';
import type { DispatchLayers } from './dispatch.js';

/** What a 202 operation's handler context adds. `B` is the 202 body the contract declares. */
export interface AcceptContext<B> {
  /**
   * Starts `work` as a job and returns the 202 answer: `body(job, statusUrl)` is the contract's 202 body.
   * The job is `pending`, then `running`, then `succeeded` with what `work` returns or `failed` with what it threw.
   */
  accept<R>(work: (job: JobStatus) => Promise<R>, options: { body: (job: JobStatus, statusUrl: string) => B; retryAfterSeconds?: number }): Promise<{ status: 202; body: B; headers: Record<string, string> }>;
}

/** What every handler context adds when the contract has 202 operations. */
export interface JobsContext {
  /** The server's job store (the `jobs` option, else one in memory). */
  jobs: JobStore;
}

/** Fills a path template (`/orders/{orderId}/exports/{exportId}`) from `values`. */
export function fillTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (m, name: string) => (values[name] === undefined ? m : encodeURIComponent(String(values[name]))));
}

/** The context layer giving handlers `jobs` and, on 202 operations with a status operation, `accept`. */
export function jobsLayer(store: JobStore): NonNullable<DispatchLayers['extend']> {
  return (route, req, ctx) => {
    ctx.jobs = store;
    const accepted = route.accepted;
    if (!accepted) return;
    const accept: AcceptContext<unknown>['accept'] = async (work, options) => {
      const url = (id: string) => fillTemplate(accepted.statusPath, { ...req.path, [accepted.idParam]: id });
      const reply = await acceptJob({ store, statusUrl: url, ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}), body: (job) => options.body(job, url(job.id)) }, work);
      return { status: 202, body: reply.body, headers: reply.headers };
    };
    ctx.accept = accept;
  };
}
