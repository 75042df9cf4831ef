/**
 * The place-order saga end to end on the example services (orders REST,
 * payments gRPC, inventory events) through the generated clients and
 * participants, on one saga store: every step kind, a failure at each step
 * compensating in reverse order, retries, a step timeout, the saga deadline,
 * a parked compensation and its retry, and no effect applied twice.
 * Shared by the PGlite and PostgreSQL test files.
 */
import { Status } from '@contractkit/runtime/grpc';
import { defineSaga, sagaEventId, type SagaEvent, type SagaInstance, type SagaStepDefinition } from '@contractkit/runtime/saga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceOrderData } from '../../examples/orders/generated/saga/place-order.saga.js';
import { startPlaceOrderSystem, type OrderDraft, type PlaceOrderSystem, type PlaceOrderSystemOptions } from '../../examples/orders/services/place-order-system.js';

/** A draft order for the saga. */
export const draft = (productId = 'sku-1', quantity = 1): OrderDraft => ({
  customerId: '5f0c7a0e-3d8e-4b1a-9c55-2d0f1e7a9b10',
  lineItems: [{ productId, quantity, unitPrice: { amount: '20.00', currency: 'EUR' } }],
  shippingAddress: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  paymentToken: 'tok_4242',
});

let n = 0;
const nextId = (label: string) => `${label}-${process.pid}-${++n}`;

