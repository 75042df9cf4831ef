/**
 * The generated client against a real grpc-js server with the generated
 * handlers, on loopback: the four call kinds, metadata, deadlines, every
 * status code, retries of idempotent methods only, rich error details,
 * cancellation, the circuit breaker, health and reflection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import {
  addHealthService,
  addReflectionService,
  BadRequestSchema,
  createBreakerRegistry,
  ErrorInfoSchema,
  GrpcError,
  RetryInfoSchema,
  Status,
  type ClientOptions,
} from '@contractkit/runtime/grpc';
import { createEchoServiceClient, type EchoServiceClient } from '../../fixtures/grpc/echo-generated/echo/v1/echo_grpc.js';
import { startEchoServer } from './echo-server.js';
import { loadContract } from './helpers.js';

let srv: Awaited<ReturnType<typeof startEchoServer>>;
const clients: EchoServiceClient[] = [];
// every test gets its own breaker registry unless it tests the breaker
const client = (options: ClientOptions = {}) => {
  const c = createEchoServiceClient(srv.target, { breakers: createBreakerRegistry(), ...options });
  clients.push(c);
  return c;
};
async function rejection(p: Promise<unknown>): Promise<GrpcError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GrpcError);
  return e as GrpcError;
}

beforeAll(async () => {
  const contract = await loadContract('test/fixtures/grpc/echo', 'echo');
  srv = await startEchoServer(async (server) => {
    await addHealthService(server, { '': 'SERVING', 'echo.v1.EchoService': 'SERVING' });
    await addReflectionService(server, contract.image);
  });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await srv?.stop();
});

describe('call kinds', () => {
  it('unary: plain init objects in, messages out, bigint and oneof intact', async () => {
    const res = await client().echo({ text: 'hi', sequence: 41n });
    expect(res.$typeName).toBe('echo.v1.EchoResponse');
    expect(res.text).toBe('hi');
    expect(res.sequence).toBe(42n);
    expect(res.extra).toEqual({ case: 'note', value: 'echoed' });
  });

  it('server streaming is an async iterable', async () => {
    const ns: number[] = [];
    for await (const m of client().count({ count: 5 })) ns.push(m.n);
    expect(ns).toEqual([1, 2, 3, 4, 5]);
  });

  it('client streaming takes an async iterable', async () => {
    async function* values() {
      for (const value of [1, 2, 3, 4]) yield { value };
    }
    expect(await client().sum(values())).toMatchObject({ total: 10, count: 4 });
  });

  it('bidi streaming: both sides iterate', async () => {
    async function* says() {
      yield { text: 'a', sequence: 1n };
      yield { text: 'b', sequence: 2n };
    }
    const got: string[] = [];
    for await (const m of client().chat(says())) got.push(`${m.text}#${m.sequence}`);
    expect(got).toEqual(['re: a#1', 're: b#2']);
  });

  it('a consumer that stops early ends the stream', async () => {
    const ns: number[] = [];
    for await (const m of client().count({ count: 1000 })) {
      ns.push(m.n);
      if (m.n === 3) break;
    }
    expect(ns).toEqual([1, 2, 3]);
  });
});

describe('metadata', () => {
  it('sends request metadata and receives headers and trailers', async () => {
    let header: grpc.Metadata | undefined;
    let trailer: grpc.Metadata | undefined;
    await client({ metadata: { 'x-tenant': 't1' } }).echo(
      { text: 'm' },
      { metadata: { 'x-request-id': 'req-1' }, onHeader: (m) => (header = m), onTrailer: (m) => (trailer = m) },
    );
    expect(srv.state.requestIds).toContain('req-1');
    expect(header?.get('x-request-id')).toEqual(['req-1']);
    expect(trailer?.get('x-served-by')).toEqual(['echo-test']);
  });
});

describe('deadlines and cancellation', () => {
  it('a call past its deadline fails with DEADLINE_EXCEEDED and the handler sees the abort', async () => {
    const e = await rejection(client().slow({ delay: { seconds: 5n } }, { timeoutMs: 100 }));
    expect(e.code).toBe(Status.DEADLINE_EXCEEDED);
    await expect.poll(() => srv.state.aborted).toContain('/echo.v1.EchoService/Slow');
  });

  it('per-method default deadlines apply without call options', async () => {
    const e = await rejection(client({ methodTimeoutsMs: { slow: 100 } }).slow({ delay: { seconds: 5n } }));
    expect(e.code).toBe(Status.DEADLINE_EXCEEDED);
  });

  it('an AbortSignal cancels the call with CANCELLED', async () => {
    const before = srv.state.aborted.length;
    const ac = new AbortController();
    const p = client().slow({ delay: { seconds: 5n } }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    const e = await rejection(p);
    expect(e.code).toBe(Status.CANCELLED);
    await expect.poll(() => srv.state.aborted.length).toBeGreaterThan(before);
  });

  it('an already aborted signal fails before the call starts', async () => {
    const e = await rejection(client().echo({ text: 'x' }, { signal: AbortSignal.abort() }));
    expect(e.code).toBe(Status.CANCELLED);
  });
});

describe('status codes and rich errors', () => {
  const codes = Object.values(Status).filter((c): c is number => typeof c === 'number' && c !== Status.OK);
  it.each(codes)('status %i reaches the client as a GrpcError with that code', async (code) => {
    const e = await rejection(client({ retry: false }).fail({ code, message: `boom ${code}` }));
    expect(e.code).toBe(code);
    expect(e.rawMessage).toBe(`boom ${code}`);
  });

  it('a handler throwing a plain Error gives UNKNOWN with its message', async () => {
    const e = await rejection(client().fail({ code: 0, message: 'plain failure' }));
    expect(e.code).toBe(Status.UNKNOWN);
    expect(e.rawMessage).toBe('plain failure');
  });

  it('BadRequest, ErrorInfo and RetryInfo round-trip through grpc-status-details-bin', async () => {
    const e = await rejection(client().fail({ code: Status.INVALID_ARGUMENT, message: 'bad text', withDetails: true }));
    expect(e.code).toBe(Status.INVALID_ARGUMENT);
    expect(e.metadata.get('grpc-status-details-bin')).toHaveLength(1);
    expect(e.findDetail(BadRequestSchema)?.fieldViolations[0]).toMatchObject({ field: 'text', description: 'must not be empty' });
    expect(e.findDetail(ErrorInfoSchema)).toMatchObject({ reason: 'TEXT_EMPTY', domain: 'echo.example.com', metadata: { field: 'text' } });
    expect(e.findDetail(RetryInfoSchema)?.retryDelay).toMatchObject({ seconds: 2n, nanos: 500_000_000 });
  });
});

describe('retries', () => {
  it('an idempotent method is retried on UNAVAILABLE (fails twice, then succeeds)', async () => {
    const res = await client({ retry: { initialBackoffMs: 10, maxBackoffMs: 50 } }).put({ key: 'k1', value: 'v' });
    expect(res.attempts).toBe(3);
    expect(srv.state.attempts.get('put:k1')).toBe(3);
  });

  it('a non-idempotent method is not retried', async () => {
    const e = await rejection(client({ retry: { initialBackoffMs: 10 } }).append({ key: 'k2', value: 'v' }));
    expect(e.code).toBe(Status.UNAVAILABLE);
    expect(srv.state.attempts.get('append:k2')).toBe(1);
  });

  it('retry: false turns retries off', async () => {
    const e = await rejection(client({ retry: false }).put({ key: 'k3', value: 'v' }));
    expect(e.code).toBe(Status.UNAVAILABLE);
    expect(srv.state.attempts.get('put:k3')).toBe(1);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures and then fails fast without calling the server', async () => {
    const c = client({ retry: false, breaker: { threshold: 2, halfOpenAfterMs: 60_000 } });
    for (const key of ['b1', 'b2']) expect((await rejection(c.append({ key, value: 'v' }))).code).toBe(Status.UNAVAILABLE);
    const e = await rejection(c.append({ key: 'b3', value: 'v' }));
    expect(e.code).toBe(Status.UNAVAILABLE);
    expect(e.rawMessage).toMatch(/circuit breaker .* is open/);
    expect(srv.state.attempts.has('append:b3')).toBe(false);
  });

  it('is shared by clients of the same target and registry', async () => {
    const breakers = createBreakerRegistry();
    const a = client({ retry: false, breakers, breaker: { threshold: 1, halfOpenAfterMs: 60_000 } });
    const b = client({ retry: false, breakers });
    await rejection(a.append({ key: 's1', value: 'v' }));
    expect((await rejection(b.echo({ text: 'x' }))).rawMessage).toMatch(/open/);
  });
});

describe('health and reflection', () => {
  const require = createRequire(import.meta.url);
  const load = (file: string, includeDirs: string[] = []) =>
    grpc.loadPackageDefinition(protoLoader.loadSync(file, { keepCase: true, longs: String, enums: String, defaults: true, includeDirs })) as Record<string, any>;

  it('health answers SERVING for the server and the service', async () => {
    const { protoPath } = require('grpc-health-check') as { protoPath: string };
    const Health = load(protoPath).grpc.health.v1.Health;
    const health = new Health(srv.target, grpc.credentials.createInsecure());
    const check = (service: string) =>
      new Promise<any>((resolve, reject) => health.Check({ service }, (e: Error | null, r: unknown) => (e ? reject(e) : resolve(r))));
    expect((await check('')).status).toBe('SERVING');
    expect((await check('echo.v1.EchoService')).status).toBe('SERVING');
    health.close();
  });

  it('reflection lists the services and returns the file of a symbol, from the buf image', async () => {
    const file = require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');
    const Reflection = load(file).grpc.reflection.v1.ServerReflection;
    const r = new Reflection(srv.target, grpc.credentials.createInsecure());
    const ask = (req: object) =>
      new Promise<any>((resolve, reject) => {
        const call = r.ServerReflectionInfo();
        call.on('data', (d: unknown) => {
          resolve(d);
          call.end();
        });
        call.on('error', reject);
        call.write(req);
      });
    const list = await ask({ list_services: '*' });
    expect(list.list_services_response.service.map((s: { name: string }) => s.name)).toContain('echo.v1.EchoService');
    const files = await ask({ file_containing_symbol: 'echo.v1.EchoService' });
    expect(files.file_descriptor_response.file_descriptor_proto.length).toBeGreaterThan(0);
    r.close();
  });
});
