/**
 * An operation's broker settings, worked out at generation time from (in
 * order of precedence) the operation's `x-` extensions, its channel's `x-`
 * extensions, the generator options, and the AsyncAPI bindings of the
 * channel, the operation and its messages. What bindings say (amqp exchange
 * and queue, kafka topic/groupId/key, mqtt qos/retain, nats queue) and what
 * they cannot (dead-letter destination, attempts, retry delays, JetStream
 * limits) end up in one plain-data plan the emitter prints.
 */
import type { EventChannel, EventMessage, EventOperation, JsonSchema, SourceRef } from '../../contracts/model/types.js';

/** The generator options this file reads (`generate: [{ target: events, options: { … } }]`). */
export interface EventsGeneratorOptions {
  deadLetter?: string;
  maxAttempts?: number;
  retryDelays?: (number | string)[];
  jetstream?: { maxDeliver?: number; ackWait?: number | string; duplicateWindow?: number | string };
  /** Default timeout of generated requests (`x-reply-timeout` on an operation wins). */
  replyTimeout?: number | string;
}

/** The data of an operation's bindings (what the runtime's `EventBindings` holds, with the Kafka key as data). */
export interface BindingsData {
  amqp?: Record<string, unknown>;
  kafka?: { topic?: string; groupId?: string };
  /** The Kafka record key: a constant, or a dotted path into the envelope (`payload.customerId`). */
  kafkaKey?: { const: string } | { path: string };
  mqtt?: Record<string, unknown>;
  nats?: Record<string, unknown>;
  ws?: WsBindingData;
  http?: HttpBindingData;
  deadLetter?: string;
}

/** A channel's `ws` binding as data: the handshake's method, and its query parameters and headers (required, default). */
export interface WsBindingData {
  method?: 'GET' | 'POST';
  query?: Record<string, { required?: true; default?: string | number | boolean }>;
  headers?: Record<string, { required?: true; default?: string | number | boolean }>;
}

/** An operation's `http` binding with its messages' as data: the stream request's method, query parameters and headers. */
export interface HttpBindingData {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'CONNECT' | 'TRACE';
  query?: WsBindingData['query'];
  headers?: WsBindingData['headers'];
}

/** One operation's plan. */
export interface OperationSettings {
  bindings?: BindingsData;
  retry?: { maxAttempts?: number; delaysMs?: number[] };
  /** Default consumer group from the bindings (nats `queue`, kafka `groupId`). */
  group?: string;
}

type Fail = (message: string, hint: string, at: SourceRef) => void;

const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** A string a Kafka binding gives as a value or as a schema (`{ type: string, enum: [g] }` / `const`). */
function schemaString(v: unknown): string | undefined {
  if (typeof v === 'string') return v || undefined;
  const s = obj(v);
  if (!s) return undefined;
  if (typeof s.const === 'string') return s.const;
  if (Array.isArray(s.enum) && s.enum.length === 1 && typeof s.enum[0] === 'string') return s.enum[0];
  return undefined;
}

/** `200`, `'200ms'`, `'5s'`, `'10m'`, `'1h'` → milliseconds, else undefined. */
export function durationMs(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return Math.round(v);
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(v.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return Math.round(n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 'ms') as 'ms']);
}

const EXCHANGE_TYPES = new Set(['topic', 'direct', 'fanout', 'headers', 'default']);
const ENVELOPE_FIELDS = new Set(['eventId', 'eventType', 'eventVersion', 'timestamp', 'aggregateId', 'correlationId', 'causationId', 'payload']);

/** Looks an extension up on the operation, then the channel, then in the generator options. */
function setting(op: EventOperation, channel: EventChannel, options: EventsGeneratorOptions, ext: string, option: keyof EventsGeneratorOptions): { value: unknown; at: SourceRef } | undefined {
  if (op.extensions && ext in op.extensions) return { value: op.extensions[ext], at: op.location };
  if (channel.extensions && ext in channel.extensions) return { value: channel.extensions[ext], at: channel.location };
  if (options[option] !== undefined) return { value: options[option], at: op.location };
  return undefined;
}

