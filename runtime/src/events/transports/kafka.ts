/**
 * Kafka through kafkajs (an optional peer dependency, loaded here only):
 * messages keyed by aggregateId (per-aggregate ordering), envelope fields as
 * headers, `acks: -1` (all in-sync replicas) as the confirmation, a consumer
 * group per group, retries as in-process delays (Kafka has no per-message
 * nak) and dead-letters to `<topic>.dlq`.
 */
import { addressPattern, bodyBuffer, headerText, type Delivery, type OutgoingMessage, type SubscribeOptions, type Subscription, type Transport } from '../transport.js';

/** Options of {@link createKafkaTransport}. */
export interface KafkaOptions {
  brokers: string[];
  clientId?: string;
}

/** A transport message as a kafkajs message: key = aggregateId, value = body, headers mirrored. */
export function toKafkaMessage(message: OutgoingMessage): { key: string | null; value: Buffer; headers: Record<string, string> } {
  return { key: message.key ?? null, value: bodyBuffer(message.body), headers: { ...message.headers } };
}

/** kafkajs headers (Buffers, strings or arrays) as text. */
export function fromKafkaHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const t = headerText(Array.isArray(v) ? v[0] : v);
    if (t !== undefined) out[k] = t;
  }
  return out;
}

/** A channel address as a topic subscription: a literal topic, or a RegExp when it has parameters. */
export function kafkaTopicOf(address: string): string | RegExp {
  if (!/\{[^}]+\}/.test(address)) return address;
  return new RegExp('^' + addressPattern(address, '\u0000').split('\u0000').map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^.]+') + '$');
}

/** Connects a producer and returns the transport (consumers connect on subscribe). */
export async function createKafkaTransport(options: KafkaOptions): Promise<Transport> {
  const { Kafka } = await import('kafkajs');
  const kafka = new Kafka({ clientId: options.clientId ?? 'contractkit', brokers: options.brokers });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const consumers = new Set<{ stop(): Promise<void> }>();
  return {
    name: 'kafka',
    async publish(address: string, message: OutgoingMessage) {
      // the kafka channel binding's `topic` names the topic; else the channel address is the topic
      await producer.send({ topic: message.bindings?.kafka?.topic ?? address, acks: -1, messages: [toKafkaMessage(message)] });
    },
    async subscribe(o: SubscribeOptions, onDelivery): Promise<Subscription> {
      const consumer = kafka.consumer({ groupId: o.group });
      await consumer.connect();
      await consumer.subscribe({ topics: [o.bindings?.kafka?.topic ?? kafkaTopicOf(o.address)], fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: o.concurrency ?? 1,
        eachMessage: async ({ topic, message }) => {
          const headers = fromKafkaHeaders(message.headers as Record<string, unknown>);
          // Kafka commits offsets, not messages: a retry is a delay here, inside eachMessage, so order per partition holds.
          for (let attempt = 1; ; attempt++) {
            let outcome: 'done' | number = 'done';
            const delivery: Delivery = {
              body: message.value ?? Buffer.alloc(0),
              headers,
              address: topic,
              attempt,
              ack: async () => undefined,
              retry: async (delayMs) => void (outcome = delayMs),
              deadLetter: async (reason) => {
                await producer.send({ topic: o.bindings?.deadLetter ?? `${topic}.dlq`, acks: -1, messages: [{ key: message.key, value: message.value, headers: { ...headers, 'x-dead-letter-reason': reason } }] });
              },
            };
            await onDelivery(delivery);
            if (outcome === 'done') return;
            await new Promise((r) => setTimeout(r, outcome as number));
          }
        },
      });
      const c = { stop: () => consumer.disconnect() };
      consumers.add(c);
      return {
        async close() {
          consumers.delete(c);
          await c.stop();
        },
      };
    },
    async close() {
      await Promise.all([...consumers].map((c) => c.stop()));
      await producer.disconnect();
    },
  };
}
