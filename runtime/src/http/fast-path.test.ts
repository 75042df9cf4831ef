/**
 * The client's lean per-call path gives the same requests and policy
 * behaviour as the general one: string URLs equal `buildUrl`'s hrefs, header
 * records equal `buildHeaders`, and first-attempt failures taken on the fast
 * path are still retried and still counted by the circuit breaker.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from './client.js';
import { buildHeaders, buildUrl, createUrlBuilder, headerRecord } from './encode.js';
import { CircuitOpenError, HttpProblemError } from './errors.js';
import type { RequestSpec } from './types.js';

describe('createUrlBuilder', () => {
  const specs: RequestSpec[] = [
    { method: 'GET', path: '/a/{id}/{b c}', pathParams: { id: 'x/y', 'b c': 1 }, query: { tag: ['p', 'q'], filter: { s: 'open' }, skip: undefined, at: new Date(0) } },
    { method: 'GET', path: '/plain' },
    { method: 'GET', path: '/{a}{b}', pathParams: { a: 'ü ñ', b: '?#' }, query: { q: 'a b&c=d', e: '' } },
    { method: 'GET', path: '/q', query: { none: undefined, nil: null } },
    { method: 'GET', path: '/odd?x=1', query: { y: 2 } },
    { method: 'GET', url: 'https://other.test/next?page=2', query: { limit: 5 } },
    { method: 'GET', url: 'relative/page' },
  ];
  for (const base of ['https://api.test/base/', 'https://api.test', 'http://127.0.0.1:8080/v1//', 'https://api.test/x?key=1']) {
    it(`gives buildUrl's href for every spec shape (base ${base})`, () => {
      const build = createUrlBuilder(base);
      for (const spec of specs) expect(build(spec)).toBe(buildUrl(base, spec).href);
    });
  }

  it('reports a missing path parameter like buildUrl', () => {
    expect(() => createUrlBuilder('https://api.test')({ method: 'GET', path: '/a/{id}' })).toThrow('Missing path parameter "id" for /a/{id}');
  });
});

describe('headerRecord', () => {
  it('matches buildHeaders (lower-case names, arrays joined, cookies, later sources win)', () => {
    const spec: RequestSpec = { method: 'GET', headers: { 'X-List': ['a', 'b'], 'X-Skip': undefined, 'User-Agent': 'spec' }, cookies: { s: 'a b', t: 1, u: null } };
    const record = headerRecord(spec, { 'User-Agent': 'ck', Accept: 'text/plain' }, { 'X-Call': '1' }, { 'x-call': '2' });
    expect(record).toEqual(Object.fromEntries(buildHeaders(spec, { 'User-Agent': 'ck', Accept: 'text/plain' }, { 'X-Call': '2' })));
  });
});

describe('policies on the fast path', () => {
  const state = { statuses: [] as number[], requests: [] as string[] };
  const server = createServer((req: IncomingMessage, res) => {
    state.requests.push(`${req.method} ${req.url} ${req.headers['idempotency-key'] ?? ''}`);
    const status = state.statuses.shift() ?? 200;
    res.writeHead(status, { 'content-type': 'application/json', ...(status === 503 ? { 'retry-after': '0' } : {}) });
    res.end(JSON.stringify({ status }));
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => void server.close());

  it('retries a first-attempt 503 and a 429 (the replayed attempt counts as the first)', async () => {
    const client = createHttpClient({ baseUrl: base, retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    state.requests = [];
    state.statuses = [503, 429];
    const r = await client.call<{ status: number }>({ method: 'GET', path: '/r' });
    expect(r.data).toEqual({ status: 200 });
    expect(state.requests).toHaveLength(3);
    state.statuses = [503, 503, 503];
    await expect(client.call({ method: 'GET', path: '/r' })).rejects.toMatchObject({ status: 503 });
    expect(state.requests).toHaveLength(6);
  });

  it('sends a caller idempotency key on every attempt of a retried POST', async () => {
    const client = createHttpClient({ baseUrl: base, retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    state.requests = [];
    state.statuses = [502];
    await client.call({ method: 'POST', path: '/p', body: {} }, { idempotencyKey: 'k-1' });
    expect(state.requests).toEqual(['POST /p k-1', 'POST /p k-1']);
    state.statuses = [502];
    await expect(client.call({ method: 'POST', path: '/p', body: {} })).rejects.toBeInstanceOf(HttpProblemError);
    expect(state.requests).toHaveLength(3);
  });

  it('counts consecutive failures only: a success in between resets the breaker', async () => {
    const client = createHttpClient({ baseUrl: base, retry: false, circuitBreaker: { threshold: 3, halfOpenAfterMs: 60_000 } });
    const get = () => client.call({ method: 'GET', path: '/b' });
    state.statuses = [500, 500, 200, 500, 500];
    for (const expected of [500, 500, 200, 500, 500]) {
      if (expected === 200) await expect(get()).resolves.toMatchObject({ status: 200 });
      else await expect(get()).rejects.toMatchObject({ status: expected });
    }
    // two consecutive failures so far: the circuit is still closed
    state.statuses = [500];
    await expect(get()).rejects.toMatchObject({ status: 500 });
    state.requests = [];
    await expect(get()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(state.requests).toEqual([]);
  });

  it('does not count 4xx answers as breaker failures', async () => {
    const client = createHttpClient({ baseUrl: base, retry: false, circuitBreaker: { threshold: 1 } });
    state.statuses = [404, 409];
    await expect(client.call({ method: 'GET', path: '/c' })).rejects.toMatchObject({ status: 404 });
    await expect(client.call({ method: 'GET', path: '/c' })).rejects.toMatchObject({ status: 409 });
    await expect(client.call({ method: 'GET', path: '/c' })).resolves.toMatchObject({ status: 200 });
  });
});
