/**
 * The streaming side of clients: response streams as async iterables, request
 * iterables written with backpressure, and per-call callbacks (cancellation,
 * headers, trailers).
 */
import type * as grpc from '@grpc/grpc-js';
import { Status } from './errors.js';
import { watch, type BoundMethod } from './client-call.js';
import type { CallOptions } from './types.js';

const noop = () => {};

/** Resolves on 'drain' or 'status', removing both listeners. */
function drained(call: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('status', done);
      resolve();
    };
    call.on('drain', done);
    call.on('status', done);
  });
}

/** Writes every request with backpressure, then half-closes. */
export async function pump(requests: AsyncIterable<unknown>, call: grpc.ClientWritableStream<unknown> | grpc.ClientDuplexStream<unknown, unknown>): Promise<void> {
  for await (const r of requests) {
    if (!call.write(r)) await drained(call);
  }
  call.end();
}

type ResponseStream = grpc.ClientReadableStream<unknown> | grpc.ClientDuplexStream<unknown, unknown>;

/** Resolves when a stream opens (response headers, or a clean end); rejects when it fails first. */
function opened(stream: ResponseStream, onFailure: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let open = false;
    const opens = () => {
      open = true;
      resolve();
    };
    stream.once('metadata', opens);
    stream.once('status', (s: grpc.StatusObject) => (s.code === Status.OK ? opens() : undefined));
    stream.once('error', (e) => {
      // an error after the stream opened is judged by the end status, not here
      if (open) return;
      onFailure();
      reject(e);
    });
  });
}

/**
 * A response stream as an async iterable (iterable once, like a generator).
 * The call starts on the first `next()`; stopping early (`break`, `return`)
 * cancels it. The breaker judges the call by the status it ends with. When
 * the breaker is not closed the start goes through it: fail fast, or a
 * half-open trial that is released as soon as the stream opens, so a long
 * stream does not hold the breaker half-open; its end status counts as well.
 * Messages pass straight from grpc-js's stream iterator, with one `then` each
 * (to map errors), not through an async generator.
 */
export function responses(m: BoundMethod, call: CallOptions | undefined, start: () => ResponseStream): AsyncIterableIterator<unknown> {
  let stream: ResponseStream | undefined;
  let inner: AsyncIterator<unknown> | undefined;
  let unwatch = noop;
  let finished = false;
  // set when cockatiel already judged the call (a trial that failed to open)
  let judged = false;
  // the half-open trial, while the call goes through the breaker
  let trial: Promise<void> | undefined;
  const breaker = m.breaker;
  const finish = () => {
    if (finished) return;
    finished = true;
    unwatch();
    // no-op once the status is in; otherwise the server learns we are gone
    stream?.cancel();
  };
  const onResult = (r: IteratorResult<unknown>) => {
    if (r.done) finish();
    return r;
  };
  const onError = (e: unknown): never => {
    finish();
    throw m.fail(e);
  };
  const begin = (): ResponseStream => {
    const s = start();
    stream = s;
    unwatch = watch(s, call);
    if (breaker) {
      s.once('status', (st: grpc.StatusObject) => {
        const judge = () => {
          if (judged) return;
          if (st.code === Status.OK) breaker.success();
          else breaker.failure(st.code);
        };
        // a status that arrives with the trial's first headers waits until
        // cockatiel has settled the trial (closed the breaker), then counts
        if (trial) trial.then(judge, noop);
        else judge();
      });
    }
    inner = s[Symbol.asyncIterator]();
    return s;
  };
  const first = (): Promise<IteratorResult<unknown>> => {
    if (breaker && !breaker.closed) {
      trial = breaker.execute(() => opened(begin(), () => (judged = true)));
      return trial
        .then(() => inner!.next())
        .then(onResult, onError);
    }
    try {
      begin();
    } catch (e) {
      return Promise.reject(e).then(onResult, onError);
    }
    return inner!.next().then(onResult, onError);
  };
  const iterator: AsyncIterableIterator<unknown> = {
    next() {
      if (finished) return Promise.resolve({ done: true, value: undefined });
      if (!inner) return first();
      return inner.next().then(onResult, onError);
    },
    async return(value?: unknown) {
      finish();
      await inner?.return?.();
      return { done: true, value };
    },
    async throw(e?: unknown) {
      finish();
      await inner?.return?.();
      throw e;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
