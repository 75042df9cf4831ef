/**
 * Saga spans with an SDK installed, on PGlite (the trace context stored in
 * the saga table) and in memory: the start is a child of the caller's span,
 * every call a child of the start, whichever tick runs it — including a
 * compensation parked as `compensation_failed` and resumed later; the
 * compensations are marked as such; a failing call's span is failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemorySagaStore, createSagaLifecyclePublisher, createSagaRuntime, defineSaga, NonRetryableError, openSagaStore, type SagaStore } from '@contractkit/runtime/saga';
import { createMemoryTransport } from '@contractkit/runtime/events';
import { installTracing, isChildOf } from './otel.js';

const otel = installTracing();
const tracer = trace.getTracer('test');
const dir = mkdtempSync(join(tmpdir(), 'ck-saga-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => otel.reset());

let refundFails = true;
const saga = defineSaga<{ n: number }>({
  name: 'pay',
  version: 1,
  steps: [
    {
      name: 'charge',
      invoke: async (d) => (tracer.startActiveSpan('charge work', (s) => s.end()), d),
      compensate: async () => {
        if (refundFails) throw new Error('refund down');
      },
    },
    { name: 'ship', invoke: async () => Promise.reject(new NonRetryableError('no address')) },
  ],
});

describe.each([
  ['PGlite', async () => openSagaStore(join(dir, 'db'))],
  ['memory', async () => createMemorySagaStore()],
] as [string, () => Promise<SagaStore>][])('saga spans on %s', (_name, open) => {
  it('one trace from the caller through the start, the calls, a parked compensation and its resume', async () => {
    refundFails = true;
    const store = await open();
    const runtime = createSagaRuntime({ store, sagas: [saga], compensationRetryLimit: 1 });
    const sagaId = `s-${_name}`;
    await tracer.startActiveSpan('caller', async (caller) => {
      await runtime.start('pay', { n: 1 }, { sagaId });
      caller.end();
    });
    await runtime.drain();
    expect((await runtime.get(sagaId))?.status).toBe('compensation_failed');
    expect((await runtime.get(sagaId))?.traceContext?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    refundFails = false;
    await runtime.resume(sagaId);
    await runtime.drain();
    expect((await runtime.get(sagaId))?.status).toBe('compensated');
    await store.close();

    const caller = otel.one('caller');
    const start = otel.one('saga pay');
    expect(isChildOf(start, caller)).toBe(true);
    expect(start.attributes).toMatchObject({ 'contractkit.saga.id': sagaId, 'contractkit.saga.name': 'pay', 'contractkit.saga.version': 1, 'contractkit.saga.created': true });
    const spans = otel.trace(caller.spanContext().traceId).map((s) => s.name);
    expect(spans).toEqual(['caller', 'saga pay', 'saga step charge', 'charge work', 'saga step ship', 'saga compensate charge', 'saga compensate charge']);
    const [firstUndo, secondUndo] = otel.trace(caller.spanContext().traceId).filter((s) => s.name === 'saga compensate charge');
    for (const s of otel.spans().filter((x) => x.name.startsWith('saga ') && x !== start)) expect(isChildOf(s, start)).toBe(true);
    expect(isChildOf(otel.one('charge work'), otel.one('saga step charge'))).toBe(true);
    expect(otel.one('saga step ship').status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'no address' });
    expect(firstUndo!.status.code).toBe(SpanStatusCode.ERROR);
    expect(secondUndo!.status.code).toBe(SpanStatusCode.UNSET);
    expect(secondUndo!.attributes).toMatchObject({ 'contractkit.saga.step': 'charge', 'contractkit.saga.step.direction': 'undo', 'contractkit.saga.compensation': true, 'contractkit.saga.idempotency_key': `${sagaId}:charge:undo` });
  });

  it('tracing: false opens no saga spans and stores no context', async () => {
    const store = await open();
    const runtime = createSagaRuntime({ store, sagas: [saga], tracing: false });
    const { instance } = await runtime.start('pay', { n: 1 }, { sagaId: `off-${_name}` });
    expect(instance.traceContext).toBeNull();
    await runtime.drain();
    await store.close();
    expect(otel.spans().filter((s) => s.name.startsWith('saga '))).toEqual([]);
  });

  it('lifecycle events published by createSagaLifecyclePublisher are `send` spans in the saga’s trace', async () => {
    refundFails = false;
    const store = await open();
    const transport = createMemoryTransport();
    const runtime = createSagaRuntime({ store, sagas: [saga], onEvent: createSagaLifecyclePublisher({ transport }) });
    await runtime.start('pay', { n: 1 }, { sagaId: `events-${_name}` });
    await runtime.drain();
    await store.close();
    await transport.close();
    const start = otel.one('saga pay');
    const sends = otel.spans().filter((x) => x.name.startsWith('send '));
    // the default types: saga.started, then (ship fails, charge is undone) saga.compensated
    expect(sends.map((x) => x.attributes['messaging.message.conversation_id'])).toEqual([`events-${_name}`, `events-${_name}`]);
    for (const x of sends) expect(isChildOf(x, start)).toBe(true);
  });
});
