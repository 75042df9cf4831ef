/**
 * One trace per place-order saga, through the example services and the
 * generated clients, participants and consumers, with an OpenTelemetry SDK
 * exporting to memory: on the local PostgreSQL (the saga's commands through
 * the outbox) and RabbitMQ or NATS JetStream, the completed run's trace holds
 * the saga's start, then every step in order, each with its REST, gRPC or
 * event spans (client and server, send and process, the reply included) as
 * descendants; the failing run (inventory refuses) shows the failed step and
 * the compensations, in reverse order, with their own REST and gRPC spans.
 */
import { randomUUID } from 'node:crypto';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draft } from './place-order-suite.js';
import { startPlaceOrderSystem, type PlaceOrderSystem } from '../../examples/orders/services/place-order-system.js';
import { ended, installTracing, started } from '../runtime/tracing/otel.js';

const otel = installTracing();
const URL = process.env.SAGA_TEST_DB ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];

afterAll(async () => {
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
});

/** The spans of one saga's trace (found by its start span), by start time. */
function sagaTrace(sagaId: string): ReadableSpan[] {
  const start = otel.spans().find((s) => s.name === 'saga place-order' && s.attributes['contractkit.saga.id'] === sagaId);
  return start ? otel.trace(start.spanContext().traceId) : [];
}

/** The spans under `root` in `spans` (children, their children…), in the order they started. */
function descendants(spans: ReadableSpan[], root: ReadableSpan): ReadableSpan[] {
  const ids = new Set([root.spanContext().spanId]);
  const out: ReadableSpan[] = [];
  // `spans` is in start order, and a child starts after its parent
  for (const s of spans) {
    if (s.parentSpanContext && ids.has(s.parentSpanContext.spanId)) {
      ids.add(s.spanContext().spanId);
      out.push(s);
    }
  }
  return out;
}

const kindName: Record<number, string> = { [SpanKind.CLIENT]: 'client', [SpanKind.SERVER]: 'server', [SpanKind.PRODUCER]: 'producer', [SpanKind.CONSUMER]: 'consumer', [SpanKind.INTERNAL]: 'internal' };
const label = (s: ReadableSpan) => `${kindName[s.kind]} ${s.name}`;

/** The steps (or compensations) of a trace in start order: each with the protocol spans under it. */
function calls(spans: ReadableSpan[]): { call: string; direction: unknown; spans: string[] }[] {
  return spans
    .filter((s) => s.name.startsWith('saga step ') || s.name.startsWith('saga compensate '))
    .map((s) => ({ call: s.name, direction: s.attributes['contractkit.saga.step.direction'], spans: descendants(spans, s).map(label) }));
}

/**
 * The saga's trace once its calls are `expected` (a server span ends just after its client saw the response, so the
 * trace is read again until it is complete), or as it is after a safety timeout, for the assertion to show.
 */
async function traceOf(sagaId: string, expected: ReturnType<typeof calls>): Promise<ReadableSpan[]> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const end = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 20))) {
    const spans = sagaTrace(sagaId);
    if (same(calls(spans), expected) || Date.now() > end) return spans;
  }
}

