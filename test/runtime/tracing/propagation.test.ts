/**
 * Trace context through the runtime with an OpenTelemetry SDK installed (in
 * memory): REST client → node:http server, gRPC client → generated server,
 * events producer → consumer on the memory transport and the real local
 * RabbitMQ, NATS JetStream and MQTT 5 brokers (Kafka: the message mapping
 * both ways, no broker here), and batch consumers linking to the producers.
 * Span names and attributes follow the semantic conventions.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, HttpProblemError, withHttpServerSpan } from '@contractkit/runtime/http';
import { Status } from '@contractkit/runtime/grpc';
import {
  createConsumer,
  createEnvelope,
  createMemoryTransport,
  createMqttTransport,
  createNatsTransport,
  createOutboxRelay,
  createRabbitMqTransport,
  fromKafkaHeaders,
  inTransaction,
  migrate,
  sendEvent,
  publishEvent,
  toKafkaMessage,
  encodeEvent,
  type EventVersionSpec,
  type Transport,
} from '@contractkit/runtime/events';
import { startBatchConsumerSpan, startProducerSpan } from '@contractkit/runtime/tracing';
import { createPaymentServiceClient } from '../../../examples/orders/generated/grpc/payments/v1/payments_grpc.js';
import { startPaymentsService, type PaymentsService } from '../../../examples/orders/services/payments-service.js';
import { createOrderServiceClient, registerOrderService } from '../../../examples/orders/generated/grpc/orders/v1/orders_grpc.js';
import { listen } from '@contractkit/runtime/grpc';
import { Server } from '@grpc/grpc-js';
import pg from 'pg';
import { installTracing, isChildOf } from './otel.js';

const otel = installTracing();
const tracer = trace.getTracer('test');
const run = randomUUID().slice(0, 8);
beforeEach(() => otel.reset());

/** Polls until `check` holds (a safety timeout only). */
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !check(); await new Promise((r) => setTimeout(r, 10))) if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
}

