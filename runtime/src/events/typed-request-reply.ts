/**
 * What generated requesters and repliers call (AsyncAPI 3.0 operations with
 * a `reply`): the request is validated before it leaves, the reply is
 * checked against the reply messages the contract lists (type, version,
 * schema) before the caller sees it, and a replier validates its reply and
 * sends it to the address the request carried. Built on {@link createRequester}
 * and {@link reply}; transports without request/reply are refused there.
 */
import { randomUUID } from 'node:crypto';
import type { EventBindings } from './bindings.js';
import { createEnvelope, type EnvelopeMeta, type EventEnvelope } from './envelope.js';
import { publishEvent } from './producer.js';
import { reply, type Requester } from './request-reply.js';
import type { Transport } from './transport.js';
import { assertValidEvent, checkEvent, type EventVersionSpec } from './validation.js';

/** One event type a reply may be, with the versions the contract lists. */
export interface ReplyEventSpec {
  eventType: string;
  versions: EventVersionSpec[];
}

/** A reply that is not one the contract lists for the request (wrong type, unknown version, invalid payload). */
export class UnexpectedReplyError extends Error {
  constructor(
    readonly address: string,
    readonly reply: EventEnvelope,
    readonly problem: string,
  ) {
    super(`the reply to the request on \`${address}\` (correlationId ${reply.correlationId}) is not one the contract lists: ${problem}`);
    this.name = 'UnexpectedReplyError';
  }
}

/** Envelope metadata of a request: the correlationId is the one replies are matched by, fresh when not given. */
export type RequestMeta = Omit<EnvelopeMeta, 'correlationId'> & { correlationId?: string | undefined };

/** What a generated request method hands over. */
export interface TypedRequest {
  address: string;
  eventType: string;
  version: number;
  payload: unknown;
  meta: RequestMeta;
  spec: EventVersionSpec;
  replies: ReplyEventSpec[];
  headers?: Record<string, string> | undefined;
  /** A header besides reply-to that carries the reply address (the contract's `reply.address.location`). */
  addressHeader?: string | undefined;
  timeoutMs?: number | undefined;
  bindings?: EventBindings | undefined;
}

/** Why `envelope` is not one of `replies`, or undefined when it is. */
export function replyProblem(envelope: EventEnvelope, replies: ReplyEventSpec[]): string | undefined {
  const accepted = replies.find((r) => r.eventType === envelope.eventType);
  if (!accepted) return `its type is ${envelope.eventType}; expected ${replies.map((r) => r.eventType).join(' or ')}`;
  const spec = accepted.versions.find((v) => v.version === envelope.eventVersion);
  if (!spec) return `${envelope.eventType} version ${envelope.eventVersion} is not one the contract lists (${accepted.versions.map((v) => v.version).join(', ')})`;
  const invalid = checkEvent(spec, envelope);
  return invalid ? `invalid ${envelope.eventType} v${envelope.eventVersion}: ${invalid.join('; ')}` : undefined;
}

/**
 * Builds, validates and sends a request on `requester` and resolves with its
 * reply once the reply is one the contract lists; rejects with
 * `EventValidationError` (nothing sent), `RequestTimeoutError`, or
 * {@link UnexpectedReplyError}.
 */
export async function requestEvent<R extends EventEnvelope>(requester: Requester, r: TypedRequest): Promise<R> {
  const envelope = createEnvelope(r.eventType, r.version, r.payload, { ...r.meta, correlationId: r.meta.correlationId ?? randomUUID() });
  assertValidEvent(r.spec, envelope);
  const headers = r.addressHeader ? { ...r.headers, [r.addressHeader]: requester.replyTo } : r.headers;
  const answer = await requester.request(r.address, envelope, { ...(headers ? { headers } : {}), ...(r.timeoutMs !== undefined ? { timeoutMs: r.timeoutMs } : {}), ...(r.bindings ? { bindings: r.bindings } : {}) });
  const problem = replyProblem(answer, r.replies);
  if (problem) throw new UnexpectedReplyError(r.address, answer, problem);
  return answer as R;
}

/** The request a reply answers: its event and the headers it arrived with (a handler's `ctx.headers`). */
export interface RequestReceived<E extends EventEnvelope = EventEnvelope> {
  event: E;
  headers: Record<string, string>;
}

/** What a generated reply function hands over. */
export interface TypedReply {
  eventType: string;
  version: number;
  payload: unknown;
  /** Envelope metadata; default: the request's aggregateId, its correlationId, and its eventId as causationId. */
  meta?: Partial<EnvelopeMeta> | undefined;
  spec: EventVersionSpec;
  /** A header besides reply-to that carries the reply address. */
  addressHeader?: string | undefined;
  /** Where to reply when the request carries no reply address (the contract's reply channel, when its address is fixed). */
  fallbackAddress?: string | undefined;
  headers?: Record<string, string> | undefined;
  bindings?: EventBindings | undefined;
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  if (headers[name] !== undefined) return headers[name];
  const lower = name.toLowerCase();
  for (const k in headers) if (k.toLowerCase() === lower) return headers[k];
  return undefined;
}

/**
 * Validates the reply to `request` and sends it to the reply address the
 * request carried (or the contract's fixed reply address); resolves with the
 * reply envelope once the broker has it.
 */
export async function replyEvent<R extends EventEnvelope>(transport: Transport, request: RequestReceived, r: TypedReply): Promise<R> {
  const asked = request.event;
  const envelope = createEnvelope(r.eventType, r.version, r.payload, {
    aggregateId: r.meta?.aggregateId ?? asked.aggregateId,
    // the requester matches replies by this: it must be the request's
    correlationId: asked.correlationId,
    causationId: r.meta?.causationId ?? asked.eventId,
    ...(r.meta?.eventId !== undefined ? { eventId: r.meta.eventId } : {}),
    ...(r.meta?.timestamp !== undefined ? { timestamp: r.meta.timestamp } : {}),
  });
  assertValidEvent(r.spec, envelope);
  const replyTo = (r.addressHeader ? headerOf(request.headers, r.addressHeader) : undefined) ?? headerOf(request.headers, 'reply-to');
  const extra = { ...(r.headers ? { headers: r.headers } : {}), ...(r.bindings ? { bindings: r.bindings } : {}) };
  if (replyTo) await reply(transport, { headers: { ...request.headers, 'reply-to': replyTo } }, envelope, extra);
  else if (r.fallbackAddress) await publishEvent(transport, r.fallbackAddress, envelope, r.spec, { ...extra, skipValidation: true });
  else throw new Error(`the ${asked.eventType} request (correlationId ${asked.correlationId}) carries no reply address${r.addressHeader ? ` (header \`${r.addressHeader}\` or reply-to)` : ' (reply-to)'}, so there is nowhere to reply`);
  return envelope as R;
}
