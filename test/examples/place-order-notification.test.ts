/**
 * The demo's WebSocket notification: when a place-order saga has finished,
 * the notification service (producer generated from notification-events.yaml)
 * pushes its outcome over WebSocket, and the customer's browser app (consumer
 * generated from customer-app.yaml) receives it — completed, and compensated
 * when the inventory refuses. PGlite in a temporary directory, in-memory broker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderOutcomeNotifiedEvent } from '../../examples/orders/generated/customer-app/index.js';
import { connectCustomerApp, type CustomerApp } from '../../examples/orders/services/notification-service.js';
import { startPlaceOrderSystem, type PlaceOrderSystem } from '../../examples/orders/services/place-order-system.js';
import { draft } from './place-order-suite.js';

describe('place-order: the browser is told the outcome over WebSocket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'saga-notify-'));
  let system: PlaceOrderSystem;
  let app: CustomerApp;
  const seen: OrderOutcomeNotifiedEvent[] = [];

  beforeAll(async () => {
    system = await startPlaceOrderSystem({ db: dir });
    app = await connectCustomerApp(system.notifications.url, draft().customerId, (e) => void seen.push(e));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await system?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const notice = async (sagaId: string) => {
    for (const end = Date.now() + 10_000; !seen.some((e) => e.payload.sagaId === sagaId) && Date.now() < end; ) await new Promise((r) => setTimeout(r, 10));
    return seen.find((e) => e.payload.sagaId === sagaId);
  };

  it('a completed saga: the notification carries the order, the saga and `completed`', async () => {
    expect(system.notifications.connections).toBe(1);
    const id = await system.placeOrder(draft(), `notify-ok-${process.pid}`);
    const instance = await system.settled(id);
    expect(instance.status).toBe('completed');
    const e = await notice(id);
    const orderId = (instance.data as { orderId: string }).orderId;
    expect(e).toMatchObject({ eventType: 'order.outcome-notified', eventVersion: 1, aggregateId: orderId, correlationId: id, payload: { orderId, sagaId: id, outcome: 'completed' } });
    expect(e!.payload.reason).toBeUndefined();
  }, 30_000);

  it('a compensated saga (the inventory refuses): `compensated` with the reason', async () => {
    system.inventory.refuse = true;
    try {
      const id = await system.placeOrder(draft(), `notify-refused-${process.pid}`);
      expect((await system.settled(id)).status).toBe('compensated');
      const e = await notice(id);
      expect(e?.payload.outcome).toBe('compensated');
      expect(e?.payload.reason).toContain('out-of-stock');
    } finally {
      system.inventory.refuse = false;
    }
  }, 30_000);
});
