/**
 * What a contract says about how a channel travels on a broker: the AsyncAPI
 * bindings (amqp exchange and queue, kafka topic and key, mqtt qos and
 * retain, nats queue) plus what bindings cannot say, from `x-` extensions or
 * generator options (dead-letter destination, attempts, retry delays,
 * JetStream limits). Plain data, generated per operation; each transport
 * reads its own part and ignores the others.
 */
import type { EventEnvelope } from './envelope.js';

/** AMQP 0-9-1 exchange (amqp channel binding `exchange`). */
export interface AmqpExchangeBinding {
  name?: string;
  /** `topic` (default), `direct`, `fanout`, `headers`, or `default` (the nameless default exchange). */
  type?: 'topic' | 'direct' | 'fanout' | 'headers' | 'default';
  durable?: boolean;
  autoDelete?: boolean;
}

/** AMQP 0-9-1 queue (amqp channel binding `queue`). */
export interface AmqpQueueBinding {
  /** Queue name; default: the consumer group. */
  name?: string;
  durable?: boolean;
  exclusive?: boolean;
  autoDelete?: boolean;
}

/** RabbitMQ: the amqp channel and operation bindings. */
export interface AmqpBindings {
  /** `routingKey` (default: the channel is a routing key on an exchange) or `queue` (the channel is one queue). */
  is?: 'routingKey' | 'queue';
  exchange?: AmqpExchangeBinding;
  queue?: AmqpQueueBinding;
  /** 1 transient, 2 persistent (default). */
  deliveryMode?: 1 | 2;
  priority?: number;
  /** Per-message TTL in ms. */
  expiration?: number;
  /** Ask the broker to return unroutable messages (a publish to no queue then fails). */
  mandatory?: boolean;
}

/** Kafka: channel binding `topic`, operation binding `groupId`, message binding `key`. */
export interface KafkaBindings {
  topic?: string;
  groupId?: string;
  /** The record key of an event (default: its aggregateId). */
  key?: (envelope: EventEnvelope) => string;
}

/** MQTT: operation binding `qos`, `retain`, `messageExpiryInterval`. */
export interface MqttBindings {
  qos?: 0 | 1 | 2;
  retain?: boolean;
  /** Seconds. */
  messageExpiryInterval?: number;
}

/** NATS JetStream: binding `queue` plus the consumer limits bindings cannot say (`x-jetstream`). */
export interface NatsBindings {
  /** Durable consumer (group) name. */
  queue?: string;
  maxDeliver?: number;
  ackWaitMs?: number;
}

/** The bindings and policies of one operation. */
/** A handshake field of a WebSocket channel (`ws` binding `query` or `headers`). */
export interface WebSocketField {
  required?: boolean;
  default?: string | number | boolean;
}

/** A channel's `ws` binding: how the WebSocket handshake is made (see `wsHandshake`). */
export interface WebSocketBindings {
  method?: 'GET' | 'POST';
  query?: Record<string, WebSocketField>;
  headers?: Record<string, WebSocketField>;
}

/** An operation's `http` binding plus its messages' (HTTP 0.3.0): how the event stream is requested (see `httpStreamRequest`). */
export interface HttpBindings {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'CONNECT' | 'TRACE';
  query?: Record<string, WebSocketField>;
  headers?: Record<string, WebSocketField>;
}

export interface EventBindings {
  amqp?: AmqpBindings;
  kafka?: KafkaBindings;
  mqtt?: MqttBindings;
  nats?: NatsBindings;
  ws?: WebSocketBindings;
  http?: HttpBindings;
  /**
   * Dead-letter destination (`x-dead-letter`): the dead-letter queue on
   * RabbitMQ, the subject on NATS, the topic on MQTT and Kafka. Default per
   * transport (`<queue>.dlq`, `dlq.<stream>.<group>`, `dead-letter/<group>`, `<topic>.dlq`).
   */
  deadLetter?: string;
}

/** A Kafka key taken from the envelope at a dotted path (`aggregateId`, `payload.customerId`): the generated form of `x-kafka-key`. */
export function envelopeField(path: string): (envelope: EventEnvelope) => string {
  const parts = path.split('.');
  return (envelope) => {
    let v: unknown = envelope;
    for (const p of parts) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    if (v === undefined || v === null) throw new Error(`Kafka key \`${path}\` is missing from ${envelope.eventType} ${envelope.eventId}.`);
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
}
