/**
 * @contractkit/runtime/events: the envelope, CloudEvents mapping, upcasters,
 * consumers and producers, transports (in-memory, RabbitMQ, NATS JetStream,
 * MQTT, Kafka, WebSocket), processed-event stores and the PostgreSQL outbox (also as a
 * transport wrapper). Broker and database clients are optional peer
 * dependencies loaded by their adapter.
 */
export { createEnvelope, envelopeHeaders, nowIso, envelopeProblem, type EnvelopeHeaders, type EnvelopeMeta, type EventEnvelope } from './envelope.js';
export { envelopeField, type AmqpBindings, type AmqpExchangeBinding, type AmqpQueueBinding, type EventBindings, type HttpBindings, type KafkaBindings, type MqttBindings, type NatsBindings, type WebSocketBindings, type WebSocketField } from './bindings.js';
export { fromCloudEvent, toCloudEvent, type CloudEvent } from './cloudevents.js';
export { upcast, type Upcaster, type UpcasterMap, type UpcastResult } from './upcast.js';
export { ajvRuntime } from './ajv-runtime.js';
export { avroValidator } from './avro-validator.js';
export { assertValidEvent, checkEvent, describeErrors, EventValidationError, type EventValidator, type EventVersionSpec } from './validation.js';
export { backoffDelay, type RetryPolicy } from './retry.js';
export { addressPattern, addressSegment, bodyBuffer, bodyText, createInFlight, matchesAddress, type InFlight, type Delivery, type OutgoingMessage, type SubscribeOptions, type Subscription, type Transport } from './transport.js';
export { createConsumer, type ConsumedEvent, type ConsumeOptions, type Consumer, type ConsumerObserver, type ConsumerOptions, type HandlerContext } from './consumer.js';
export { encodeEvent, type EncodeOptions } from './encode.js';
export { publishEvent, sendEvent, type PublishOptions, type SendOptions } from './producer.js';
export { createMemoryProcessedStore, createRedisProcessedStore, type ProcessedEventStore, type RedisLike } from './idempotency.js';
export { inTransaction, migrate, migrationSql, type PgClientLike, type PgPoolClientLike, type PgPoolLike, type PgTables } from './pg.js';
export { createPgProcessedStore, type PgProcessedStoreOptions } from './pg-processed-store.js';
export { createOutboxRelay, enqueueOutboxEvent, migrateOutbox, type OutboxRelay, type OutboxRelayOptions } from './outbox.js';
export { createOutboxTransport, type OutboxTransport, type OutboxTransportOptions } from './outbox-transport.js';
export { createMemoryTransport, type MemoryDeadLetter, type MemoryTransport } from './transports/memory.js';
export { createRabbitMqTransport, type RabbitMqOptions, type RabbitMqTransport } from './transports/rabbitmq.js';
export { amqpProperties, type AmqpPublishProperties } from './transports/rabbitmq-properties.js';
export { exchangeSpec, queueSpec, type ExchangeSpec, type QueueSpec } from './transports/rabbitmq-topology.js';
export { createNatsTransport, durableName, type NatsOptions, type NatsTransport } from './transports/nats.js';
export { createMqttTransport, type MqttOptions } from './transports/mqtt.js';
export { createKafkaTransport, fromKafkaHeaders, kafkaTopicOf, toKafkaMessage, type KafkaOptions } from './transports/kafka.js';
export { createWebSocketClientTransport, createWebSocketServerTransport, wsHandshake, type WebSocketClientOptions, type WebSocketClientTransport, type WebSocketDeadLetter, type WebSocketServerOptions, type WebSocketServerTransport, type WebSocketTransport } from './transports/websocket.js';
export { createSseClientTransport, createSseServerTransport, httpStreamRequest, type SseClientOptions, type SseClientTransport, type SseDeadLetter, type SseServerOptions, type SseServerTransport } from './transports/http-stream.js';
export { createRequester, reply, request, RequestTimeoutError, type LateReply, type ReplyCapable, type ReplyInbox, type ReplyMessage, type Requester, type RequesterOptions, type RequestOptions } from './request-reply.js';
export { replyEvent, replyProblem, requestEvent, UnexpectedReplyError, type ReplyEventSpec, type RequestMeta, type RequestReceived, type TypedReply, type TypedRequest } from './typed-request-reply.js';
