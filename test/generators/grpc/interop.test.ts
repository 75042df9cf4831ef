/**
 * Interop with Connect-ES: the generated client against a Connect-ES server
 * speaking gRPC over HTTP/2, and a Connect-ES gRPC client against the
 * generated server. Both sides use the same protoc-gen-es output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Code, ConnectError, createClient, type ConnectRouter } from '@connectrpc/connect';
import { connectNodeAdapter, createGrpcTransport } from '@connectrpc/connect-node';
import { BadRequestSchema, createBreakerRegistry, GrpcError, Status } from '@contractkit/runtime/grpc';
import { EchoService } from '../../fixtures/grpc/echo-generated/echo/v1/echo_pb.js';
import { createEchoServiceClient } from '../../fixtures/grpc/echo-generated/echo/v1/echo_grpc.js';
import { startEchoServer } from './echo-server.js';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
}

describe('generated client → Connect-ES server (grpc: true, HTTP/2)', () => {
  let server: http2.Http2Server;
  let target = '';
  const routes = (router: ConnectRouter) =>
    router.service(EchoService, {
      async echo(req, ctx) {
        return { text: `connect: ${req.text}`, sequence: req.sequence + 1n, extra: { case: 'note', value: ctx.requestHeader.get('x-tenant') ?? '' } };
      },
      async put() {
        return { attempts: 1 };
      },
      async append() {
        return { attempts: 1 };
      },
      async *count(req) {
        for (let n = 1; n <= req.count; n++) yield { n };
      },
      async sum(requests) {
        let total = 0;
        let count = 0;
        for await (const r of requests) {
          total += r.value;
          count++;
        }
        return { total, count };
      },
      async *chat(requests) {
        for await (const r of requests) yield { text: `re: ${r.text}` };
      },
      async fail(req) {
        throw new ConnectError(req.message, req.code as Code, undefined, [
          { desc: BadRequestSchema, value: { fieldViolations: [{ field: 'text', description: 'from connect' }] } },
        ]);
      },
      async slow(_req, ctx) {
        await sleep(5000, undefined, { signal: ctx.signal }).catch(() => undefined);
        return { text: 'late' };
      },
    });

  beforeAll(async () => {
    server = http2.createServer(connectNodeAdapter({ routes, grpc: true, connect: false, grpcWeb: false }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    target = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const client = () => createEchoServiceClient(target, { breakers: createBreakerRegistry() });

  it('unary with metadata', async () => {
    const c = client();
    const res = await c.echo({ text: 'hi', sequence: 1n }, { metadata: { 'x-tenant': 't9' } });
    expect(res).toMatchObject({ text: 'connect: hi', sequence: 2n, extra: { case: 'note', value: 't9' } });
    c.close();
  });

  it('server, client and bidi streaming', async () => {
    const c = client();
    const ns: number[] = [];
    for await (const m of c.count({ count: 3 })) ns.push(m.n);
    expect(ns).toEqual([1, 2, 3]);
    async function* values() {
      yield { value: 5 };
      yield { value: 7 };
    }
    expect(await c.sum(values())).toMatchObject({ total: 12, count: 2 });
    async function* says() {
      yield { text: 'x' };
      yield { text: 'y' };
    }
    const got: string[] = [];
    for await (const m of c.chat(says())) got.push(m.text);
    expect(got).toEqual(['re: x', 're: y']);
    c.close();
  });

  it('status codes and rich details from Connect reach the generated client', async () => {
    const c = client();
    const e = (await rejection(c.fail({ code: Status.FAILED_PRECONDITION, message: 'no stock' }))) as GrpcError;
    expect(e).toBeInstanceOf(GrpcError);
    expect(e.code).toBe(Status.FAILED_PRECONDITION);
    expect(e.rawMessage).toBe('no stock');
    expect(e.findDetail(BadRequestSchema)?.fieldViolations[0]?.description).toBe('from connect');
    c.close();
  });

  it('deadlines propagate: DEADLINE_EXCEEDED', async () => {
    const c = client();
    const e = (await rejection(c.slow({}, { timeoutMs: 100 }))) as GrpcError;
    expect(e.code).toBe(Status.DEADLINE_EXCEEDED);
    c.close();
  });
});

describe('Connect-ES gRPC client → generated server (grpc-js)', () => {
  let srv: Awaited<ReturnType<typeof startEchoServer>>;
  let connect: ReturnType<typeof createClient<typeof EchoService>>;
  beforeAll(async () => {
    srv = await startEchoServer();
    connect = createClient(EchoService, createGrpcTransport({ baseUrl: `http://${srv.target}` }));
  });
  afterAll(() => srv.stop());

  it('unary, server, client and bidi streaming', async () => {
    expect(await connect.echo({ text: 'c', sequence: 9n })).toMatchObject({ text: 'c', sequence: 10n });
    const ns: number[] = [];
    for await (const m of connect.count({ count: 4 })) ns.push(m.n);
    expect(ns).toEqual([1, 2, 3, 4]);
    async function* values() {
      yield { value: 1 };
      yield { value: 2 };
    }
    expect(await connect.sum(values())).toMatchObject({ total: 3, count: 2 });
    async function* says() {
      yield { text: 'p' };
    }
    const got: string[] = [];
    for await (const m of connect.chat(says())) got.push(m.text);
    expect(got).toEqual(['re: p']);
  });

  it('status codes and rich details from the generated server reach Connect', async () => {
    const e = (await rejection(connect.fail({ code: Status.INVALID_ARGUMENT, message: 'bad', withDetails: true }))) as ConnectError;
    expect(e).toBeInstanceOf(ConnectError);
    expect(e.code).toBe(Code.InvalidArgument);
    expect(e.rawMessage).toBe('bad');
    expect(e.findDetails(BadRequestSchema)[0]?.fieldViolations[0]?.field).toBe('text');
  });

  it('a Connect deadline reaches the handler as DEADLINE_EXCEEDED', async () => {
    const e = (await rejection(connect.slow({ delay: { seconds: 5n } }, { timeoutMs: 100 }))) as ConnectError;
    expect(e.code).toBe(Code.DeadlineExceeded);
  });
});
