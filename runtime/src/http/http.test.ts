/**
 * Unit tests of the HTTP runtime's parsing and policy pieces: Retry-After,
 * full-jitter bounds, Link headers, SSE framing, URL/query/cookie encoding,
 * auth, middleware and Retry-After on 429 through a real server.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from './client.js';
import { buildHeaders, buildUrl } from './encode.js';
import { nextLink } from './pagination.js';
import { fullJitterDelay, retryAfterMs } from './policies.js';
import { readEventStream } from './sse.js';

describe('policy helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    const later = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfterMs(new Headers({ 'retry-after': later }))).toBeGreaterThan(50_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it('keeps full-jitter delays within [0, min(max, base·2^(n-1))]', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const d = fullJitterDelay(attempt, 100, 1000);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(Math.min(1000, 100 * 2 ** (attempt - 1)));
    }
  });

  it('finds the rel="next" link', () => {
    const h = new Headers({ link: '<https://api.test/x?page=1>; rel="prev", <https://api.test/x?page=3>; rel="next", <https://api.test/x?page=9>; rel="last"' });
    expect(nextLink(h)).toBe('https://api.test/x?page=3');
    expect(nextLink(new Headers({ link: '<https://api.test/x?page=9>; rel="last"' }))).toBeUndefined();
  });
});

describe('encoding', () => {
  it('fills path templates, explodes query arrays and objects, and writes cookies', () => {
    const url = buildUrl('https://api.test/base/', { method: 'GET', path: '/a/{id}/{b c}', pathParams: { id: 'x/y', 'b c': 1 }, query: { tag: ['p', 'q'], filter: { s: 'open' }, skip: undefined, at: new Date(0) } });
    expect(url.href).toBe('https://api.test/base/a/x%2Fy/1?tag=p&tag=q&s=open&at=1970-01-01T00%3A00%3A00.000Z');
    expect(() => buildUrl('https://api.test', { method: 'GET', path: '/a/{id}' })).toThrow('Missing path parameter "id"');
    const headers = buildHeaders({ method: 'GET', headers: { 'X-List': ['a', 'b'] }, cookies: { s: 'a b', t: 1 } }, { 'user-agent': 'ck' }, { 'x-call': '1' });
    expect(Object.fromEntries(headers)).toEqual({ 'x-list': 'a, b', cookie: 's=a%20b; t=1', 'user-agent': 'ck', 'x-call': '1' });
  });
});

describe('server-sent events', () => {
  it('parses fields, multi-line data, comments, CRLF and chunks split anywhere', async () => {
    const text = '\ufeff: comment\r\nevent: greet\r\ndata: hello\r\ndata: world\r\nid: 7\r\nretry: 1500\r\n\r\ndata:{"a":1}\n\ndata\n\n';
    const chunks = text.match(/[\s\S]{1,3}/g)!;
    const body = new ReadableStream<Uint8Array>({ start(c) { for (const x of chunks) c.enqueue(new TextEncoder().encode(x)); c.close(); } });
    const events = [];
    for await (const e of readEventStream(new Response(body))) events.push(e);
    expect(events).toEqual([
      { event: 'greet', data: 'hello\nworld', id: '7', retry: 1500 },
      { event: 'message', data: '{"a":1}', id: '7' },
      { event: 'message', data: '', id: '7' },
    ]);
  });
});

describe('client', () => {
  it('applies auth and middleware and honors Retry-After on 429', async () => {
    let hits = 0;
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.headers.authorization} ${req.headers['x-api-key'] ?? ''} ${req.url}`);
      if (++hits === 1) {
        res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/problem+json' });
        return res.end('{"title":"slow down","status":429}');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const log: string[] = [];
      const client = createHttpClient({
        baseUrl: base,
        auth: { type: 'basic', username: 'ü', password: 'p:w' },
        retry: { maxRetries: 1, baseDelayMs: 60_000, maxDelayMs: 60_000 },
        middleware: [async (req, next) => { log.push(`> ${req.method}`); const res = await next(req); log.push(`< ${res.status}`); return res; }],
      });
      // the backoff would wait a minute; Retry-After: 0 makes the retry immediate
      const r = await client.call<{ ok: boolean }>({ method: 'GET', path: '/x', query: { q: 1 } });
      expect(r.data).toEqual({ ok: true });
      expect(log).toEqual(['> GET', '< 429', '> GET', '< 200']);
      expect(seen[0]).toBe(`Basic ${Buffer.from('ü:p:w').toString('base64')}  /x?q=1`);
      const keyed = createHttpClient({ baseUrl: base, auth: { type: 'apiKey', name: 'X-Api-Key', value: async () => 'k1' } });
      await keyed.call({ method: 'GET', path: '/y' });
      expect(seen.at(-1)).toBe('undefined k1 /y');
    } finally {
      server.close();
    }
  });
});
