/**
 * The echo service the grpc tests serve: every call kind, failures on
 * request, attempt counters for the retry tests, and a record of what the
 * handlers saw (metadata, cancellation).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { create } from '@bufbuild/protobuf';
import * as grpc from '@grpc/grpc-js';
import { BadRequestSchema, ErrorInfoSchema, GrpcError, RetryInfoSchema, listen, Status } from '@contractkit/runtime/grpc';
import { registerEchoService, type EchoServiceHandlers } from '../../fixtures/grpc/echo-generated/echo/v1/echo_grpc.js';

/** What the handlers observed. */
export interface EchoState {
  attempts: Map<string, number>;
  aborted: string[];
  requestIds: string[];
}

/** Handlers of the echo service over `state`. */
export function echoHandlers(state: EchoState): EchoServiceHandlers {
  const attempt = (key: string) => {
    const n = (state.attempts.get(key) ?? 0) + 1;
    state.attempts.set(key, n);
    return n;
  };
  return {
    async echo(req, ctx) {
      const id = ctx.metadata.get('x-request-id')[0];
      if (typeof id === 'string') {
        state.requestIds.push(id);
        ctx.responseHeader.set('x-request-id', id);
        ctx.responseTrailer.set('x-served-by', 'echo-test');
      }
      return { text: req.text, sequence: req.sequence + 1n, extra: { case: 'note', value: 'echoed' } };
    },
    async put(req) {
      // fails twice with UNAVAILABLE, then succeeds: an idempotent method is retried by the channel
      const n = attempt(`put:${req.key}`);
      if (n <= 2) throw new GrpcError(Status.UNAVAILABLE, `not yet (attempt ${n})`);
      return { attempts: n };
    },
    async append(req) {
      const n = attempt(`append:${req.key}`);
      if (n <= 2) throw new GrpcError(Status.UNAVAILABLE, `not yet (attempt ${n})`);
      return { attempts: n };
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
      for await (const r of requests) yield { text: `re: ${r.text}`, sequence: r.sequence };
    },
    async fail(req) {
      if (req.code === 0) throw new Error(req.message);
      const details = req.withDetails
        ? [
            create(BadRequestSchema, { fieldViolations: [{ field: 'text', description: 'must not be empty' }] }),
            create(ErrorInfoSchema, { reason: 'TEXT_EMPTY', domain: 'echo.example.com', metadata: { field: 'text' } }),
            create(RetryInfoSchema, { retryDelay: { seconds: 2n, nanos: 500_000_000 } }),
          ]
        : [];
      throw new GrpcError(req.code as Status, req.message, { details });
    },
    async slow(req, ctx) {
      const ms = Number(req.delay?.seconds ?? 0n) * 1000 + (req.delay?.nanos ?? 0) / 1e6;
      try {
        await sleep(ms, undefined, { signal: ctx.signal });
      } catch {
        state.aborted.push(ctx.method);
        throw new GrpcError(Status.CANCELLED, 'stopped');
      }
      return { text: 'done' };
    },
  };
}

/** Starts a grpc-js server with the echo service on a free loopback port. */
export async function startEchoServer(setup?: (server: grpc.Server) => Promise<void> | void) {
  const state: EchoState = { attempts: new Map(), aborted: [], requestIds: [] };
  const server = new grpc.Server();
  registerEchoService(server, echoHandlers(state));
  await setup?.(server);
  const port = await listen(server, '127.0.0.1:0');
  return { server, state, target: `127.0.0.1:${port}`, stop: () => new Promise<void>((r) => server.tryShutdown(() => r())) };
}