describe('REST', () => {
  let url: string;
  const seen: (string | undefined)[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) =>
    withHttpServerSpan(req, res, '/orders/{orderId}', () => {
      seen.push(req.headers.traceparent as string | undefined);
      // a span the handler opens is a child of the server span (the handler runs in its context)
      tracer.startActiveSpan('handler work', (s) => s.end());
      res.writeHead(req.url?.endsWith('/missing') ? 404 : 200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    }),
  );
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('a GET is a client span `GET /orders/{orderId}` whose traceparent the server continues', async () => {
    const client = createHttpClient({ baseUrl: url, retry: false });
    await tracer.startActiveSpan('caller', async (caller) => {
      await client.call({ method: 'GET', path: '/orders/{orderId}', pathParams: { orderId: 42 } });
      caller.end();
    });
    const caller = otel.one('caller');
    const clientSpan = otel.one('GET /orders/{orderId}', (s) => s.kind === SpanKind.CLIENT);
    const serverSpan = otel.one('GET /orders/{orderId}', (s) => s.kind === SpanKind.SERVER);
    expect(isChildOf(clientSpan, caller)).toBe(true);
    expect(isChildOf(serverSpan, clientSpan)).toBe(true);
    expect(isChildOf(otel.one('handler work'), serverSpan)).toBe(true);
    expect(seen.at(-1)).toBe(`00-${clientSpan.spanContext().traceId}-${clientSpan.spanContext().spanId}-01`);
    expect(clientSpan.attributes).toMatchObject({ 'http.request.method': 'GET', 'url.template': '/orders/{orderId}', 'url.full': `${url}/orders/42`, 'server.address': '127.0.0.1', 'http.response.status_code': 200 });
    expect(serverSpan.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.route': '/orders/{orderId}', 'url.path': '/orders/42', 'http.response.status_code': 200 });
  });

  it('a 404 marks the client span failed (error.type 404), not the server span', async () => {
    const client = createHttpClient({ baseUrl: url, retry: false });
    await expect(client.call({ method: 'GET', path: '/orders/{orderId}', pathParams: { orderId: 'missing' } })).rejects.toBeInstanceOf(HttpProblemError);
    const clientSpan = otel.one('GET /orders/{orderId}', (s) => s.kind === SpanKind.CLIENT);
    expect(clientSpan.status.code).toBe(SpanStatusCode.ERROR);
    expect(clientSpan.attributes['error.type']).toBe('404');
    expect(otel.one('GET /orders/{orderId}', (s) => s.kind === SpanKind.SERVER).status.code).toBe(SpanStatusCode.UNSET);
  });

  it('tracing: false sends no traceparent and opens no client span', async () => {
    const client = createHttpClient({ baseUrl: url, retry: false, tracing: false });
    await tracer.startActiveSpan('caller', async (caller) => {
      await client.call({ method: 'GET', path: '/orders/{orderId}', pathParams: { orderId: 1 } });
      caller.end();
    });
    expect(seen.at(-1)).toBeUndefined();
    expect(otel.spans().filter((s) => s.kind === SpanKind.CLIENT)).toEqual([]);
  });
});

describe('gRPC', () => {
  let payments: PaymentsService;
  beforeAll(async () => {
    payments = await startPaymentsService();
  });
  afterAll(() => payments.close());

  it('a unary call is `payments.v1.PaymentService/Charge` on both sides, the server continuing the metadata traceparent', async () => {
    const client = createPaymentServiceClient(payments.target, { retry: false, breaker: false });
    try {
      await tracer.startActiveSpan('caller', async (caller) => {
        await client.charge({ orderId: 'o-1', idempotencyKey: `k-${run}` });
        caller.end();
      });
    } finally {
      client.close();
    }
    const clientSpan = otel.one('payments.v1.PaymentService/Charge', (s) => s.kind === SpanKind.CLIENT);
    const serverSpan = otel.one('payments.v1.PaymentService/Charge', (s) => s.kind === SpanKind.SERVER);
    expect(isChildOf(clientSpan, otel.one('caller'))).toBe(true);
    expect(isChildOf(serverSpan, clientSpan)).toBe(true);
    const port = Number(payments.target.split(':')[1]);
    expect(clientSpan.attributes).toEqual({ 'rpc.system': 'grpc', 'rpc.service': 'payments.v1.PaymentService', 'rpc.method': 'Charge', 'server.address': '127.0.0.1', 'server.port': port, 'rpc.grpc.status_code': 0 });
    expect(serverSpan.attributes).toMatchObject({ 'rpc.system': 'grpc', 'rpc.service': 'payments.v1.PaymentService', 'rpc.method': 'Charge', 'rpc.grpc.status_code': 0 });
  });

  it('a declined charge (FAILED_PRECONDITION) fails the client span; the server span stays unset (not a server fault)', async () => {
    const client = createPaymentServiceClient(payments.target, { retry: false, breaker: false });
    payments.refuse = true;
    try {
      await expect(client.charge({ orderId: 'o-2', idempotencyKey: `k2-${run}` })).rejects.toMatchObject({ code: Status.FAILED_PRECONDITION });
    } finally {
      payments.refuse = false;
      client.close();
    }
    const clientSpan = otel.one('payments.v1.PaymentService/Charge', (s) => s.kind === SpanKind.CLIENT);
    expect(clientSpan.status.code).toBe(SpanStatusCode.ERROR);
    expect(clientSpan.attributes['rpc.grpc.status_code']).toBe(Status.FAILED_PRECONDITION);
    const serverSpan = otel.one('payments.v1.PaymentService/Charge', (s) => s.kind === SpanKind.SERVER);
    expect(serverSpan.attributes['rpc.grpc.status_code']).toBe(Status.FAILED_PRECONDITION);
    expect(serverSpan.status.code).toBe(SpanStatusCode.UNSET);
  });
});

describe('gRPC streams', () => {
  it('a server stream is one client span ended by its status, and the server handler runs in the server span', async () => {
    const server = new Server();
    let active: string | undefined;
    registerOrderService(server, {
      getOrder: async () => ({}),
      listOrders: async () => ({}),
      createOrder: async () => ({}),
      async *streamOrders() {
        active = trace.getActiveSpan()?.spanContext().spanId;
        yield {};
        yield {};
      },
    });
    const port = await listen(server, '127.0.0.1:0');
    const client = createOrderServiceClient(`127.0.0.1:${port}`, { breaker: false });
    try {
      let n = 0;
      await tracer.startActiveSpan('caller', async (caller) => {
        for await (const _ of client.streamOrders({ customerId: 'c' })) n++;
        caller.end();
      });
      expect(n).toBe(2);
      await until(() => otel.spans().filter((s) => s.name === 'orders.v1.OrderService/StreamOrders').length === 2, 'both stream spans');
    } finally {
      client.close();
      server.forceShutdown();
    }
    const clientSpan = otel.one('orders.v1.OrderService/StreamOrders', (s) => s.kind === SpanKind.CLIENT);
    const serverSpan = otel.one('orders.v1.OrderService/StreamOrders', (s) => s.kind === SpanKind.SERVER);
    expect(isChildOf(clientSpan, otel.one('caller'))).toBe(true);
    expect(isChildOf(serverSpan, clientSpan)).toBe(true);
    expect(active).toBe(serverSpan.spanContext().spanId);
    expect(clientSpan.attributes['rpc.grpc.status_code']).toBe(0);
  });
});

const spec: EventVersionSpec = { version: 1, validate: () => true, validates: 'payload' };

interface BrokerCase {
  name: string;
  system: string;
  open(): Promise<Transport>;
  cleanup?(t: Transport): Promise<void>;
}

const brokers: BrokerCase[] = [
  { name: 'memory', system: 'memory', open: async () => createMemoryTransport() },
  {
    name: 'RabbitMQ',
    system: 'rabbitmq',
    open: () => createRabbitMqTransport({ url: 'amqp://guest:guest@127.0.0.1:5672', exchange: `ck-trace-${run}` }),
    cleanup: (t) => (t as unknown as { deleteTopology(): Promise<void> }).deleteTopology(),
  },
  {
    name: 'NATS JetStream',
    system: 'nats',
    open: () => createNatsTransport({ servers: '127.0.0.1:4222', stream: `CK_TRACE_${run}`, subjects: ['shop.order.{orderId}.placed'], subjectPrefix: `trace${run}.` }),
    cleanup: (t) => (t as unknown as { deleteStreams(): Promise<void> }).deleteStreams(),
  },
  { name: 'MQTT 5', system: 'mqtt', open: () => createMqttTransport({ url: 'mqtt://127.0.0.1:1883', topicPrefix: `ck-trace-${run}` }) },
];

describe.each(brokers)('events on $name', (broker) => {
  let transport: Transport;
  beforeAll(async () => {
    transport = await broker.open();
  });
  afterAll(async () => {
    await broker.cleanup?.(transport).catch(() => undefined);
    await transport.close();
  });

  it('the consumer’s `process` span is a child of the producer’s `send` span, through the message headers', async () => {
    const handled: { traceparent: string | undefined; active: string | undefined }[] = [];
    const consumer = await createConsumer({
      transport,
      address: 'shop.order.{orderId}.placed',
      group: `trace-${run}`,
      events: [{ eventType: 'order.placed', versions: [spec] }],
      handler: async (_e, ctx) => void handled.push({ traceparent: ctx.headers.traceparent, active: trace.getActiveSpan()?.spanContext().spanId }),
    });
    try {
      const envelope = createEnvelope('order.placed', 1, { n: 1 }, { aggregateId: 'o-7', correlationId: 'c-7' });
      await tracer.startActiveSpan('caller', async (caller) => {
        await publishEvent(transport, 'shop.order.o-7.placed', envelope, spec);
        caller.end();
      });
      await until(() => handled.length === 1 && otel.spans().some((s) => s.kind === SpanKind.CONSUMER), 'the delivery');
    } finally {
      await consumer.close();
    }
    const send = otel.one('send shop.order.o-7.placed');
    const processed = otel.one('process shop.order.{orderId}.placed');
    expect(send.kind).toBe(SpanKind.PRODUCER);
    expect(processed.kind).toBe(SpanKind.CONSUMER);
    expect(isChildOf(send, otel.one('caller'))).toBe(true);
    expect(isChildOf(processed, send)).toBe(true);
    expect(handled[0]!.traceparent).toBe(`00-${send.spanContext().traceId}-${send.spanContext().spanId}-01`);
    expect(handled[0]!.active).toBe(processed.spanContext().spanId); // the handler runs in the process span
    expect(send.attributes).toMatchObject({ 'messaging.system': broker.system, 'messaging.destination.name': 'shop.order.o-7.placed', 'messaging.operation.type': 'send', 'messaging.message.conversation_id': 'c-7' });
    expect(processed.attributes).toMatchObject({ 'messaging.system': broker.system, 'messaging.destination.template': 'shop.order.{orderId}.placed', 'messaging.operation.type': 'process', 'messaging.consumer.group.name': `trace-${run}` });
  });
});

describe('events through the PostgreSQL outbox (sendEvent with `outbox: tx`)', () => {
  it('the row keeps the send span’s context and the relay delivers it: process is a child of send', async () => {
    const pool = new pg.Pool({ connectionString: process.env.EVENTS_TEST_PG ?? 'postgres://postgres:postgres@127.0.0.1:5432/test', max: 2 });
    const table = `ck_trace_outbox_${run}`;
    const transport = createMemoryTransport();
    const handled: string[] = [];
    const consumer = await createConsumer({ transport, address: 'shop.order.{orderId}.placed', group: 'outbox', events: [{ eventType: 'order.placed', versions: [spec] }], handler: async (e) => void handled.push(e.eventId) });
    const relay = createOutboxRelay({ pool, transport, table });
    try {
      await migrate(pool, { outbox: table });
      const envelope = createEnvelope('order.placed', 1, {}, { aggregateId: 'o-9', correlationId: 'c-9' });
      await tracer.startActiveSpan('caller', (caller) => inTransaction(pool, (tx) => sendEvent(transport, 'shop.order.o-9.placed', envelope, spec, { outbox: tx, outboxTable: table })).finally(() => caller.end()));
      const { rows } = await pool.query(`SELECT headers FROM ${table}`);
      const send = otel.one('send shop.order.o-9.placed');
      expect(rows[0].headers.traceparent).toBe(`00-${send.spanContext().traceId}-${send.spanContext().spanId}-01`);
      expect(await relay.relayOnce()).toBe(1);
      await until(() => handled.length === 1 && otel.spans().some((x) => x.kind === SpanKind.CONSUMER), 'the relayed delivery');
      expect(isChildOf(otel.one('process shop.order.{orderId}.placed'), send)).toBe(true);
      expect(isChildOf(send, otel.one('caller'))).toBe(true);
    } finally {
      await consumer.close();
      await transport.close();
      await pool.query(`DROP TABLE IF EXISTS ${table}`);
      await pool.end();
    }
  });
});

describe('consumer outcomes', () => {
  it('a dead-lettered message and a failing handler make the process span an error', async () => {
    const transport = createMemoryTransport();
    let calls = 0;
    const consumer = await createConsumer({
      transport,
      address: 'shop.order.{orderId}.placed',
      group: 'outcomes',
      events: [{ eventType: 'order.placed', versions: [spec] }],
      retry: { maxAttempts: 1 },
      handler: async () => {
        calls++;
        throw new Error('handler broke');
      },
    });
    try {
      await publishEvent(transport, 'shop.order.o-1.placed', createEnvelope('order.shipped', 1, {}, { aggregateId: 'o-1', correlationId: 'c' }), undefined);
      await publishEvent(transport, 'shop.order.o-2.placed', createEnvelope('order.placed', 1, {}, { aggregateId: 'o-2', correlationId: 'c' }), spec);
      await until(() => calls === 1 && otel.spans().filter((s) => s.kind === SpanKind.CONSUMER).length === 2, 'both deliveries');
    } finally {
      await consumer.close();
      await transport.close();
    }
    const [unexpected, broken] = otel.spans().filter((s) => s.kind === SpanKind.CONSUMER).sort((a, b) => String(a.attributes['messaging.destination.name']).localeCompare(String(b.attributes['messaging.destination.name'])));
    expect(unexpected!.status.code).toBe(SpanStatusCode.ERROR);
    expect(unexpected!.attributes).toMatchObject({ 'error.type': 'dead_letter', 'contractkit.messaging.dead_letter_reason': 'unexpected event type order.shipped on shop.order.{orderId}.placed' });
    expect(broken!.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'handler broke' });
  });
});

