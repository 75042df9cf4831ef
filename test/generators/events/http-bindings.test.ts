/** `http` operation and message bindings (HTTP 0.3.0: method, query, headers) are honoured: emitted as request data, used by `httpStreamRequest`, run over server-sent events; bad ones are findings. */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSseClientTransport, createSseServerTransport, httpStreamRequest, type EventEnvelope } from '@contractkit/runtime/events';
import { UsageError } from '../../../contracts/errors.js';
import { generateFixture, typeCheck } from './helpers.js';

/** Resolves once `predicate` holds, checked on each turn of the event loop (the test timeout is the limit). */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((r) => setImmediate(r));
}

describe('events generator: http bindings', () => {
  it('emits the stream request (method, query, message headers with required and defaults); the output type-checks and runs over SSE', async () => {
    const out = await generateFixture('http-bindings.yaml', 'h1', 'job-updates');
    const bindings = readFileSync(join(out, 'bindings.ts'), 'utf8');
    expect(bindings).toContain("http: { method: 'GET', query: { tenant: { required: true }, since: { default: '0' } }, headers: { Authorization: { required: true }, 'x-client': { default: 'web' } } },");
    expect(bindings).toContain('export const onJobDoneBindings: EventBindings = {');
    expect(typeCheck(out, ['index.ts'])).toBe('');

    const gen = await import(join(out, 'index.ts'));
    expect(() => httpStreamRequest(gen.onJobDoneBindings.http)).toThrow('The event stream request needs query parameter `tenant`, header `Authorization`');
    const asked: string[] = [];
    const verifyClient = (req: IncomingMessage) => (asked.push(`${req.method} ${req.url} ${req.headers.authorization} ${req.headers['x-client']}`), req.headers.authorization === 'Bearer t');
    const server = await createSseServerTransport({ port: 0, host: '127.0.0.1', path: '/jobs', verifyClient });
    const client = await createSseClientTransport({ url: `http://127.0.0.1:${server.port}/jobs`, ...httpStreamRequest(gen.onJobDoneBindings.http, { query: { tenant: 'acme' }, headers: { Authorization: 'Bearer t' } }) });
    try {
      const seen: EventEnvelope[] = [];
      const c = await gen.consumeOnJobDone(client, { group: 'ui', handler: async (e: EventEnvelope) => void seen.push(e) });
      expect(asked).toEqual(['GET /jobs?since=0&tenant=acme&address=job.%7BjobId%7D.done Bearer t web']);
      await gen.createJobUpdatesProducer(server).pushJobDone({ jobId: 'j1', status: 'succeeded' }, { aggregateId: 'j1', correlationId: 'c', params: { jobId: 'j1' } });
      await until(() => seen.length === 1);
      expect(seen.map((e) => e.payload)).toEqual([{ jobId: 'j1', status: 'succeeded' }]);
      await c.close();
    } finally {
      await client.close();
      await server.close();
    }
  }, 60_000);

  it('an http binding whose query is not an object schema is a finding, and nothing is generated', async () => {
    const err = await generateFixture('bad-http-bindings.yaml', 'h2', 'job-updates').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    const messages = (err as UsageError).findings.map((f) => f.message);
    expect(messages).toContain("Operation `onJobDone`: the http binding's `query` must be an object schema (`type: object` with `properties`).");
  });
});
