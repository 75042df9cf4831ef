/**
 * AsyncAPI document (the parser's model API) → the contractkit model.
 *
 * Works the same for 2.x and 3.0 because it only uses the parser's
 * version-independent interfaces; in particular the direction of an operation
 * comes from `isSend()`/`isReceive()`, never from the raw `action`
 * (a 2.x `subscribe` is a send from the application's point of view).
 */
import { isAbsolute, resolve } from 'node:path';
import type { AsyncAPIDocumentInterface, ChannelInterface, MessageInterface, OperationInterface } from '@asyncapi/parser';
import type { EventChannel, EventMessage, EventOperation, JsonSchema, SourceRef } from '../model/types.js';
import { pointerSegments, toPointer } from '../source/positions.js';
import { isParserKey, toPlainJson } from './plain-json.js';
import { unwrapSchema } from './schema-format.js';

/** Maps a pointer in the resolved document to where it was written (follows `$ref`s). */
export type SourceLocator = (resolvedPointer: string) => SourceRef;

/** Minimal view of Spectral's document inventory (not exported by the parser's types). */
interface DocumentInventoryLike {
  findAssociatedItemForPath(path: (string | number)[], resolved: boolean): { document: { source: string | null }; path: (string | number)[] } | null;
}

/**
 * A locator backed by Spectral's document inventory, which knows the `$ref`
 * graph: `/channels/orders/messages/OrderPlaced` becomes
 * `/components/messages/OrderPlaced` (or a pointer in another file).
 */
export function createSourceLocator(entryFile: string, inventory: unknown): SourceLocator {
  const inv = inventory as DocumentInventoryLike | undefined;
  return (resolvedPointer) => {
    const fallback: SourceRef = { file: entryFile, pointer: resolvedPointer };
    if (!inv || typeof inv.findAssociatedItemForPath !== 'function') return fallback;
    try {
      const item = inv.findAssociatedItemForPath(pointerSegments(resolvedPointer), true);
      if (!item || !item.document.source) return fallback;
      const src = item.document.source;
      return { file: isAbsolute(src) ? src : resolve(src), pointer: toPointer(item.path) };
    } catch {
      return fallback;
    }
  };
}

/** The normalized parts of an AsyncAPI contract. */
export interface NormalizedAsyncApi {
  specVersion: string;
  title: string;
  apiVersion: string;
  defaultContentType?: string;
  channels: EventChannel[];
  operations: EventOperation[];
  messages: EventMessage[];
  document: Record<string, unknown>;
}

/** Normalizes a parsed document. */
export function normalizeAsyncApi(doc: AsyncAPIDocumentInterface, locate: SourceLocator): NormalizedAsyncApi {
  const messageIds = new WeakMap<object, string>();
  const messages = doc.allMessages().all().map((m, i) => toMessage(m, i, locate, messageIds, doc.version()));
  const idOf = (m: MessageInterface): string => messageIds.get(m.json() as object) ?? fallbackMessageId(m, locate);
  return {
    specVersion: doc.version(),
    title: doc.info().title(),
    apiVersion: doc.info().version(),
    defaultContentType: doc.defaultContentType(),
    channels: doc.allChannels().all().map((c) => toChannel(c, locate)),
    operations: doc.allOperations().all().map((o) => toOperation(o, idOf, locate)),
    messages,
    document: toPlainJson(doc.json() as Record<string, unknown>),
  };
}

/** Bindings by protocol, as plain JSON. */
function bindingsOf(x: { bindings(): { all(): { protocol(): string; json(): unknown }[] } }): Record<string, unknown> {
  const bindings: Record<string, unknown> = {};
  for (const b of x.bindings().all()) bindings[b.protocol()] = toPlainJson(b.json());
  return bindings;
}

/** `x-` extensions as plain JSON, without the parser's own keys. */
function extensionsOf(x: { extensions(): { all(): { id(): string; value(): unknown }[] } }): Record<string, unknown> {
  const extensions: Record<string, unknown> = {};
  for (const e of x.extensions().all()) if (!isParserKey(e.id())) extensions[e.id()] = toPlainJson(e.value());
  return extensions;
}

function toChannel(c: ChannelInterface, locate: SourceLocator): EventChannel {
  const bindings = bindingsOf(c);
  const extensions = extensionsOf(c);
  return {
    id: c.id(),
    // A 3.0 channel may have a null address ("unknown or dynamic"): kept as ''.
    address: c.address() ?? '',
    parameters: c.parameters().all().map((p) => ({
      name: p.id(),
      ...(p.description() !== undefined ? { description: p.description() } : {}),
      location: locate(p.meta('pointer')),
    })),
    bindings,
    ...(Object.keys(extensions).length ? { extensions } : {}),
    location: locate(c.meta('pointer')),
  };
}

