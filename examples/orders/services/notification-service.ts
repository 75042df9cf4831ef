/**
 * The notification service's WebSocket push of the example: once a
 * place-order saga has finished, the customer's browser is told its order's
 * outcome (the "202 Accepted, then a push" pattern) instead of polling the
 * status URL. A WebSocket server transport with the producer generated from
 * notification-events.yaml (`notifyOrderOutcome`, channel
 * `notifications.order.{orderId}`, a `ws` binding); the browser side is
 * {@link connectCustomerApp}, on the consumer generated from
 * customer-app.yaml.
 */
import { createWebSocketClientTransport, createWebSocketServerTransport, wsHandshake, type Consumer, type WebSocketClientTransport, type WebSocketServerTransport } from '@contractkit/runtime/events';
import type { SagaInstance } from '@contractkit/runtime/saga';
import { consumeOnOrderOutcome, onOrderOutcomeBindings, type OrderOutcomeNotifiedEvent } from '../generated/customer-app/index.js';
import { createNotificationEventsProducer, type OrderOutcomeNotified } from '../generated/notification-events/index.js';

/** A running notification push. */
export interface NotificationService {
  /** `ws://127.0.0.1:<port>/notifications`, where browsers connect. */
  readonly url: string;
  /** Browsers connected now. */
  readonly connections: number;
  /** Pushes the outcome of a finished place-order saga to its customer's browser. */
  notifyOutcome(instance: SagaInstance): Promise<void>;
  close(): Promise<void>;
}

/** Starts the WebSocket server on a free loopback port. */
export async function startNotificationService(): Promise<NotificationService> {
  const server: WebSocketServerTransport = await createWebSocketServerTransport({ host: '127.0.0.1', path: '/notifications' });
  const producer = createNotificationEventsProducer(server);
  return {
    url: `ws://127.0.0.1:${server.port}/notifications`,
    get connections() {
      return server.connections;
    },
    async notifyOutcome(instance) {
      const data = instance.data as { orderId?: string };
      // a saga that failed before the order existed has no order to tell about
      if (!data.orderId) return;
      const outcome: OrderOutcomeNotified['outcome'] = instance.status === 'completed' ? 'completed' : instance.status === 'compensated' ? 'compensated' : 'failed';
      const payload: OrderOutcomeNotified = { orderId: data.orderId, sagaId: instance.id, outcome, ...(outcome !== 'completed' && instance.lastError ? { reason: instance.lastError } : {}) };
      await producer.notifyOrderOutcome(payload, { aggregateId: data.orderId, correlationId: instance.id, params: { orderId: data.orderId } });
    },
    close: () => server.close(),
  };
}

/** The customer's browser app: connected to the notification service, handing each outcome to `onOutcome`. */
export interface CustomerApp {
  readonly transport: WebSocketClientTransport;
  close(): Promise<void>;
}

/** Connects a customer app (the WebSocket handshake from the channel's `ws` binding, with the customer's id). */
export async function connectCustomerApp(url: string, customerId: string, onOutcome: (event: OrderOutcomeNotifiedEvent) => void): Promise<CustomerApp> {
  const transport = await createWebSocketClientTransport({ url, ...wsHandshake(onOrderOutcomeBindings.ws, { query: { customerId } }) });
  let consumer: Consumer;
  try {
    consumer = await consumeOnOrderOutcome(transport, { group: `customer-app.${customerId}`, handler: async (event) => onOutcome(event) });
  } catch (err) {
    await transport.close();
    throw err;
  }
  return {
    transport,
    async close() {
      await consumer.close();
      await transport.close();
    },
  };
}
