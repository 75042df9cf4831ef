/**
 * What the events generator emits, worked out from the AsyncApiContract
 * before any text is written: messages with their type names, versions and
 * validator names, event types with their versions, channels with their
 * parameters, operations. Anything we cannot type becomes a Finding naming
 * the element, and nothing is generated.
 */
import type { Finding } from '../../contracts/finding.js';
import type { AsyncApiContract, EventChannel, EventMessage, JsonSchema, SourceRef } from '../../contracts/model/types.js';
import { eventGroups } from './event-groups.js';
import { replyPlan } from './reply-plan.js';
import { duplicateWindowMs, operationSettings, type EventsGeneratorOptions, type OperationSettings } from './bindings.js';
import { camelCase, createNameScope, pascalCase } from '../core/names.js';
import { schemaFormatFamily } from '../../contracts/asyncapi/schema-format.js';
import { avroPayload } from './avro/avro-payload.js';

/** One message (one event type at one major version). */
export interface MessagePlan {
  message: EventMessage;
  eventType: string;
  version: number;
  /** Payload (event data) type name: `OrderPlacedV2`. */
  typeName: string;
  /** Envelope type name: `OrderPlacedV2Event`. */
  eventTypeName: string;
  headersTypeName?: string;
  /** Schema of `payload` (the event data). */
  dataSchema: JsonSchema;
  /** What the validator checks: the message payload schema is the whole envelope, or only the data. */
  validates: 'envelope' | 'payload';
  /** Schema the validator compiles. */
  validatedSchema: JsonSchema;
  validatorName: string;
  /** `orderPlacedV2` — the spec constant. */
  specName: string;
  /** The payload is an Avro schema (`schemaFormat: application/vnd.apache.avro…`): validated with avsc; `dataSchema` is its JSON Schema mapping. */
  avro?: boolean;
}

/** The versions of one event type an operation carries. */
export interface EventGroup {
  eventType: string;
  versions: MessagePlan[];
  latest: MessagePlan;
  /** `orderPlaced` — base for upcaster names. */
  baseName: string;
}

export interface ChannelPlan {
  channel: EventChannel;
  params: string[];
  /** `orderCancelledAddress` — function (with params) or constant. */
  addressName: string;
  paramsTypeName?: string;
  /**
   * An amqp queue channel (`is: queue`) whose address has parameters: the
   * queue's name is chosen at run time (an RPC reply queue), so its consumers
   * take the parameters too and read the one queue they name.
   */
  queueNamedAtRunTime?: boolean;
}

/** The reply of a request/reply operation (AsyncAPI 3.0 `reply`). */
export interface ReplyPlan {
  /** The reply channel, when the reply names one (its address is the default reply address when it has no parameters). */
  channel?: ChannelPlan;
  /** The reply messages by event type. */
  groups: EventGroup[];
  /** A header other than the standard reply-to that carries the reply address (`$message.header#/REPLY_TOPIC`). */
  addressHeader?: string;
  /** The runtime expression of the reply address, as written (for docs). */
  addressLocation?: string;
  /** Default timeout of a request (`x-reply-timeout` on the operation, or the `replyTimeout` option). */
  timeoutMs?: number;
  /** A receive operation's reply function per reply group (`replySum`), in `groups` order. */
  functionNames: string[];
}

/** Names of the requester module (when a send operation has a reply). */
export interface RequesterNames {
  factory: string;
  options: string;
  meta: string;
}

export interface OperationPlan {
  id: string;
  action: 'send' | 'receive';
  channel: ChannelPlan;
  groups: EventGroup[];
  summary?: string;
  /** Bindings, retry policy and default group from the contract and the options. */
  settings: OperationSettings;
  /** Name of the generated bindings constant (`onOrderPlacedBindings`), when there are bindings. */
  bindingsName?: string;
  /** Name of the generated retry policy constant (`onOrderPlacedRetry`), when there is one. */
  retryName?: string;
  /** Request/reply: a send operation's requester method waits for it, a receive operation's `reply…` functions send it. */
  reply?: ReplyPlan;
}

export interface EventsPlan {
  contract: AsyncApiContract;
  messages: MessagePlan[];
  channels: ChannelPlan[];
  operations: OperationPlan[];
  /** JetStream duplicate window (`x-jetstream.duplicateWindow`), stream-wide. */
  duplicateWindowMs?: number;
  /** Name of the generated NATS stream settings constant. */
  natsStreamName: string;
  /** Set when a send operation has a reply (then `requesters.ts` is generated). */
  requester?: RequesterNames;
}

