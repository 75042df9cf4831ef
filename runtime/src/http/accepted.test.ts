/**
 * 202-and-poll against a real node:http server that answers the polls with
 * each common status shape: a `state` or `phase` field, Kubernetes'
 * `status.phase`, Google's long-running operations, failures, a 303 See Other
 * to the result, status URLs in `Content-Location` / `Operation-Location`,
 * and a spec naming the field and its terminal values.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedHandle, type AcceptedHandle } from './accepted.js';
import { createHttpClient } from './client.js';
import { OperationFailedError, HttpTimeoutError } from './errors.js';

/** Per job: the answers to successive polls (the last one repeats), and how many polls it saw. */
const jobs = new Map<string, { answers: ((res: ServerResponse) => void)[]; polls: number }>();
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const server = createServer((req, res) => {
  const url = new URL(req.url!, 'http://x');
  const start = /^\/start\/([\w-]+)$/.exec(url.pathname);
  if (req.method === 'POST' && start) {
    const id = start[1]!;
    const header = id.startsWith('content-location') ? 'content-location' : id.startsWith('operation-location') ? 'operation-location' : 'location';
    return json(202, { accepted: id }, { [header]: `/jobs/${id}` })(res);
  }
  const job = /^\/jobs\/([\w-]+)$/.exec(url.pathname);
  if (req.method === 'GET' && job && jobs.has(job[1]!)) {
    const j = jobs.get(job[1]!)!;
    const answer = j.answers[Math.min(j.polls, j.answers.length - 1)]!;
    j.polls++;
    return answer(res);
  }
  if (req.method === 'GET' && url.pathname === '/results/7') return json(200, { id: 7, status: 'pending' })(res);
  json(404, { title: 'not found' })(res);
});

let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => void server.close());

let counter = 0;
/** Registers a job answering `answers` in turn, starts it, and returns its handle and job record. */
async function start(answers: ((res: ServerResponse) => void)[], prefix = 'job'): Promise<{ handle: AcceptedHandle<unknown>; job: { polls: number } }> {
  const id = `${prefix}-${++counter}`;
  const job = { answers, polls: 0 };
  jobs.set(id, job);
  const client = createHttpClient({ baseUrl: base, retry: false });
  const result = await client.call({ method: 'POST', path: `/start/${id}` });
  return { handle: acceptedHandle(client, result), job };
}

const fast = { intervalMs: 1, maxIntervalMs: 2, timeoutMs: 10_000 };

describe('AcceptedHandle.wait() recognizes the common status shapes', () => {
  it('a `state` enum (pending|running|done|failed) is polled until done, not taken as final at the first poll', async () => {
    const { handle, job } = await start([json(200, { state: 'pending' }), json(200, { state: 'running' }), json(200, { state: 'done', output: 42 })]);
    expect(await handle.wait(fast)).toEqual({ state: 'done', output: 42 });
    expect(job.polls).toBe(3);
  });

  it('a `phase` field and Kubernetes-style `status.phase`, in any letter case', async () => {
    const phase = await start([json(200, { phase: 'InProgress' }), json(200, { phase: 'Succeeded' })]);
    expect(await phase.handle.wait(fast)).toEqual({ phase: 'Succeeded' });
    const k8s = await start([json(200, { status: { phase: 'Pending' } }), json(200, { status: { phase: 'Running' } }), json(200, { status: { phase: 'Succeeded' }, name: 'x' })]);
    expect(await k8s.handle.wait(fast)).toEqual({ status: { phase: 'Succeeded' }, name: 'x' });
    expect(k8s.job.polls).toBe(3);
  });

  it('a Google long-running operation resolves with its `response` and rejects with its `error`', async () => {
    const ok = await start([json(200, { name: 'operations/1', done: false }), json(200, { name: 'operations/1', done: true, response: { id: 'r1' } })]);
    expect(await ok.handle.wait(fast)).toEqual({ id: 'r1' });
    const bad = await start([json(200, { name: 'operations/2', done: true, error: { code: 9, message: 'quota exhausted' } })]);
    const error = await bad.handle.wait(fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as OperationFailedError).message).toContain('quota exhausted');
    expect((error as OperationFailedError).body).toEqual({ name: 'operations/2', done: true, error: { code: 9, message: 'quota exhausted' } });
  });

  it('a failed, cancelled or failing-conclusion status rejects with OperationFailedError carrying the body', async () => {
    for (const body of [{ status: 'failed', error: { title: 'bad input' } }, { state: 'CANCELLED' }, { status: 'completed', conclusion: 'failure' }]) {
      const { handle } = await start([json(200, { status: 'queued' }), json(200, body)]);
      const error = await handle.wait(fast).catch((e: unknown) => e);
      expect(error, JSON.stringify(body)).toBeInstanceOf(OperationFailedError);
      expect((error as OperationFailedError).body).toEqual(body);
      expect((error as OperationFailedError).statusUrl).toBe(handle.statusUrl);
    }
  });

  it('a 303 See Other from the status URL leads to the result, whatever the result itself contains', async () => {
    const { handle } = await start([json(200, { status: 'running' }), json(303, {}, { location: '/results/7' })]);
    // the result's own `status: pending` is the order's, not the job's
    expect(await handle.wait(fast)).toEqual({ id: 7, status: 'pending' });
  });

  it('polls the status URL of a `Content-Location` or `Operation-Location` header', async () => {
    for (const prefix of ['content-location', 'operation-location']) {
      const { handle } = await start([json(200, { status: 'running' }), json(200, { status: 'succeeded' })], prefix);
      expect(handle.statusUrl).toMatch(new RegExp(`/jobs/${prefix}-\\d+$`));
      expect(await handle.wait(fast)).toEqual({ status: 'succeeded' });
    }
  });

  it('a status URL answering 202 while busy and 200 with the result when done', async () => {
    const { handle, job } = await start([json(202, { progress: 10 }), json(202, { progress: 90 }), json(200, { id: 'report-1' })]);
    expect(await handle.wait(fast)).toEqual({ id: 'report-1' });
    expect(job.polls).toBe(3);
  });

  it('a spec names the field and its terminal values (done, failed, the result property)', async () => {
    const completion = { field: 'progress.stage', done: ['shipped'], failed: ['lost'], result: 'parcel' };
    const ok = await start([json(200, { progress: { stage: 'packing' } }), json(200, { progress: { stage: 'shipped' }, parcel: { tracking: 'T1' } })]);
    expect(await ok.handle.wait({ ...fast, completion })).toEqual({ tracking: 'T1' });
    const lost = await start([json(200, { progress: { stage: 'lost' } })]);
    await expect(lost.handle.wait({ ...fast, completion })).rejects.toBeInstanceOf(OperationFailedError);
  });

  it('an unknown state is not taken as final: polling goes on and the timeout names the state seen', async () => {
    const { handle, job } = await start([json(200, { status: 'archived' })]);
    const error = await handle.wait({ intervalMs: 1, maxIntervalMs: 1, timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpTimeoutError);
    expect((error as Error).message).toContain('`archived`');
    expect((error as Error).message).toContain('completion');
    expect(job.polls).toBeGreaterThanOrEqual(1);
  });
});