describe('Kafka message mapping', () => {
  it('carries traceparent in the Kafka headers and reads it back', () => {
    const envelope = createEnvelope('order.placed', 1, {}, { aggregateId: 'a', correlationId: 'c' });
    const message = encodeEvent(envelope);
    const span = startProducerSpan({ system: 'kafka', destination: 'orders' }, message.headers);
    span.end();
    const back = fromKafkaHeaders(toKafkaMessage(message).headers as Record<string, unknown>);
    expect(back.traceparent).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
  });
});

describe('batch consumers', () => {
  it('a batch’s process span links to every producer span instead of taking one as its parent', () => {
    const headers = [1, 2, 3].map(() => ({}) as Record<string, string>);
    const producers = headers.map((h, i) => {
      const s = startProducerSpan({ system: 'kafka', destination: 'orders', messageId: String(i) }, h);
      s.end();
      return s.spanContext();
    });
    const { span } = startBatchConsumerSpan({ system: 'kafka', destination: 'orders', group: 'g' }, [...headers, {}]);
    span.end();
    const batch = otel.one('process orders');
    expect(batch.parentSpanContext).toBeUndefined();
    expect(new Set(producers.map((p) => p.traceId)).has(batch.spanContext().traceId)).toBe(false);
    expect(batch.links.map((l) => l.context.spanId)).toEqual(producers.map((p) => p.spanId));
    expect(batch.attributes).toMatchObject({ 'messaging.batch.message_count': 4, 'messaging.operation.type': 'process', 'messaging.consumer.group.name': 'g' });
  });
});