describe.each(['rabbitmq', 'nats'] as const)('place-order traced on PostgreSQL and %s', (transport) => {
  let system: PlaceOrderSystem;
  beforeAll(async () => {
    const schema = `saga_trace_${randomUUID().slice(0, 8)}`;
    schemas.push(schema);
    system = await startPlaceOrderSystem({ db: URL, schema, transport, runtime: { pollMs: 10 } });
  });
  afterAll(async () => {
    await system?.close();
  });

  it('a completed saga is one trace: the start, then every step in order with its REST, gRPC and event spans', async () => {
    const id = await system.placeOrder(draft(), `trace-ok-${randomUUID().slice(0, 8)}`);
    expect((await system.settled(id)).status).toBe('completed');
    const expected = [
      { call: 'saga step create-order', direction: 'do', spans: ['client POST /api/v1/orders', 'server POST /api/v1/orders'] },
      { call: 'saga step process-payment', direction: 'do', spans: ['client payments.v1.PaymentService/Charge', 'server payments.v1.PaymentService/Charge'] },
      {
        call: 'saga step reserve-inventory',
        direction: 'do',
        // the command, the inventory service handling it, its reply, and the saga's reply consumer
        spans: ['producer send reserve.inventory', 'consumer process reserve.inventory', 'producer send inventory.reserved', 'consumer process inventory.reserved'],
      },
      { call: 'saga step create-shipment', direction: 'do', spans: ['client POST /api/v1/orders/{orderId}/shipments', 'server POST /api/v1/orders/{orderId}/shipments'] },
    ];
    const spans = await traceOf(id, expected);
    expect(spans[0]!.name).toBe('saga place-order');
    expect(spans[0]!.parentSpanContext).toBeUndefined(); // started with no caller's trace: the saga's start is the root
    expect(calls(spans)).toEqual(expected);
    // in order: each step's span ends before the next one starts, all under the start span
    const steps = spans.filter((s) => s.name.startsWith('saga step '));
    for (let i = 1; i < steps.length; i++) expect(ended(steps[i - 1]!)).toBeLessThan(started(steps[i]!));
    for (const s of steps) {
      expect(s.parentSpanContext?.spanId).toBe(spans[0]!.spanContext().spanId);
      expect(s.attributes).toMatchObject({ 'contractkit.saga.id': id, 'contractkit.saga.name': 'place-order', 'contractkit.saga.compensation': false });
    }
    // one trace: no span of this saga (by its id, or by the correlation id its events carry) is in another
    const traceId = spans[0]!.spanContext().traceId;
    const ofSaga = otel.spans().filter((s) => s.attributes['contractkit.saga.id'] === id || s.attributes['messaging.message.conversation_id'] === id);
    expect(ofSaga.length).toBeGreaterThanOrEqual(9);
    expect(ofSaga.filter((s) => s.spanContext().traceId !== traceId)).toEqual([]);
    const system_ = spans.find((s) => s.name === 'send reserve.inventory')!.attributes['messaging.system'];
    expect(system_).toBe(transport);
  });

  it('a failing saga (inventory refuses) shows the failed step, then the compensations in reverse order with their own calls', async () => {
    system.inventory.refuse = true;
    let id: string;
    try {
      id = await system.placeOrder(draft(), `trace-fail-${randomUUID().slice(0, 8)}`);
      expect((await system.settled(id)).status).toBe('compensated');
    } finally {
      system.inventory.refuse = false;
    }
    const expected = [
      { call: 'saga step create-order', direction: 'do', spans: ['client POST /api/v1/orders', 'server POST /api/v1/orders'] },
      { call: 'saga step process-payment', direction: 'do', spans: ['client payments.v1.PaymentService/Charge', 'server payments.v1.PaymentService/Charge'] },
      { call: 'saga step reserve-inventory', direction: 'do', spans: ['producer send reserve.inventory', 'consumer process reserve.inventory', 'producer send reservation.failed', 'consumer process reservation.failed'] },
      { call: 'saga compensate process-payment', direction: 'undo', spans: ['client payments.v1.PaymentService/Refund', 'server payments.v1.PaymentService/Refund'] },
      { call: 'saga compensate create-order', direction: 'undo', spans: ['client POST /api/v1/orders/{orderId}/cancellations', 'server POST /api/v1/orders/{orderId}/cancellations'] },
    ];
    const spans = await traceOf(id!, expected);
    expect(calls(spans)).toEqual(expected);
    const failed = spans.find((s) => s.name === 'saga step reserve-inventory')!;
    expect(failed.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed.status.message).toContain('reservation.failed');
    for (const c of spans.filter((s) => s.name.startsWith('saga compensate '))) {
      expect(c.attributes).toMatchObject({ 'contractkit.saga.id': id!, 'contractkit.saga.compensation': true, 'contractkit.saga.step.direction': 'undo' });
      expect(c.status.code).toBe(SpanStatusCode.UNSET);
    }
  });
});
