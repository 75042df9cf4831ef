/**
 * Without an OpenTelemetry SDK (the W3C propagator registered, as an
 * application might, but no tracer provider): tracing is a no-op. Requests,
 * metadata and messages carry no trace headers, nothing is stored with a
 * saga instance, and a caller's `traceparent` reaching a server passes on
 * unchanged (the API's non-recording spans keep the caller's context).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '@contractkit/runtime/http';
import { createEnvelope, createMemoryTransport, publishEvent, type Delivery } from '@contractkit/runtime/events';
import { createMemorySagaStore, createSagaRuntime, defineSaga } from '@contractkit/runtime/saga';
import { startHttpServerSpan } from '@contractkit/runtime/tracing';

propagation.setGlobalPropagator(new W3CTraceContextPropagator());

describe('tracing without an SDK', () => {
  const seen: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    seen.push({ ...req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends no traceparent on REST requests', async () => {
    await createHttpClient({ baseUrl: url, retry: false }).call({ method: 'GET', path: '/x' });
    expect(Object.keys(seen.at(-1)!).filter((k) => k.startsWith('trace'))).toEqual([]);
  });

  it('adds no trace headers to events', async () => {
    const transport = createMemoryTransport();
    const got: Delivery[] = [];
    await transport.subscribe({ address: 'a.b', group: 'g' }, async (d) => {
      got.push(d);
      await d.ack();
    });
    await publishEvent(transport, 'a.b', createEnvelope('a.b', 1, {}, { aggregateId: 'x', correlationId: 'y' }), undefined);
    for (const end = Date.now() + 5000; got.length === 0 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 5));
    expect(Object.keys(got[0]!.headers).sort()).toEqual(['correlation-id', 'event-id', 'event-type', 'event-version']);
    await transport.close();
  });

  it('stores no trace context with a saga instance', async () => {
    const runtime = createSagaRuntime({ store: createMemorySagaStore(), sagas: [defineSaga<null>({ name: 's', version: 1, steps: [{ name: 'only', invoke: async () => null }] })] });
    const { instance } = await runtime.start('s', null, { sagaId: 'one' });
    expect(instance.traceContext).toBeNull();
    await runtime.drain();
    expect((await runtime.get('one'))?.status).toBe('completed');
  });

  it('a server passes a caller’s trace context on unchanged (non-recording span)', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    // Node's rawHeaders keep the case a client sent (the server reads those, not the lazily built `headers`)
    const s = startHttpServerSpan({ method: 'GET', url: '/x', rawHeaders: ['Host', 'x', 'TraceParent', traceparent] } as never, '/x');
    expect(s.span.isRecording()).toBe(false);
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(s.context, s.span), carrier);
    expect(carrier.traceparent).toBe(traceparent);
  });
});
