/**
 * The place-order saga end to end on the example services, as `npm run demo`
 * shows it: once succeeding, once with the inventory refusing (the payment is
 * refunded, then the order cancelled). Prints every step and compensation in
 * the order they happen, and the outcome the customer's browser is told over
 * WebSocket when each saga has finished.
 *
 *   node --import ./examples/orders/services/register-ts.js examples/orders/services/demo-saga.ts
 *
 * Environment: DEMO_DB (`postgres://127.0.0.1:5432/test`, a PGlite directory;
 * default PGlite in a temporary directory), DEMO_TRANSPORT (`memory`, default;
 * `rabbitmq`; `nats`), DEMO_BROKER_URL.
 */
import type { SagaEvent } from '@contractkit/runtime/saga';
import { placeOrderStepTable } from '../generated/saga/place-order.saga.js';
import { connectCustomerApp } from './notification-service.js';
import { startPlaceOrderSystem, type OrderDraft } from './place-order-system.js';
import type { OrderOutcomeNotifiedEvent } from '../generated/customer-app/index.js';
// the CLI's colour decision (a terminal; NO_COLOR, FORCE_COLOR), so `npm run demo > file` writes no escape codes
import { useColor } from '../../../cli/color.js';

const color = useColor(process.stdout);
const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
const operation = (step: string, undo = false) => {
  const row = placeOrderStepTable.find((s) => s.name === step) as { operation: string; compensation?: string } | undefined;
  return (undo ? row?.compensation : row?.operation) ?? '';
};

function print(e: SagaEvent) {
  const step = (e.step ?? '').padEnd(18);
  switch (e.type) {
    case 'saga.step.completed':
      return console.log(`   ${paint('32', '✓')} ${step} ${operation(e.step!)}`);
    case 'saga.step.failed':
      return console.log(`   ${paint('31', '✗')} ${step} ${e.error?.replace(/^[^:]+: /, '')}`);
    case 'saga.step.compensated':
      return console.log(`   ${paint('33', '↩')} ${step} compensated: ${operation(e.step!, true)}`);
    case 'saga.completed':
    case 'saga.compensated':
    case 'saga.failed':
      return console.log(`   → ${paint('1', e.status)}`);
  }
}

const db = process.env.DEMO_DB || undefined;
const transport = (process.env.DEMO_TRANSPORT || 'memory') as 'memory' | 'rabbitmq' | 'nats';
const system = await startPlaceOrderSystem({
  ...(db ? { db, schema: /^postgres/.test(db) ? 'contractkit_demo' : undefined } : {}),
  transport,
  ...(process.env.DEMO_BROKER_URL ? { brokerUrl: process.env.DEMO_BROKER_URL } : {}),
  onEvent: print,
});
const draft: OrderDraft = {
  customerId: '5f0c7a0e-3d8e-4b1a-9c55-2d0f1e7a9b10',
  lineItems: [{ productId: 'sku-espresso-machine', quantity: 1, unitPrice: { amount: '249.00', currency: 'EUR' } }],
  shippingAddress: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  paymentToken: 'tok_visa_4242',
};
// the customer's browser, connected to the notification service's WebSocket before ordering
const notified = new Map<string, OrderOutcomeNotifiedEvent>();
const waiting = new Map<string, () => void>();
const app = await connectCustomerApp(system.notifications.url, draft.customerId, (event) => {
  notified.set(event.payload.sagaId, event);
  waiting.get(event.payload.sagaId)?.();
});
/** The browser's notification of saga `sagaId`, printed once it has arrived (or a note after 10 s). */
async function notification(sagaId: string): Promise<OrderOutcomeNotifiedEvent | undefined> {
  if (!notified.has(sagaId)) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      waiting.set(sagaId, resolve);
      timer = setTimeout(resolve, 10_000);
    });
    clearTimeout(timer);
  }
  const event = notified.get(sagaId);
  console.log(event ? `   ${paint('36', '✉')} the browser is told over WebSocket: order ${event.payload.orderId.slice(0, 8)}… ${paint('1', event.payload.outcome)}` : `   ${paint('31', '✉')} no WebSocket notification arrived`);
  return event;
}
let ok = true;
try {
  console.log(`   (saga store: ${system.description}; orders REST at ${system.orders.url}, payments gRPC at ${system.payments.target}, inventory on events)`);
  console.log(`\n   place-order #1: every service agrees`);
  const first = await system.settled(await system.placeOrder(draft, `demo-${Date.now()}-ok`));
  const firstNotice = await notification(first.id);
  console.log(`\n   place-order #2: the inventory service refuses the reservation (out of stock)`);
  system.inventory.refuse = true;
  const second = await system.settled(await system.placeOrder(draft, `demo-${Date.now()}-refused`));
  const secondNotice = await notification(second.id);
  const dup = [system.orders.effects, system.payments.effects, system.inventory.effects].flatMap((e) => e.duplicates());
  console.log(`\n   effects per idempotency key: ${dup.length === 0 ? 'each applied once' : `applied twice: ${dup.join(', ')}`}`);
  if (db && /^postgres/.test(db)) console.log(`   the instances stay in the database: contractkit saga list --db ${db} --schema contractkit_demo`);
  ok = first.status === 'completed' && second.status === 'compensated' && dup.length === 0 && firstNotice?.payload.outcome === 'completed' && secondNotice?.payload.outcome === 'compensated';
} finally {
  await app.close();
  await system.close();
}
process.exitCode = ok ? 0 : 1;