function toOperation(o: OperationInterface, idOf: (m: MessageInterface) => string, locate: SourceLocator): EventOperation {
  const op: EventOperation = {
    id: o.id() ?? '',
    action: o.isSend() ? 'send' : 'receive',
    channel: o.channels().all()[0]?.id() ?? '',
    messages: o.messages().all().map(idOf),
    location: locate(o.meta('pointer')),
  };
  if (o.hasSummary()) op.summary = o.summary()!;
  if (o.hasDescription()) op.description = o.description()!;
  const bindings = bindingsOf(o);
  if (Object.keys(bindings).length) op.bindings = bindings;
  const extensions = extensionsOf(o);
  if (Object.keys(extensions).length) op.extensions = extensions;
  const reply = o.reply();
  if (reply) {
    const channel = reply.channel();
    // a reply without messages carries every message of its channel (AsyncAPI 3.0, Operation Reply Object)
    const messages = reply.messages().all().length ? reply.messages().all() : (channel?.messages().all() ?? []);
    const address = reply.address();
    op.reply = {
      ...(channel ? { channel: channel.id() } : {}),
      messages: messages.map(idOf),
      ...(address?.location() ? { address: { location: address.location(), ...(address.description() ? { description: address.description()! } : {}) } } : {}),
    };
  }
  return op;
}

function toMessage(m: MessageInterface, index: number, locate: SourceLocator, ids: WeakMap<object, string>, specVersion: string): EventMessage {
  const location = locate(m.meta('pointer'));
  const id = m.id() || componentKey(location) || m.name() || `anonymous-message-${index + 1}`;
  ids.set(m.json() as object, id);
  const extensions = extensionsOf(m);
  const formats: NonNullable<EventMessage['formats']> = {};
  const schemaOf = (part: 'payload' | 'headers', json: unknown): JsonSchema => {
    const unwrapped = unwrapSchema(toPlainJson(json), part, specVersion, (m.json() as { schemaFormat?: string }).schemaFormat);
    if (unwrapped.format) formats[part] = unwrapped.format;
    return unwrapped.schema;
  };
  const payload = m.payload() ? schemaOf('payload', m.payload()!.json()) : undefined;
  const headers = m.headers() ? schemaOf('headers', m.headers()!.json()) : undefined;
  const message: EventMessage = { id, extensions, location };
  if (formats.payload || formats.headers) message.formats = formats;
  if (m.name()) message.name = m.name();
  if (m.title()) message.title = m.title();
  const eventType = eventTypeOf(extensions, payload) ?? m.name();
  if (eventType) message.eventType = eventType;
  const version = eventVersionOf(extensions, payload);
  if (version !== undefined) message.version = version;
  if (m.contentType()) message.contentType = m.contentType();
  const correlation = m.correlationId();
  if (correlation?.location()) message.correlationId = { location: correlation.location()!, ...(correlation.description() ? { description: correlation.description()! } : {}) };
  if (payload !== undefined) message.payload = payload;
  if (headers !== undefined) message.headers = headers;
  const bindings = bindingsOf(m);
  if (Object.keys(bindings).length) message.bindings = bindings;
  return message;
}

/** For a message met only through an operation (should not happen, the parser lists all). */
function fallbackMessageId(m: MessageInterface, locate: SourceLocator): string {
  return m.id() || componentKey(locate(m.meta('pointer'))) || m.name() || m.meta('pointer');
}

/** `OrderPlaced` for a message written at `/components/messages/OrderPlaced`. */
function componentKey(ref: SourceRef): string | undefined {
  const segs = ref.pointer ? pointerSegments(ref.pointer) : [];
  return segs.length === 3 && segs[0] === 'components' && segs[1] === 'messages' ? segs[2] : undefined;
}

/** A property's `const` (or single-valued `enum`) in an object payload schema. */
function payloadConst(payload: JsonSchema | undefined, property: string): unknown {
  if (!payload || typeof payload !== 'object') return undefined;
  const props = payload.properties as Record<string, unknown> | undefined;
  const prop = props?.[property] as Record<string, unknown> | undefined;
  if (!prop || typeof prop !== 'object') return undefined;
  if ('const' in prop) return prop.const;
  if (Array.isArray(prop.enum) && prop.enum.length === 1) return prop.enum[0];
  return undefined;
}

/** `x-event-type`, else the payload's `eventType` const. */
export function eventTypeOf(extensions: Record<string, unknown>, payload: JsonSchema | undefined): string | undefined {
  const ext = extensions['x-event-type'];
  if (typeof ext === 'string' && ext !== '') return ext;
  const c = payloadConst(payload, 'eventType');
  return typeof c === 'string' && c !== '' ? c : undefined;
}

/** Major version from `x-event-version` (`2`, `'2'`, `'v2'`, `'2.1'`), else the payload's `eventVersion` const. */
export function eventVersionOf(extensions: Record<string, unknown>, payload: JsonSchema | undefined): number | undefined {
  return majorOf(extensions['x-event-version']) ?? majorOf(payloadConst(payload, 'eventVersion'));
}

function majorOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string') {
    const m = /^v?(\d+)(?:\.\d+)*$/i.exec(v.trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}
