/**
 * The inventory service of the example: consumes the saga's
 * `reserve.inventory` commands and replies `inventory.reserved` or
 * `reservation.failed` with the command's correlationId, on the generated
 * event code (addresses, validating specs and types of the messages the
 * order-events and inventory-events documents share) and the events runtime's
 * consumer. Idempotent per command eventId: a re-sent command (a retry, or a
 * saga resumed after a crash) applies nothing again and gets the first reply
 * again, with the same reply eventId.
 */
import { randomUUID } from 'node:crypto';
import { createConsumer, createEnvelope, sendEvent, type Consumer, type Transport } from '@contractkit/runtime/events';
import { uuidV5 } from '@contractkit/runtime/saga';
import {
  inventoryReservationFailedAddress,
  inventoryReservationFailedSpec,
  inventoryReservedAddress,
  inventoryReservedSpec,
  reserveInventoryAddress,
  reserveInventorySpec,
  type InventoryReservationFailed,
  type InventoryReserved,
  type ReserveInventoryEvent,
} from '../generated/events/index.js';
import { createEffectLog, type EffectLog } from './effects.js';

/** A running inventory service. */
export interface InventoryService {
  /** Units in stock per product (products not listed have `defaultStock`). */
  readonly stock: Map<string, number>;
  readonly effects: EffectLog;
  /** Refuses every reservation while true (replies `reservation.failed`, out-of-stock). */
  refuse: boolean;
  /** Takes commands but never replies while true (for deadline and timeout cases). */
  silent: boolean;
  /** Commands received (duplicates included). */
  readonly received: number;
  close(): Promise<void>;
}

type Outcome = { address: string; reply: ReturnType<typeof createEnvelope> ; spec: typeof inventoryReservedSpec };

/** Starts consuming `reserve.inventory` on `transport`. */
export async function startInventoryService(transport: Transport, options: { defaultStock?: number; group?: string } = {}): Promise<InventoryService> {
  const stock = new Map<string, number>();
  const effects = createEffectLog();
  const outcomes = new Map<string, Outcome>();
  const available = (productId: string) => stock.get(productId) ?? options.defaultStock ?? 100;
  let received = 0;

  async function handle(command: ReserveInventoryEvent): Promise<void> {
    received++;
    if (state.silent) return;
    let outcome = outcomes.get(command.eventId);
    if (!outcome) {
      const { orderId, items } = command.payload;
      const short = items.filter((i) => state.refuse || available(i.productId) < i.quantity);
      const meta = { correlationId: command.correlationId, causationId: command.eventId, eventId: uuidV5(`${command.eventId}:reply`) };
      if (short.length > 0) {
        const failed: InventoryReservationFailed = { orderId, reason: 'out-of-stock', unavailableItems: short.map((i) => ({ productId: i.productId, requested: i.quantity, available: state.refuse ? 0 : available(i.productId) })) };
        outcome = { address: inventoryReservationFailedAddress, spec: inventoryReservationFailedSpec, reply: createEnvelope('reservation.failed', 1, failed, { ...meta, aggregateId: orderId }) };
      } else {
        for (const i of items) stock.set(i.productId, available(i.productId) - i.quantity);
        effects.apply('reserve', command.eventId);
        const reservationId = randomUUID();
        const reserved: InventoryReserved = { reservationId, orderId, items };
        outcome = { address: inventoryReservedAddress, spec: inventoryReservedSpec, reply: createEnvelope('inventory.reserved', 1, reserved, { ...meta, aggregateId: reservationId }) };
      }
      outcomes.set(command.eventId, outcome);
    }
    await sendEvent(transport, outcome.address, outcome.reply, outcome.spec);
  }

  const consumer: Consumer = await createConsumer<ReserveInventoryEvent>({
    transport,
    address: reserveInventoryAddress,
    group: options.group ?? 'inventory-events.onReserveInventory',
    events: [{ eventType: 'reserve.inventory', versions: [reserveInventorySpec] }],
    handler: handle,
  });
  const state: InventoryService = {
    stock,
    effects,
    refuse: false,
    silent: false,
    get received() {
      return received;
    },
    close: () => consumer.close(),
  };
  return state;
}
