/**
 * The orders example as a running system: the orders (REST), payments (gRPC)
 * and inventory (events) services, the generated clients, and the generated
 * place-order saga on the saga runtime. Embedded defaults: the in-memory
 * transport and PGlite in a temporary directory; or the local PostgreSQL and
 * RabbitMQ or NATS (`db`, `transport`). On PostgreSQL the saga's commands go
 * out through the transactional outbox (a table beside the saga tables and a
 * relay onto the broker); replies arrive through the idempotent consumers.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createMemoryProcessedStore, createMemoryTransport, createNatsTransport, createOutboxTransport, createRabbitMqTransport, type Consumer, type Transport } from '@contractkit/runtime/events';
import { createHttpClient } from '@contractkit/runtime/http';
import { createReplyInbox, createSagaRuntime, openSagaStore, type SagaDefinition, type SagaEventHandler, type SagaInstance, type SagaRuntime, type SagaRuntimeOptions, type SagaStore } from '@contractkit/runtime/saga';
import { createPaymentServiceClient, type PaymentServiceClient } from '../generated/grpc/payments/v1/payments_grpc.js';
import { createPlaceOrderParticipants, startPlaceOrderReplies, type PlaceOrderClients } from '../generated/saga/place-order.participants.js';
import { createPlaceOrderSaga, type PlaceOrderData, type PlaceOrderParticipants } from '../generated/saga/place-order.saga.js';
import { startInventoryService, type InventoryService } from './inventory-service.js';
import { startNotificationService, type NotificationService } from './notification-service.js';
import { ORDERS_SERVICE_TOKEN, startOrdersService, type OrdersService } from './orders-service.js';
import { startPaymentsService, type PaymentsService } from './payments-service.js';

/** Options of {@link startPlaceOrderSystem}. */
export interface PlaceOrderSystemOptions {
  /** `postgres://…` (the shared store), a PGlite directory, or `memory:`; default PGlite in a new temporary directory. */
  db?: string;
  /** PostgreSQL schema of the saga tables (default `public`; tests use one per run). */
  schema?: string;
  /** `memory` (default), `rabbitmq` or `nats`. */
  transport?: 'memory' | 'rabbitmq' | 'nats';
  /** Broker URL (default `amqp://guest:guest@127.0.0.1:5672` or `127.0.0.1:4222`). */
  brokerUrl?: string;
  /** Send the saga's commands through the transactional outbox (`<schema>.contractkit_outbox` and a relay); PostgreSQL only, default true there. */
  outbox?: boolean;
  /** Saga runtime settings (poll interval, compensation limit…). */
  runtime?: Partial<Omit<SagaRuntimeOptions, 'store' | 'sagas'>>;
  /** Saga lifecycle events (step completed, compensated…). */
  onEvent?: SagaEventHandler;
  /** Override the saga's per-step settings (tests shorten timeouts and retries). */
  adjust?: (saga: SagaDefinition<PlaceOrderData>) => SagaDefinition<PlaceOrderData>;
  /** More sagas for the same runtime, built on the same participants (tests: a local step, a short deadline). */
  extraSagas?: (participants: PlaceOrderParticipants, base: SagaDefinition<PlaceOrderData>) => SagaDefinition<any>[];
}

/** A running system. */
export interface PlaceOrderSystem {
  readonly orders: OrdersService;
  readonly payments: PaymentsService;
  readonly inventory: InventoryService;
  /** The WebSocket push of each finished saga's outcome to the customer's browser (`connectCustomerApp(notifications.url, …)`). */
  readonly notifications: NotificationService;
  readonly runtime: SagaRuntime;
  readonly store: SagaStore;
  /** The broker's transport (the services and the outbox relay publish on it). */
  readonly transport: Transport;
  /** The transport the saga's participants send commands on: the outbox transport on PostgreSQL, else `transport`. */
  readonly commands: Transport;
  /** The outbox table the commands go through (PostgreSQL), e.g. `public.contractkit_outbox`. */
  readonly outboxTable?: string;
  readonly paymentsClient: PaymentServiceClient;
  /** The generated participants on the generated clients. */
  readonly participants: PlaceOrderParticipants;
  readonly clients: PlaceOrderClients;
  /** What the store and transport are, for printing. */
  readonly description: string;
  /** Starts a place-order saga for `order` (idempotent on `sagaId`). */
  placeOrder(order: OrderDraft, sagaId?: string): Promise<string>;
  /** Resolves when the instance is no longer active (completed, compensated or parked). */
  settled(sagaId: string, timeoutMs?: number): Promise<SagaInstance>;
  close(): Promise<void>;
}

/** What the place-order saga starts from (kept in its data under `order`). */
export interface OrderDraft {
  customerId: string;
  lineItems: { productId: string; quantity: number; unitPrice: { amount: string; currency: string } }[];
  shippingAddress: { line1: string; city: string; postalCode: string; country: string };
  paymentToken: string;
}

