/**
 * The circuit breaker judges every call by the status it ends with: unary
 * calls, server streams that open and then fail, client streams, and streams
 * the consumer stops (not a failure). The per-call fast path (breaker closed)
 * and cockatiel's state machine (open, half-open trial) work together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import * as grpc from '@grpc/grpc-js';
import { createBreakerRegistry, GrpcError, listen, Status, type BreakerRegistry, type ClientOptions } from '@contractkit/runtime/grpc';
import { createEchoServiceClient, registerEchoService, type EchoServiceClient } from '../../fixtures/grpc/echo-generated/echo/v1/echo_grpc.js';
import { echoHandlers, type EchoState } from './echo-server.js';

const state: EchoState = { attempts: new Map(), aborted: [], requestIds: [] };
const server = new grpc.Server();
let target = '';
const clients: EchoServiceClient[] = [];

beforeAll(async () => {
  const base = echoHandlers(state);
  registerEchoService(server, {
    ...base,
    // count: -1 sends one message and then fails with UNAVAILABLE
    async *count(req, ctx) {
      state.attempts.set('count', (state.attempts.get('count') ?? 0) + 1);
      if (req.count >= 0) {
        yield* base.count(req, ctx);
        return;
      }
      yield { n: 1 };
      throw new GrpcError(Status.UNAVAILABLE, 'stream broke');
    },
    // sum fails with UNAVAILABLE at the end when a value is negative
    async sum(requests) {
      let total = 0;
      let count = 0;
      for await (const r of requests) {
        total += r.value;
        count++;
      }
      if (total < 0) throw new GrpcError(Status.UNAVAILABLE, 'sum failed');
      return { total, count };
    },
  });
  target = `127.0.0.1:${await listen(server, '127.0.0.1:0')}`;
});
afterAll(() => {
  for (const c of clients) c.close();
  server.forceShutdown();
});

function client(breakers: BreakerRegistry, options: ClientOptions = {}) {
  const c = createEchoServiceClient(target, { breakers, retry: false, ...options });
  clients.push(c);
  return c;
}

async function drain(stream: AsyncIterable<unknown>): Promise<GrpcError | number> {
  let n = 0;
  try {
    for await (const _ of stream) n++;
    return n;
  } catch (e) {
    expect(e).toBeInstanceOf(GrpcError);
    return e as GrpcError;
  }
}

/** The rejection of a call that must fail. */
async function rejection(p: Promise<unknown>): Promise<GrpcError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GrpcError);
  return e as GrpcError;
}

async function* values(...vs: number[]) {
  for (const value of vs) yield { value };
}

describe('circuit breaker and streams', () => {
  it('a server stream that opens and then fails counts as a failure and opens the breaker', async () => {
    const breakers = createBreakerRegistry();
    const c = client(breakers, { breaker: { threshold: 2, halfOpenAfterMs: 60_000 } });
    for (let i = 0; i < 2; i++) {
      const e = await drain(c.count({ count: -1 }));
      expect((e as GrpcError).code).toBe(Status.UNAVAILABLE);
    }
    expect(breakers.get(target).state).toBe('open');
    const before = state.attempts.get('count');
    const e = (await drain(c.count({ count: 3 }))) as GrpcError;
    expect(e.code).toBe(Status.UNAVAILABLE);
    expect(e.rawMessage).toMatch(/circuit breaker .* is open/);
    expect(state.attempts.get('count')).toBe(before);
  });

  it('a stream that ends OK resets the consecutive count', async () => {
    const breakers = createBreakerRegistry();
    const c = client(breakers, { breaker: { threshold: 2, halfOpenAfterMs: 60_000 } });
    await drain(c.count({ count: -1 }));
    expect(await drain(c.count({ count: 3 }))).toBe(3);
    await drain(c.count({ count: -1 }));
    expect(breakers.get(target).state).toBe('closed');
    expect(await drain(c.count({ count: 2 }))).toBe(2);
  });

  it('a stream the consumer stops early is not a failure', async () => {
    const breakers = createBreakerRegistry();
    const c = client(breakers, { breaker: { threshold: 1, halfOpenAfterMs: 60_000 } });
    for await (const m of c.count({ count: 1000 })) {
      expect(m.n).toBe(1);
      break;
    }
    for await (const m of c.chat(values(1, 2, 3) as never)) {
      expect(m.text).toMatch(/^re: /);
      break;
    }
    expect(breakers.get(target).state).toBe('closed');
    expect(await drain(c.count({ count: 2 }))).toBe(2);
  });

  it('a client stream is judged by its status; a failing request iterable is not the server failing', async () => {
    const breakers = createBreakerRegistry();
    const c = client(breakers, { breaker: { threshold: 2, halfOpenAfterMs: 60_000 } });
    async function* broken() {
      yield { value: 1 };
      throw new Error('source broke');
    }
    for (let i = 0; i < 3; i++) {
      expect((await rejection(c.sum(broken()))).rawMessage).toBe('source broke');
    }
    expect(breakers.get(target).state).toBe('closed');
    expect(await c.sum(values(1, 2))).toMatchObject({ total: 3, count: 2 });
    for (let i = 0; i < 2; i++) {
      expect((await rejection(c.sum(values(1, -5)))).code).toBe(Status.UNAVAILABLE);
    }
    expect(breakers.get(target).state).toBe('open');
    expect((await rejection(c.sum(values(1)))).rawMessage).toMatch(/is open/);
  });

  it('after halfOpenAfterMs one trial call goes through and closes the breaker again', async () => {
    const breakers = createBreakerRegistry();
    const c = client(breakers, { breaker: { threshold: 1, halfOpenAfterMs: 50 } });
    expect((await rejection(c.fail({ code: Status.UNAVAILABLE, message: 'down' }))).code).toBe(Status.UNAVAILABLE);
    expect(breakers.get(target).state).toBe('open');
    await sleep(80);
    expect((await c.echo({ text: 'trial' })).text).toBe('trial');
    expect(breakers.get(target).state).toBe('closed');
    expect((await c.echo({ text: 'again' })).text).toBe('again');
  });

  it('a half-open trial stream is released when it opens and still judged by its end', async () => {
    const breakers = createBreakerRegistry();
    const c = client(breakers, { breaker: { threshold: 1, halfOpenAfterMs: 50 } });
    await c.fail({ code: Status.INTERNAL, message: 'down' }).catch(() => undefined);
    expect(breakers.get(target).state).toBe('open');
    await sleep(80);
    // the trial stream opens (closing the breaker), then fails: that failure counts
    expect(((await drain(c.count({ count: -1 }))) as GrpcError).code).toBe(Status.UNAVAILABLE);
    // recorded once cockatiel has settled the trial (microtasks, not time)
    await expect.poll(() => breakers.get(target).state).toBe('open');
  });

  it('codes that are not failures (NOT_FOUND, INVALID_ARGUMENT) never open it', async () => {
    const breakers = createBreakerRegistry();
    const c = client(breakers, { breaker: { threshold: 1, halfOpenAfterMs: 60_000 } });
    for (const code of [Status.NOT_FOUND, Status.INVALID_ARGUMENT, Status.FAILED_PRECONDITION]) {
      expect((await rejection(c.fail({ code, message: 'no' }))).code).toBe(code);
    }
    expect(breakers.get(target).state).toBe('closed');
  });
});