function amqpOf(channel: EventChannel, op: EventOperation, fail: Fail): Record<string, unknown> | undefined {
  const cb = obj(channel.bindings.amqp);
  const ob = obj(op.bindings?.amqp);
  if (!cb && !ob) return undefined;
  const out: Record<string, unknown> = {};
  if (cb) {
    if (cb.is !== undefined) {
      if (cb.is !== 'routingKey' && cb.is !== 'queue') fail(`Channel \`${channel.id}\`: amqp binding \`is\` must be \`routingKey\` or \`queue\`, not ${JSON.stringify(cb.is)}.`, 'Use `is: routingKey` (an exchange and a routing key) or `is: queue`.', channel.location);
      else out.is = cb.is;
    }
    const ex = obj(cb.exchange);
    if (ex) {
      const e: Record<string, unknown> = {};
      if (str(ex.name)) e.name = ex.name;
      if (ex.type !== undefined) {
        if (typeof ex.type !== 'string' || !EXCHANGE_TYPES.has(ex.type)) fail(`Channel \`${channel.id}\`: amqp exchange type ${JSON.stringify(ex.type)} is not one of ${[...EXCHANGE_TYPES].join(', ')}.`, 'Set `exchange.type` to topic (what contractkit declares by default), direct, fanout, headers or default.', channel.location);
        else e.type = ex.type;
      }
      if (e.type === 'direct' && /\{[^}]+\}/.test(channel.address)) fail(`Channel \`${channel.id}\` has parameters, which a direct exchange cannot match.`, 'Use a topic exchange for a parameterized address.', channel.location);
      for (const k of ['durable', 'autoDelete'] as const) if (bool(ex[k]) !== undefined) e[k] = ex[k];
      if (Object.keys(e).length) out.exchange = e;
    }
    const q = obj(cb.queue);
    if (q) {
      const e: Record<string, unknown> = {};
      if (str(q.name)) e.name = q.name;
      for (const k of ['durable', 'exclusive', 'autoDelete'] as const) if (bool(q[k]) !== undefined) e[k] = q[k];
      if (Object.keys(e).length) out.queue = e;
    }
  }
  if (ob) {
    if (ob.deliveryMode === 1 || ob.deliveryMode === 2) out.deliveryMode = ob.deliveryMode;
    if (typeof ob.priority === 'number') out.priority = ob.priority;
    if (typeof ob.expiration === 'number') out.expiration = ob.expiration;
    if (ob.mandatory === true) out.mandatory = true;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The request fields a `ws` or `http` binding's `query` or `headers` schema (an object schema) describes; `owner` names where it sits (``Channel `x` ``). */
function requestFields(owner: string, protocol: 'ws' | 'http', what: 'query' | 'headers', schema: unknown, at: SourceRef, fail: Fail): WsBindingData['query'] {
  const s = obj(schema);
  const props = obj(s?.properties);
  if (!s || (s.type !== undefined && s.type !== 'object') || (s.properties !== undefined && !props)) {
    const request = protocol === 'ws' ? 'WebSocket handshake' : 'HTTP request';
    fail(`${owner}: the ${protocol} binding's \`${what}\` must be an object schema (\`type: object\` with \`properties\`).`, `Describe each ${what === 'query' ? 'query parameter' : 'header'} of the ${request} under \`properties\`.`, at);
    return undefined;
  }
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  const out: NonNullable<WsBindingData['query']> = {};
  for (const [name, p] of Object.entries(props ?? {})) {
    const d = obj(p)?.default ?? obj(p)?.const;
    out[name] = { ...(required.has(name) ? { required: true as const } : {}), ...(typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean' ? { default: d } : {}) };
  }
  return Object.keys(out).length ? out : undefined;
}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE'] as const;

/**
 * An operation's `http` binding (HTTP binding 0.3.0: `method`, `query`) with
 * its messages' (`headers`; several messages' headers are merged): how the
 * event stream is requested over HTTP streaming (server-sent events).
 */
function httpOf(op: EventOperation, messages: EventMessage[], fail: Fail): HttpBindingData | undefined {
  const b = obj(op.bindings?.http);
  const out: HttpBindingData = {};
  if (b?.method !== undefined) {
    if (typeof b.method !== 'string' || !(HTTP_METHODS as readonly string[]).includes(b.method)) fail(`Operation \`${op.id}\`: the http binding's \`method\` must be one of ${HTTP_METHODS.join(', ')}, not ${JSON.stringify(b.method)}.`, 'Write the HTTP method in capitals (`method: GET`), or remove it for GET.', op.location);
    else out.method = b.method as HttpBindingData['method'];
  }
  if (b?.query !== undefined) {
    const q = requestFields(`Operation \`${op.id}\``, 'http', 'query', b.query, op.location, fail);
    if (q) out.query = q;
  }
  for (const m of messages) {
    const h = obj(m.bindings?.http)?.headers;
    if (h === undefined) continue;
    const fields = requestFields(`Message \`${m.id}\``, 'http', 'headers', h, m.location, fail);
    if (fields) out.headers = { ...out.headers, ...fields };
  }
  return Object.keys(out).length ? out : undefined;
}

/** A channel's `ws` binding (WebSocket binding 0.1.0: method, query, headers). */
function wsOf(channel: EventChannel, fail: Fail): WsBindingData | undefined {
  const b = obj(channel.bindings.ws);
  if (!b) return undefined;
  const out: WsBindingData = {};
  if (b.method !== undefined) {
    if (b.method !== 'GET' && b.method !== 'POST') fail(`Channel \`${channel.id}\`: the ws binding's \`method\` must be GET or POST, not ${JSON.stringify(b.method)}.`, 'A WebSocket handshake is a GET (or POST); remove `method` for GET.', channel.location);
    else out.method = b.method;
  }
  for (const what of ['query', 'headers'] as const) {
    if (b[what] === undefined) continue;
    const fields = requestFields(`Channel \`${channel.id}\``, 'ws', what, b[what], channel.location, fail);
    if (fields) out[what] = fields;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The settings of one operation, or findings through `fail`. */
export function operationSettings(op: EventOperation, channel: EventChannel, messages: EventMessage[], options: EventsGeneratorOptions, fail: Fail): OperationSettings {
  const b: BindingsData = {};
  const amqp = amqpOf(channel, op, fail);
  if (amqp) b.amqp = amqp;

  const kc = obj(channel.bindings.kafka);
  const ko = obj(op.bindings?.kafka);
  const kafka: { topic?: string; groupId?: string } = {};
  if (str(kc?.topic)) kafka.topic = kc!.topic as string;
  const groupId = schemaString(ko?.groupId);
  if (groupId) kafka.groupId = groupId;
  if (Object.keys(kafka).length) b.kafka = kafka;
  for (const m of messages) {
    const path = m.extensions['x-kafka-key'];
    const keySchema = obj(obj(m.bindings?.kafka)?.key);
    if (path !== undefined) {
      if (typeof path !== 'string' || !ENVELOPE_FIELDS.has(path.split('.')[0]!)) {
        fail(`Message \`${m.id}\`: \`x-kafka-key\` must be a dotted path into the envelope (\`aggregateId\`, \`payload.customerId\`), not ${JSON.stringify(path)}.`, `Start the path with one of ${[...ENVELOPE_FIELDS].join(', ')}.`, m.location);
      } else b.kafkaKey = { path };
    } else if (keySchema) {
      const c = schemaString(keySchema as JsonSchema);
      if (c) b.kafkaKey = { const: c };
    }
    if (b.kafkaKey) break;
  }

  const mo = obj(op.bindings?.mqtt);
  if (mo) {
    const mqtt: Record<string, unknown> = {};
    if (mo.qos !== undefined) {
      if (mo.qos !== 0 && mo.qos !== 1 && mo.qos !== 2) fail(`Operation \`${op.id}\`: mqtt qos must be 0, 1 or 2, not ${JSON.stringify(mo.qos)}.`, 'Set `qos` to 0, 1 or 2 (contractkit defaults to 1: at least once).', op.location);
      else mqtt.qos = mo.qos;
    }
    if (bool(mo.retain) !== undefined) mqtt.retain = mo.retain;
    if (typeof mo.messageExpiryInterval === 'number') mqtt.messageExpiryInterval = mo.messageExpiryInterval;
    if (Object.keys(mqtt).length) b.mqtt = mqtt;
  }

  const nats: Record<string, unknown> = {};
  const queue = str(obj(op.bindings?.nats)?.queue) ?? str(obj(channel.bindings.nats)?.queue);
  if (queue) nats.queue = queue;
  const js = setting(op, channel, options, 'x-jetstream', 'jetstream');
  if (js) {
    const j = obj(js.value);
    if (!j) fail(`Operation \`${op.id}\`: \`x-jetstream\` must be an object ({ maxDeliver, ackWait, duplicateWindow }).`, 'Write for example `x-jetstream: { maxDeliver: 10, ackWait: 30s }`.', js.at);
    else {
      if (j.maxDeliver !== undefined) {
        if (!Number.isInteger(j.maxDeliver) || (j.maxDeliver as number) < 1) fail(`Operation \`${op.id}\`: \`x-jetstream.maxDeliver\` must be a positive integer.`, 'Write for example `maxDeliver: 10`.', js.at);
        else nats.maxDeliver = j.maxDeliver;
      }
      if (j.ackWait !== undefined) {
        const ms = durationMs(j.ackWait);
        if (ms === undefined) fail(`Operation \`${op.id}\`: \`x-jetstream.ackWait\` must be a duration (\`30s\`, \`500ms\`, or milliseconds).`, 'Write for example `ackWait: 30s`.', js.at);
        else nats.ackWaitMs = ms;
      }
    }
  }
  if (Object.keys(nats).length) b.nats = nats;
  const ws = wsOf(channel, fail);
  if (ws) b.ws = ws;
  const http = httpOf(op, messages, fail);
  if (http) b.http = http;

  const dl = setting(op, channel, options, 'x-dead-letter', 'deadLetter');
  if (dl) {
    if (!str(dl.value)) fail(`Operation \`${op.id}\`: \`x-dead-letter\` must name a destination (a queue, subject or topic).`, 'Write for example `x-dead-letter: orders.dead-letters`.', dl.at);
    else b.deadLetter = dl.value as string;
  }

  const retry: { maxAttempts?: number; delaysMs?: number[] } = {};
  const max = setting(op, channel, options, 'x-max-attempts', 'maxAttempts');
  if (max) {
    if (!Number.isInteger(max.value) || (max.value as number) < 1) fail(`Operation \`${op.id}\`: \`x-max-attempts\` must be a positive integer.`, 'Write for example `x-max-attempts: 5` (deliveries in total before dead-lettering).', max.at);
    else retry.maxAttempts = max.value as number;
  }
  const delays = setting(op, channel, options, 'x-retry-delays', 'retryDelays');
  if (delays) {
    const list = Array.isArray(delays.value) ? delays.value.map(durationMs) : [undefined];
    if (list.length === 0 || list.some((x) => x === undefined)) fail(`Operation \`${op.id}\`: \`x-retry-delays\` must be a list of durations.`, 'Write for example `x-retry-delays: [1s, 10s, 1m]`.', delays.at);
    else retry.delaysMs = list as number[];
  }

  // keep what the side uses: a producer needs no dead-letter or consumer limits, a consumer no record key
  if (op.action === 'send') {
    delete b.deadLetter;
    delete b.nats;
  } else delete b.kafkaKey;
  const out: OperationSettings = {};
  if (Object.keys(b).length) out.bindings = b;
  if (Object.keys(retry).length) out.retry = retry;
  const group = (b.nats?.queue as string | undefined) ?? b.kafka?.groupId;
  if (group) out.group = group;
  return out;
}

/** The JetStream duplicate window (stream-level: document-wide) from `x-jetstream.duplicateWindow` in the options or on any operation/channel. */
export function duplicateWindowMs(ops: EventOperation[], channels: EventChannel[], options: EventsGeneratorOptions, fail: Fail): number | undefined {
  const sources: { value: unknown; at: SourceRef }[] = [];
  for (const x of [...ops, ...channels]) {
    const j = obj(x.extensions?.['x-jetstream']);
    if (j?.duplicateWindow !== undefined) sources.push({ value: j.duplicateWindow, at: x.location });
  }
  if (options.jetstream?.duplicateWindow !== undefined) sources.push({ value: options.jetstream.duplicateWindow, at: ops[0]?.location ?? channels[0]!.location });
  let result: number | undefined;
  for (const s of sources) {
    const ms = durationMs(s.value);
    if (ms === undefined) fail('`x-jetstream.duplicateWindow` must be a duration (`2m`, `30s`, or milliseconds).', 'Write for example `duplicateWindow: 2m`.', s.at);
    else result = Math.max(result ?? 0, ms);
  }
  return result;
}