/** `postgres://host/db` with no user and no PGUSER/USER: connect as `postgres` (the local server's trust user). */
function withDefaultUser(db: string): string {
  if (!/^postgres(ql)?:\/\//.test(db) || process.env.PGUSER || process.env.USER) return db;
  const u = new URL(db);
  if (!u.username) u.username = 'postgres';
  return u.toString();
}

async function openTransport(o: PlaceOrderSystemOptions, run: string): Promise<Transport> {
  if (!o.transport || o.transport === 'memory') return createMemoryTransport();
  if (o.transport === 'rabbitmq') return createRabbitMqTransport({ url: o.brokerUrl ?? 'amqp://guest:guest@127.0.0.1:5672', exchange: `contractkit.example.${run}` });
  return createNatsTransport({ servers: o.brokerUrl ?? '127.0.0.1:4222', stream: `EXAMPLE_${run}`, subjects: ['reserve.inventory', 'inventory.reserved', 'reservation.failed'], subjectPrefix: `example.${run}.` });
}

/** Starts the services, the clients and the saga runtime (its worker loops run until `close`). */
export async function startPlaceOrderSystem(o: PlaceOrderSystemOptions = {}): Promise<PlaceOrderSystem> {
  const run = randomUUID().slice(0, 8);
  const tempDir = o.db ? undefined : mkdtempSync(join(tmpdir(), 'contractkit-sagas-'));
  const db = withDefaultUser(o.db ?? tempDir!);
  const store = await openSagaStore(db, o.schema ? { schema: o.schema } : {});
  await store.init(); // a database that is down fails here, before anything starts
  const transport = await openTransport(o, run);
  // on PostgreSQL the saga's commands are outbox rows beside the saga tables, relayed onto the broker
  const outboxTable = /^postgres/.test(db) && o.outbox !== false ? `${o.schema ?? 'public'}.contractkit_outbox` : undefined;
  const outboxPool = outboxTable ? new pg.Pool({ connectionString: db, max: 2 }) : undefined;
  outboxPool?.on('error', () => undefined); // a dropped idle connection is replaced on next use
  const outbox = outboxPool ? createOutboxTransport({ pool: outboxPool, inner: transport, table: outboxTable, pollIntervalMs: 100, onError: (err) => console.error('outbox relay:', err) }) : undefined;
  const commands = outbox ?? transport;
  const [orders, payments, inventory, notifications] = await Promise.all([startOrdersService(), startPaymentsService(), startInventoryService(transport, { group: `inventory.${run}` }), startNotificationService()]);

  // the saga's own retry policies are the only retries here, so what the saga does is what you see
  const http = createHttpClient({ baseUrl: orders.url, auth: { type: 'bearer', token: ORDERS_SERVICE_TOKEN }, retry: false, circuitBreaker: false, timeoutMs: 5000 });
  const paymentsClient = createPaymentServiceClient(payments.target, { retry: false, breaker: false });
  const replies = createReplyInbox();
  const clients: PlaceOrderClients = { orders: http, payments: { paymentService: paymentsClient }, events: { transport: commands, replies } };
  // replies through the events runtime's consumers, de-duplicated by eventId
  const consumers: Consumer[] = await startPlaceOrderReplies(clients, { store: createMemoryProcessedStore(), group: `place-order.${run}` });
  const participants = createPlaceOrderParticipants(clients);
  const generated = createPlaceOrderSaga(participants);
  const saga = o.adjust ? o.adjust(generated) : generated;
  const sagas = [saga, ...(o.extraSagas?.(participants, saga) ?? [])];
  // a finished place-order saga is pushed to the customer's browser (the notification service's WebSocket)
  const onEvent: SagaEventHandler = async (e) => {
    await o.onEvent?.(e);
    if (e.saga !== 'place-order' || (e.type !== 'saga.completed' && e.type !== 'saga.compensated' && e.type !== 'saga.failed')) return;
    const instance = await runtime.get(e.sagaId);
    if (instance) await notifications.notifyOutcome(instance);
  };
  const runtime: SagaRuntime = createSagaRuntime({ pollMs: 20, leaseMs: 30_000, ...o.runtime, store, sagas, onEvent });
  await runtime.run();

  const kind = /^postgres/.test(db) ? `PostgreSQL ${db.replace(/\/\/[^@/]*@/, '//')}${o.schema ? ` (schema ${o.schema})` : ''}` : db === 'memory:' ? 'in-memory store' : `PGlite in ${db}`;
  const via = outboxTable ? `, commands through the outbox ${outboxTable}` : '';
  return {
    orders,
    payments,
    inventory,
    notifications,
    runtime,
    store,
    transport,
    commands,
    ...(outboxTable ? { outboxTable } : {}),
    paymentsClient,
    participants,
    clients,
    description: `${kind}, ${transport.name} transport${via}`,
    async placeOrder(order, sagaId) {
      const input: PlaceOrderData & { order: OrderDraft } = { order };
      return (await runtime.start('place-order', input, sagaId ? { sagaId } : {})).sagaId;
    },
    async settled(sagaId, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const i = await runtime.get(sagaId);
        if (i && i.status !== 'running' && i.status !== 'compensating') return i;
        if (Date.now() > until) throw new Error(`saga ${sagaId} still ${i?.status} at ${i?.stepName} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      await runtime.stop();
      await Promise.all(consumers.map((c) => c.close()));
      await inventory.close();
      await notifications.close();
      paymentsClient.close();
      await Promise.all([orders.close(), payments.close()]);
      // this run's exchange and queues (RabbitMQ) or streams (NATS) are removed with it
      await outbox?.relay.stop(); // after its current batch: nothing more is published
      const broker = transport as Partial<{ deleteTopology(): Promise<void>; deleteStreams(): Promise<void> }>;
      await broker.deleteTopology?.().catch(() => undefined);
      await broker.deleteStreams?.().catch(() => undefined);
      await commands.close(); // the outbox transport closes the broker's
      await outboxPool?.end();
      await store.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