/** Runs the suite on a store (`db`), resuming parked instances with `retry` (the runtime's, or the CLI's); `outboxRows` reads the outbox rows of a message id where commands go through the outbox (PostgreSQL). */
export function placeOrderSuite(name: string, options: { db: () => string; schema?: string; retry?: (sagaId: string) => Promise<void>; outboxRows?: (table: string, messageId: string) => Promise<{ sent: boolean }[]> }) {
  describe(`place-order end to end on ${name}`, () => {
    let system: PlaceOrderSystem;
    const trail = new Map<string, string[]>();
    const localRuns: string[] = [];
    // terminal lifecycle events delivered per instance (each comes after its step events)
    const ended = new Map<string, number>();
    const record = (e: SagaEvent) => {
      const short = { 'saga.step.completed': 'do', 'saga.step.compensated': 'undo', 'saga.step.failed': 'fail' }[e.type as string];
      if (short && e.step) trail.set(e.sagaId, [...(trail.get(e.sagaId) ?? []), `${short} ${e.step}`]);
      if (e.type === 'saga.completed' || e.type === 'saga.compensated' || e.type === 'saga.failed') ended.set(e.sagaId, (ended.get(e.sagaId) ?? 0) + 1);
    };
    /** The settled instance, once its `nth` terminal event was delivered too (events follow the commit, so the store
     * can show the final status a moment before the last events arrive). */
    const settledWithEvents = async (id: string, nth = 1): Promise<SagaInstance> => {
      const instance = await system.settled(id);
      for (const end = Date.now() + 10_000; (ended.get(id) ?? 0) < nth && Date.now() < end; ) await new Promise((r) => setTimeout(r, 5));
      return instance;
    };
    const run = async (label: string, input: OrderDraft = draft()): Promise<{ id: string; instance: SagaInstance; trail: string[] }> => {
      const id = await system.placeOrder(input, nextId(label));
      const instance = await settledWithEvents(id);
      return { id, instance, trail: trail.get(id) ?? [] };
    };

    beforeAll(async () => {
      const opts: PlaceOrderSystemOptions = {
        db: options.db(),
        ...(options.schema ? { schema: options.schema } : {}),
        onEvent: record,
        runtime: { pollMs: 10, compensationRetryLimit: 3, compensationRetry: { delayMs: 20, maxDelayMs: 50 } },
        // shorter waits than production: a silent inventory times out in 1.5 s, shipments retry every 50 ms
        adjust: (saga) =>
          defineSaga<PlaceOrderData>({
            ...saga,
            steps: saga.steps.map((s) =>
              s.name === 'reserve-inventory' ? { ...s, timeoutMs: 1500 } : s.name === 'create-shipment' ? { ...s, retry: { attempts: 'unlimited', delayMs: 50, maxDelayMs: 100 } } : s.name === 'process-payment' ? { ...s, retry: { attempts: 3, delayMs: 30, maxDelayMs: 60 } } : s,
            ),
          }),
        extraSagas: (participants, base) => {
          // a local step (code in the orchestrator) before the generated ones, compensated last
          const local: SagaStepDefinition<PlaceOrderData> = {
            name: 'check-credit',
            invoke: async (data, ctx) => (localRuns.push(ctx.idempotencyKey), data),
            compensate: async (_data, ctx) => void localRuns.push(ctx.idempotencyKey),
          };
          return [
            defineSaga<PlaceOrderData>({ name: 'place-order-local', version: 1, steps: [local, ...base.steps] }),
            // the whole-saga deadline: payments keep failing (retryably) until it passes
            defineSaga<PlaceOrderData>({
              name: 'place-order-deadline',
              version: 1,
              timeoutMs: 400,
              steps: base.steps.map((s) => (s.name === 'process-payment' ? { ...s, retry: { attempts: 'unlimited', delayMs: 40, maxDelayMs: 80 } } : s)),
            }),
          ];
          void participants;
        },
      };
      system = await startPlaceOrderSystem(opts);
    });
    afterAll(async () => {
      await system?.close();
    });

    it('completes through every step kind: REST create-order, gRPC charge, event send + reply, REST shipment', async () => {
      const { id, instance, trail } = await run('ok');
      expect(instance.status).toBe('completed');
      expect(trail).toEqual(['do create-order', 'do process-payment', 'do reserve-inventory', 'do create-shipment']);
      const data = instance.data as PlaceOrderData;
      const order = system.orders.orders.get(data.orderId!);
      expect(order?.status).toBe('shipped');
      expect(data.paymentId).toMatch(/[0-9a-f-]{36}/);
      // every participant saw the step's idempotency key
      expect(system.orders.effects.count('createOrder', `${id}:create-order:do`)).toBe(1);
      expect(system.payments.effects.count('charge', `${id}:process-payment:do`)).toBe(1);
      expect(system.inventory.effects.count('reserve', sagaEventId(`${id}:reserve-inventory:do`))).toBe(1);
      expect(system.orders.effects.count('createShipment', `${id}:create-shipment:do`)).toBe(1);
    });

    it.runIf(!!options.outboxRows)('sends the event command through the outbox: one row for its eventId, sent by the relay', async () => {
      const { id, instance } = await run('outbox');
      expect(instance.status).toBe('completed');
      expect(system.outboxTable).toBeDefined();
      const eventId = sagaEventId(`${id}:reserve-inventory:do`);
      // the relay marks a batch sent when it commits, which may be just after the reply came back
      const rowsNow = () => options.outboxRows!(system.outboxTable!, eventId);
      let rows = await rowsNow();
      for (const end = Date.now() + 10_000; !rows.every((r) => r.sent) && Date.now() < end; rows = await rowsNow()) await new Promise((r) => setTimeout(r, 10));
      expect(rows).toEqual([{ sent: true }]);
    });

    it('runs a local step with its idempotency key and compensates it last', async () => {
      const ok = await system.runtime.start('place-order-local', { order: draft() } as PlaceOrderData, { sagaId: nextId('local') });
      expect((await system.settled(ok.sagaId)).status).toBe('completed');
      expect(localRuns).toContain(`${ok.sagaId}:check-credit:do`);
      system.inventory.refuse = true;
      try {
        const bad = await system.runtime.start('place-order-local', { order: draft() } as PlaceOrderData, { sagaId: nextId('local') });
        expect((await system.settled(bad.sagaId)).status).toBe('compensated');
        expect(trail.get(bad.sagaId)!.filter((t) => t.startsWith('undo'))).toEqual(['undo process-payment', 'undo create-order', 'undo check-credit']);
        expect(localRuns.at(-1)).toBe(`${bad.sagaId}:check-credit:undo`);
      } finally {
        system.inventory.refuse = false;
      }
    });

    it('a failure at create-order ends compensated with nothing to undo', async () => {
      system.orders.fail('createOrder', 422);
      const { instance, trail } = await run('fail-order');
      expect(instance.status).toBe('compensated');
      expect(trail).toEqual(['fail create-order']);
      expect(instance.lastError).toMatch(/422/);
    });

    it('a declined charge (FAILED_PRECONDITION) cancels the order', async () => {
      system.payments.refuse = true;
      try {
        const { instance, trail } = await run('fail-charge');
        expect(instance.status).toBe('compensated');
        expect(trail).toEqual(['do create-order', 'fail process-payment', 'undo create-order']);
        expect(system.orders.orders.get((instance.data as PlaceOrderData).orderId!)?.status).toBe('cancelled');
      } finally {
        system.payments.refuse = false;
      }
    });

    it('an inventory refusal (the failure reply) refunds, then cancels: in reverse order', async () => {
      system.inventory.refuse = true;
      try {
        const { id, instance, trail } = await run('fail-stock');
        expect(instance.status).toBe('compensated');
        expect(trail).toEqual(['do create-order', 'do process-payment', 'fail reserve-inventory', 'undo process-payment', 'undo create-order']);
        expect(instance.lastError).toContain('reservation.failed');
        expect(system.payments.effects.count('refund', `${id}:process-payment:undo`)).toBe(1);
        expect(system.orders.effects.count('cancelOrder', `${id}:create-order:undo`)).toBe(1);
      } finally {
        system.inventory.refuse = false;
      }
    });

    it('retries a failing charge (UNAVAILABLE) with the same key and charges once', async () => {
      system.payments.fail('charge', Status.UNAVAILABLE, 2);
      const { id, instance, trail } = await run('retry-charge');
      expect(instance.status).toBe('completed');
      expect(trail.filter((t) => t === 'fail process-payment')).toHaveLength(2);
      expect(instance.attempts['process-payment:do']).toBe(3);
      expect(system.payments.effects.count('charge', `${id}:process-payment:do`)).toBe(1);
    });

    it('after the pivot, retries the shipment until it succeeds (503 twice)', async () => {
      system.orders.fail('createShipment', 503, 2);
      const { instance } = await run('retry-ship');
      expect(instance.status).toBe('completed');
      expect(instance.attempts['create-shipment:do']).toBe(3);
    });

    it('exhausted retries before the pivot compensate', async () => {
      system.payments.fail('charge', Status.UNAVAILABLE, 3);
      const { instance, trail } = await run('exhaust-charge');
      expect(instance.status).toBe('compensated');
      expect(trail.slice(-2)).toEqual(['fail process-payment', 'undo create-order']);
    });

    it('an inventory that never replies: the step times out and the saga compensates', async () => {
      system.inventory.silent = true;
      try {
        const { instance, trail } = await run('silent-stock');
        expect(instance.status).toBe('compensated');
        expect(instance.lastError).toMatch(/timed out/);
        expect(trail.slice(-2)).toEqual(['undo process-payment', 'undo create-order']);
      } finally {
        system.inventory.silent = false;
      }
    });

    it('the saga deadline passing before the pivot compensates', async () => {
      system.payments.fail('charge', Status.UNAVAILABLE, 1000);
      try {
        const started = await system.runtime.start('place-order-deadline', { order: draft() } as PlaceOrderData, { sagaId: nextId('deadline') });
        const instance = await settledWithEvents(started.sagaId);
        expect(instance.status).toBe('compensated');
        expect(instance.lastError).toBe('saga deadline passed');
        expect(trail.get(started.sagaId)!.at(-1)).toBe('undo create-order');
      } finally {
        system.payments.fail('charge', Status.UNAVAILABLE, 0);
      }
    });

    it('a compensation that keeps failing parks the instance; retry resumes it to compensated', async () => {
      system.inventory.refuse = true;
      system.payments.fail('refund', Status.UNAVAILABLE, 1000);
      let parked: SagaInstance;
      try {
        parked = (await run('parked')).instance;
      } finally {
        system.inventory.refuse = false;
      }
      expect(parked.status).toBe('compensation_failed');
      expect(parked.stepName).toBe('process-payment');
      expect(parked.lastError).toMatch(/compensate process-payment: .*UNAVAILABLE/);
      expect(system.orders.orders.get((parked.data as PlaceOrderData).orderId!)?.status).toBe('pending'); // not cancelled yet: reverse order holds
      system.payments.fail('refund', Status.UNAVAILABLE, 0);
      await (options.retry ? options.retry(parked.id) : system.runtime.resume(parked.id).then(() => undefined));
      const done = await settledWithEvents(parked.id, 2);
      expect(done.status).toBe('compensated');
      expect(trail.get(parked.id)!.slice(-2)).toEqual(['undo process-payment', 'undo create-order']);
    });

    it('participants honor the keys: a call repeated with the same key has no second effect', async () => {
      const { id, instance } = await run('repeat');
      const data = instance.data as PlaceOrderData;
      const ctx = (step: string) => ({ sagaId: id, saga: 'place-order', version: 1, step, idempotencyKey: `${id}:${step}:do`, attempt: 2, signal: AbortSignal.timeout(5000) });
      const body = { customerId: draft().customerId, lineItems: draft().lineItems, shippingAddress: draft().shippingAddress, paymentMethod: { type: 'card' as const, token: 'tok_4242' } };
      const again = await system.participants.orders.createOrder({ body }, ctx('create-order'));
      expect(again.id).toBe(data.orderId); // the first response, replayed
      const charge = await system.participants.payments.charge({ orderId: data.orderId }, ctx('process-payment'));
      expect(charge.payment?.paymentId).toBe(data.paymentId);
      const reply = await system.participants.events.reserveInventory(
        { eventId: '', eventType: 'reserve.inventory', eventVersion: 1, timestamp: new Date().toISOString(), aggregateId: data.orderId!, correlationId: '', payload: { orderId: data.orderId!, items: [{ productId: 'sku-1', quantity: 1 }] } },
        ctx('reserve-inventory'),
      );
      expect(reply.eventType).toBe('inventory.reserved'); // the first reply again, same reservation
      expect(system.orders.effects.count('createOrder', `${id}:create-order:do`)).toBe(1);
      expect(system.payments.effects.count('charge', `${id}:process-payment:do`)).toBe(1);
      expect(system.inventory.effects.count('reserve', sagaEventId(`${id}:reserve-inventory:do`))).toBe(1);
      expect([system.orders.effects, system.payments.effects, system.inventory.effects].flatMap((e) => e.duplicates())).toEqual([]);
    });
  });
}
