/**
 * MQTT 5 through mqtt.js (an optional peer dependency, loaded here only):
 * QoS 1 both ways, envelope fields as user properties, consumer groups as
 * shared subscriptions (`$share/<group>/<topic>`). The PUBACK of an incoming
 * message is sent only after the consumer settled it, so a crash means a
 * redelivery (QoS 1 duplicates: use a processed-event store). MQTT has no
 * broker-side retry or dead-letter: retries are timers in the consumer and
 * dead-letters are published to `<deadLetterPrefix>/<group>`.
 */
import { addressPattern, bodyBuffer, headerText, type Delivery, type OutgoingMessage, type SubscribeOptions, type Subscription, type Transport } from '../transport.js';
import { untilFinished } from './until-finished.js';

/** Options of {@link createMqttTransport}. */
export interface MqttOptions {
  /** `mqtt://127.0.0.1:1883`. */
  url: string;
  /** Stable client id: with `clean: false` the broker keeps QoS 1 messages for it while it is away. */
  clientId?: string;
  /** Prefixes every topic (environments or test runs sharing one broker). */
  topicPrefix?: string;
  /** Dead-letter topic prefix (default `dead-letter`). */
  deadLetterPrefix?: string;
}

/** Connects and returns the transport. */
export async function createMqttTransport(options: MqttOptions): Promise<Transport & { deadLetterTopic(group: string): string }> {
  const mqtt = await import('mqtt');
  const prefix = options.topicPrefix ? options.topicPrefix.replace(/\/?$/, '/') : '';
  const dlPrefix = prefix + (options.deadLetterPrefix ?? 'dead-letter');
  // Publishing has its own connection: mqtt.js processes incoming packets one at a time and holds the
  // stream while a consumer settles a message, which must not hold up the PUBACKs of our own publishes.
  const client = await mqtt.connectAsync(options.url, { protocolVersion: 5 });
  const subscribers = new Set<import('mqtt').MqttClient>();
  // MQTT levels are separated by `/`: a dotted address (`order.cancelled.{id}`) becomes `order/cancelled/{id}`
  const topicOf = (address: string) => prefix + address.replace(/\./g, '/');

  return {
    name: 'mqtt',
    deadLetterTopic: (group) => `${dlPrefix}/${group}`,
    async publish(address: string, message: OutgoingMessage) {
      const b = message.bindings?.mqtt;
      await client.publishAsync(topicOf(address), bodyBuffer(message.body), {
        qos: b?.qos ?? 1,
        ...(b?.retain ? { retain: true } : {}),
        properties: { userProperties: message.headers, contentType: 'application/json', ...(b?.messageExpiryInterval !== undefined ? { messageExpiryInterval: b.messageExpiryInterval } : {}) },
      });
    },
    async subscribe(o: SubscribeOptions, onDelivery): Promise<Subscription> {
      const filter = topicOf(addressPattern(o.address, '+'));
      const re = new RegExp('^' + filter.split('+').map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+') + '$');
      const inFlight = new Set<Promise<void>>();
      let closed = false;
      const deadTopic = o.bindings?.deadLetter ? topicOf(o.bindings.deadLetter) : `${dlPrefix}/${o.group}`;
      const qos = o.bindings?.mqtt?.qos ?? 1;
      const handle = (topic: string, payload: Buffer, packet: import('mqtt').IPublishPacket, done: (code: number) => void): void => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(packet.properties?.userProperties ?? {})) {
          const t = headerText(Array.isArray(v) ? v[0] : v);
          if (t !== undefined) headers[k] = t;
        }
        const run = (attempt: number): Promise<void> =>
          untilFinished((finish) => {
            const delivery: Delivery = {
              body: payload,
              headers,
              address: topic.slice(prefix.length).replace(/\//g, '.'),
              attempt,
              ack: async () => {
                done(0);
                finish();
              },
              retry: async (delayMs) => {
                setTimeout(() => void run(attempt + 1).then(finish), delayMs);
              },
              deadLetter: async (reason) => {
                await client.publishAsync(deadTopic, payload, {
                  qos: 1,
                  properties: { userProperties: { ...headers, 'x-dead-letter-reason': reason, 'x-original-topic': topic } },
                });
                done(0);
                finish();
              },
            };
            onDelivery(delivery).catch(() => finish());
          });
        if (closed) return; // no PUBACK: the broker redelivers to the next session
        const p = run(1).finally(() => inFlight.delete(p));
        inFlight.add(p);
      };
      // one connection per subscription: its messages are settled in order, one at a time
      const sub = await mqtt.connectAsync(options.url, {
        protocolVersion: 5,
        ...(options.clientId ? { clientId: `${options.clientId}-${o.group}`, clean: false, properties: { sessionExpiryInterval: 3600 } } : {}),
        customHandleAcks: (topic, message, packet, done) => (re.test(topic) ? handle(topic, message, packet, (code) => done(code)) : done(0)),
      });
      subscribers.add(sub);
      await sub.subscribeAsync(`$share/${o.group}/${filter}`, { qos });
      return {
        async close() {
          closed = true;
          await Promise.all([...inFlight]);
          await sub.unsubscribeAsync(`$share/${o.group}/${filter}`).catch(() => undefined);
          subscribers.delete(sub);
          await sub.endAsync().catch(() => undefined);
        },
      };
    },
    async close() {
      await Promise.all([...subscribers].map((c) => c.endAsync().catch(() => undefined)));
      await client.endAsync();
    },
  };
}