const SUPPORTED_BINDINGS = new Set(['amqp', 'amqp1', 'nats', 'mqtt', 'mqtt5', 'kafka', 'ws', 'http']);

/** True when a payload schema is the seed's envelope (event data under `payload`). */
export function isEnvelopeSchema(schema: JsonSchema | undefined): schema is Record<string, unknown> {
  if (!schema || typeof schema !== 'object') return false;
  const props = schema.properties as Record<string, unknown> | undefined;
  return !!props && 'payload' in props && 'eventType' in props && 'eventId' in props;
}

/** Builds the plan, or the findings that stop generation. */
export function planEvents(contract: AsyncApiContract, options: EventsGeneratorOptions = {}): { plan?: EventsPlan; findings: Finding[] } {
  const findings: Finding[] = [];
  const fail = (message: string, hint: string, at: { file: string; pointer?: string }) =>
    findings.push({ ruleId: 'generate/events', severity: 'error', kind: 'asyncapi', file: at.file, ...(at.pointer !== undefined ? { pointer: at.pointer } : { line: 1, column: 1 }), message, hint });

  const types = createNameScope(['EventEnvelope', 'Transport']);
  const values = createNameScope();
  const messages: MessagePlan[] = [];
  const unsupported = (what: string, bindings: Record<string, unknown> | undefined, at: SourceRef) => {
    for (const protocol of Object.keys(bindings ?? {})) {
      if (!SUPPORTED_BINDINGS.has(protocol)) fail(`${what} has a \`${protocol}\` binding, which the events generator does not support.`, `Supported bindings: ${[...SUPPORTED_BINDINGS].join(', ')}. Remove the binding or move it to a document for another tool.`, at);
    }
  };
  for (const m of contract.messages) {
    const label = m.name ?? m.id;
    unsupported(`Message \`${label}\``, m.bindings, m.location);
    if (m.payload === undefined || m.payload === true || (typeof m.payload === 'object' && Object.keys(m.payload).length === 0)) {
      fail(`Message \`${label}\` has no payload schema, so no type or validator can be generated for it.`, 'Give the message a `payload` JSON Schema (the envelope with the event data under `payload`, or the event data itself).', m.location);
      continue;
    }
    const payloadFamily = schemaFormatFamily(m.formats?.payload?.format);
    const at = m.formats?.payload ? { file: m.location.file, ...(m.location.pointer !== undefined ? { pointer: m.location.pointer + m.formats.payload.pointer } : {}) } : m.location;
    if (m.formats?.headers && schemaFormatFamily(m.formats.headers.format) !== 'json-schema') {
      fail(`Message \`${label}\`: its headers are written in \`${m.formats.headers.format}\`; the events generator reads headers in JSON Schema only.`, 'Describe the headers with an AsyncAPI (JSON) Schema.', m.location);
      continue;
    }
    let avroData: JsonSchema | undefined;
    if (payloadFamily === 'avro') {
      const avro = avroPayload(m.payload);
      for (const p of avro.problems) fail(`Message \`${label}\`: its Avro payload cannot be generated: ${p}.`, 'Change the Avro schema (see docs/events.md, Avro payloads), or describe the payload in JSON Schema.', at);
      if (!avro.dataSchema) continue;
      avroData = avro.dataSchema;
    } else if (payloadFamily !== 'json-schema') {
      fail(`Message \`${label}\`: its payload is written in \`${m.formats!.payload!.format}\`, a schema format the events generator does not read.`, 'Write the payload in JSON Schema (AsyncAPI Schema) or Avro (`application/vnd.apache.avro+json;version=1.9.0`).', at);
      continue;
    }
    const envelope = !avroData && isEnvelopeSchema(m.payload);
    const dataSchema = avroData ?? (envelope ? ((m.payload as Record<string, Record<string, JsonSchema>>).properties!.payload as JsonSchema) : m.payload);
    const base = pascalCase(m.name ?? m.title ?? m.id);
    const typeName = types.claim(base);
    messages.push({
      message: m,
      eventType: m.eventType ?? m.name ?? m.id,
      version: m.version ?? 1,
      typeName,
      eventTypeName: types.claim(`${typeName}Event`),
      ...(m.headers !== undefined ? { headersTypeName: types.claim(`${typeName}Headers`) } : {}),
      dataSchema,
      validates: envelope ? 'envelope' : 'payload',
      validatedSchema: m.payload,
      validatorName: values.claim(`validate${typeName}`),
      specName: values.claim(camelCase(`${typeName} spec`)),
      ...(avroData ? { avro: true } : {}),
    });
  }

  const channels: ChannelPlan[] = contract.channels.map((c) => {
    for (const protocol of Object.keys(c.bindings)) {
      if (!SUPPORTED_BINDINGS.has(protocol)) fail(`Channel \`${c.id}\` has a \`${protocol}\` binding, which the events generator does not support.`, `Supported bindings: ${[...SUPPORTED_BINDINGS].join(', ')}. Remove the binding or move it to a document for another tool.`, c.location);
    }
    const params = [...c.address.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!);
    const amqp = c.bindings.amqp as { is?: unknown; exchange?: { type?: unknown }; queue?: { name?: unknown } } | undefined;
    const queueChannel = amqp?.is === 'queue' || amqp?.exchange?.type === 'default';
    return {
      channel: c,
      params,
      ...(queueChannel && params.length && typeof amqp?.queue?.name !== 'string' ? { queueNamedAtRunTime: true } : {}),
      addressName: values.claim(camelCase(`${c.id} address`)),
      ...(params.length ? { paramsTypeName: types.claim(pascalCase(`${c.id} address params`)) } : {}),
    };
  });

  const byId = new Map(messages.map((m) => [m.message.id, m]));
  const groupsOf = (ids: string[]): Map<string, MessagePlan[]> => {
    const groups = new Map<string, MessagePlan[]>();
    for (const id of ids) {
      const m = byId.get(id);
      if (!m) continue; // reported above (no payload)
      groups.set(m.eventType, [...(groups.get(m.eventType) ?? []), m]);
    }
    return groups;
  };
  const operations: OperationPlan[] = [];
  for (const op of contract.operations) {
    const channel = channels.find((c) => c.channel.id === op.channel);
    if (!channel) {
      fail(`Operation \`${op.id}\` has no channel.`, 'Point the operation at a channel (`channel: { $ref: … }`).', op.location);
      continue;
    }
    unsupported(`Operation \`${op.id}\``, op.bindings, op.location);
    const settings = operationSettings(op, channel.channel, op.messages.map((id) => byId.get(id)?.message).filter((m): m is EventMessage => m !== undefined), options, fail);
    const groups = new Map<string, MessagePlan[]>();
    for (const id of op.messages) {
      const m = byId.get(id);
      if (!m) continue; // reported above (no payload)
      const list = groups.get(m.eventType) ?? [];
      if (list.some((x) => x.version === m.version)) {
        fail(`Operation \`${op.id}\` carries two messages for ${m.eventType} version ${m.version} (\`${list.find((x) => x.version === m.version)!.message.id}\` and \`${m.message.id}\`).`, 'Give each major version its own `x-event-version`.', m.message.location);
      }
      groups.set(m.eventType, [...list, m]);
    }
    if (groups.size === 0 && op.messages.length === 0) {
      fail(`Operation \`${op.id}\` carries no message.`, 'List the messages the operation sends or receives.', op.location);
      continue;
    }
    const planned = op.reply ? replyPlan(op, channels, groupsOf(op.reply.messages), options, fail) : undefined;
    const reply = planned && {
      ...planned,
      functionNames: op.action === 'receive' ? planned.groups.map((g) => values.claim(camelCase(planned.groups.length === 1 ? `reply ${op.id}` : `reply ${op.id} ${g.eventType}`))) : [],
    };
    operations.push({
      id: op.id,
      action: op.action,
      channel,
      groups: eventGroups(groups),
      ...(typeof (op as { summary?: string }).summary === 'string' ? { summary: (op as { summary?: string }).summary } : {}),
      settings,
      ...(settings.bindings ? { bindingsName: values.claim(camelCase(`${op.id} bindings`)) } : {}),
      ...(settings.retry && op.action === 'receive' ? { retryName: values.claim(camelCase(`${op.id} retry`)) } : {}),
      ...(reply ? { reply } : {}),
    });
  }
  const duplicateWindow = duplicateWindowMs(contract.operations, contract.channels, options, fail);
  if (findings.length) return { findings };
  const requester = operations.some((o) => o.reply && o.action === 'send')
    ? { factory: values.claim(`create${pascalCase(contract.name)}Requester`), options: types.claim(`${pascalCase(contract.name)}RequesterOptions`), meta: types.claim('RequestPublishMeta') }
    : undefined;
  return { plan: { contract, messages, channels, operations, natsStreamName: values.claim('natsStream'), ...(duplicateWindow !== undefined ? { duplicateWindowMs: duplicateWindow } : {}), ...(requester ? { requester } : {}) }, findings };
}

