/**
 * Messaging spans by the semantic conventions: `send <destination>`
 * (PRODUCER) around a publish, with the W3C trace context injected into the
 * message headers (each broker adapter carries them: AMQP headers, NATS
 * headers, MQTT 5 user properties, Kafka headers; the outbox stores them
 * with the row, so the relay sends them too); `process <destination>`
 * (CONSUMER) around a handler, as a child of the producer's context for one
 * message, and for a batch a span that LINKS to every message's producer
 * context instead of taking one of them as its parent.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Attributes, type Context, type Link, type Span } from '@opentelemetry/api';
import { injectSpan, recordGetter, recordSetter, withSpan } from './carriers.js';
import { runtimeTracer } from './tracer.js';

/** What the messaging spans say about one message. */
export interface MessageSpanInfo {
  /** `messaging.system`: `rabbitmq`, `nats`, `kafka`, `mqtt`, `memory`… (the transport's name). */
  system: string;
  /** The destination the message goes to or came from (`reserve.inventory`). */
  destination: string;
  /** The channel's address template, when the destination has parameters (`order.{orderId}.cancelled`). */
  template?: string | undefined;
  messageId?: string | undefined;
  /** The correlation id (`messaging.message.conversation_id`). */
  conversationId?: string | undefined;
}

function attributesOf(info: MessageSpanInfo, operation: 'send' | 'process'): Attributes {
  const a: Attributes = {
    'messaging.system': info.system,
    'messaging.destination.name': info.destination,
    'messaging.operation.type': operation,
    'messaging.operation.name': operation,
  };
  if (info.template !== undefined) a['messaging.destination.template'] = info.template;
  if (info.messageId !== undefined) a['messaging.message.id'] = info.messageId;
  if (info.conversationId !== undefined) a['messaging.message.conversation_id'] = info.conversationId;
  return a;
}

/** The outbox transport wraps a broker's name (`outbox(rabbitmq)`): the system is the broker's. */
function systemOf(name: string): string {
  const m = /^outbox\((.*)\)$/.exec(name);
  return m ? systemOf(m[1]!) : name;
}

/**
 * Starts the producer span of one message under the active context and
 * writes the trace context into `headers` (a header record the transport
 * sends). Returns the span for the caller to end once the broker confirmed.
 */
export function startProducerSpan(info: MessageSpanInfo, headers: Record<string, string>): Span {
  const active = context.active();
  const span = runtimeTracer().startSpan(`send ${info.destination}`, { kind: SpanKind.PRODUCER, attributes: attributesOf({ ...info, system: systemOf(info.system) }, 'send') }, active);
  injectSpan(active, span, headers, recordSetter);
  return span;
}

/** The trace context a message's headers carry (the producer's span), or undefined when they carry none. */
export function messageContext(headers: Record<string, string | undefined>): Context | undefined {
  const extracted = propagation.extract(ROOT_CONTEXT, headers, recordGetter);
  return trace.getSpanContext(extracted) ? extracted : undefined;
}

/**
 * Starts the process span of one delivery as a child of the producer's
 * context from `headers` (or of the active context when they carry none);
 * returns it and the context to run the handler in.
 */
export function startConsumerSpan(info: MessageSpanInfo & { group?: string | undefined }, headers: Record<string, string | undefined>): { span: Span; context: Context } {
  const parent = messageContext(headers) ?? context.active();
  const name = `process ${info.template ?? info.destination}`;
  const attributes = attributesOf({ ...info, system: systemOf(info.system) }, 'process');
  if (info.group !== undefined) attributes['messaging.consumer.group.name'] = info.group;
  const span = runtimeTracer().startSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent);
  return { span, context: withSpan(parent, span) };
}

/**
 * Starts the process span of a batch of messages: a child of the active
 * context (not of any one producer), with a link to each message's producer
 * context, as the conventions ask of batch receivers. `messages` are the
 * header records of the batch; `info` names the destination.
 */
export function startBatchConsumerSpan(info: Omit<MessageSpanInfo, 'messageId' | 'conversationId'> & { group?: string | undefined }, messages: readonly Record<string, string | undefined>[]): { span: Span; context: Context } {
  const links: Link[] = [];
  for (const headers of messages) {
    const ctx = messageContext(headers);
    const sc = ctx && trace.getSpanContext(ctx);
    if (sc) links.push({ context: sc });
  }
  const attributes = attributesOf({ ...info, system: systemOf(info.system) }, 'process');
  attributes['messaging.batch.message_count'] = messages.length;
  if (info.group !== undefined) attributes['messaging.consumer.group.name'] = info.group;
  const active = context.active();
  const span = runtimeTracer().startSpan(`process ${info.template ?? info.destination}`, { kind: SpanKind.CONSUMER, attributes, links }, active);
  return { span, context: withSpan(active, span) };
}
