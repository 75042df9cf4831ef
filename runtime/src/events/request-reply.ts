/**
 * Request/reply over a broker with a reply address chosen at run time: the
 * requester listens on a reply inbox (RabbitMQ: an exclusive auto-delete
 * queue; NATS: an inbox subject), publishes the request with a `reply-to`
 * header (AMQP: the `replyTo` property) and waits for the reply whose
 * `correlation-id` is the request's correlationId. The responder answers with
 * {@link reply}, which publishes to the delivery's `reply-to`. A reply that
 * arrives after its request timed out (or matches no pending request) is
 * dropped, counted in `stats.late` and reported to `onLateReply`.
 */
import { encodeEvent, type EncodeOptions } from './encode.js';
import { envelopeProblem, type EventEnvelope } from './envelope.js';
import { bodyText, type Delivery, type OutgoingMessage, type Transport } from './transport.js';

/** A message arriving on a reply inbox. */
export interface ReplyMessage {
  body: Uint8Array;
  headers: Record<string, string>;
}

/** A reply inbox a transport opened: its address travels as the request's `reply-to`. */
export interface ReplyInbox {
  readonly address: string;
  close(): Promise<void>;
}

/** What a transport offers for request/reply (RabbitMQ and NATS implement it). */
export interface ReplyCapable {
  /** Opens an inbox at `address` (chosen by the caller) or at a fresh broker-chosen address. */
  openReplyInbox(onMessage: (m: ReplyMessage) => void, address?: string): Promise<ReplyInbox>;
  /** Publishes straight to a reply address (no exchange routing, no stream). */
  sendReply(replyTo: string, message: OutgoingMessage): Promise<void>;
}

/** A late (or unmatched) reply, as given to `onLateReply`. */
export interface LateReply {
  correlationId: string | undefined;
  body: Uint8Array;
  headers: Record<string, string>;
}

/** Options of {@link createRequester}. */
export interface RequesterOptions {
  /** The reply address to listen on (e.g. the contract's reply queue with its parameter filled); default: one the broker chooses. */
  replyTo?: string;
  /** Default timeout of a request (default 30 s). */
  timeoutMs?: number;
  /** Told about every reply that matched no pending request (it is dropped either way). */
  onLateReply?: (reply: LateReply) => void;
}

/** Options of one request. */
export interface RequestOptions extends EncodeOptions {
  /** How long to wait for the reply (default: the requester's). */
  timeoutMs?: number;
}

/** A requester: one reply inbox shared by all its requests. */
export interface Requester {
  /** The reply address requests carry. */
  readonly replyTo: string;
  readonly stats: { sent: number; replied: number; timedOut: number; late: number };
  /** Publishes `envelope` to `address` and resolves with the reply envelope (rejects with {@link RequestTimeoutError} after the timeout). */
  request<R = unknown>(address: string, envelope: EventEnvelope, options?: RequestOptions): Promise<EventEnvelope<R>>;
  /** Closes the inbox; pending requests reject. */
  close(): Promise<void>;
}

/** A request that got no reply in time. */
export class RequestTimeoutError extends Error {
  constructor(
    readonly address: string,
    readonly correlationId: string,
    readonly timeoutMs: number,
  ) {
    super(`no reply to the request on \`${address}\` (correlationId ${correlationId}) within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

/** The transport's request/reply side, or a clear error naming the transport that has none. */
function replyCapable(transport: Transport): Transport & ReplyCapable {
  const t = transport as Transport & Partial<ReplyCapable>;
  if (typeof t.openReplyInbox !== 'function' || typeof t.sendReply !== 'function') throw new Error(`transport \`${transport.name}\` does not support request/reply (RabbitMQ and NATS do)`);
  return t as Transport & ReplyCapable;
}

interface Pending {
  resolve(e: EventEnvelope): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Opens a reply inbox on `transport` and returns a {@link Requester} over it. */
export async function createRequester(transport: Transport, options: RequesterOptions = {}): Promise<Requester> {
  const t = replyCapable(transport);
  const pending = new Map<string, Pending>();
  const stats = { sent: 0, replied: 0, timedOut: 0, late: 0 };
  const onMessage = (m: ReplyMessage) => {
    const id = m.headers['correlation-id'];
    const p = id === undefined ? undefined : pending.get(id);
    if (!p) {
      stats.late++;
      options.onLateReply?.({ correlationId: id, body: m.body, headers: m.headers });
      return;
    }
    pending.delete(id!);
    clearTimeout(p.timer);
    let value: unknown;
    try {
      value = JSON.parse(bodyText(m.body));
    } catch {
      value = undefined;
    }
    const problem = envelopeProblem(value);
    if (problem) return p.reject(new Error(`the reply to correlationId ${id} is not an event envelope: ${problem}`));
    stats.replied++;
    p.resolve(value as EventEnvelope);
  };
  const inbox = await t.openReplyInbox(onMessage, options.replyTo);
  return {
    replyTo: inbox.address,
    stats,
    request<R>(address: string, envelope: EventEnvelope, o: RequestOptions = {}): Promise<EventEnvelope<R>> {
      const id = envelope.correlationId;
      // replies are matched by correlationId: two requests in flight with one id could not be told apart
      if (pending.has(id)) return Promise.reject(new Error(`a request with correlationId ${id} is already waiting for its reply; give each concurrent request its own correlationId`));
      const timeoutMs = o.timeoutMs ?? options.timeoutMs ?? 30_000;
      const message = encodeEvent(envelope, { ...o, headers: { ...o.headers, 'reply-to': inbox.address } });
      return new Promise<EventEnvelope<R>>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          stats.timedOut++;
          reject(new RequestTimeoutError(address, id, timeoutMs));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (e: EventEnvelope) => void, reject, timer });
        stats.sent++;
        t.publish(address, message).catch((err: unknown) => {
          clearTimeout(timer);
          pending.delete(id);
          reject(err instanceof Error ? err : new Error(String(err)));
        });
      });
    },
    async close() {
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`the requester was closed before the reply to correlationId ${id} arrived`));
      }
      pending.clear();
      await inbox.close();
    },
  };
}

/** One-off request: opens an inbox, sends, waits, closes (use {@link createRequester} for many requests). */
export async function request<R = unknown>(transport: Transport, address: string, envelope: EventEnvelope, options: RequestOptions & Omit<RequesterOptions, 'timeoutMs'> = {}): Promise<EventEnvelope<R>> {
  const { replyTo, onLateReply, ...rest } = options;
  const r = await createRequester(transport, { ...(replyTo ? { replyTo } : {}), ...(onLateReply ? { onLateReply } : {}) });
  try {
    return await r.request<R>(address, envelope, rest);
  } finally {
    await r.close();
  }
}

/**
 * Answers the request `delivery` carried: publishes `envelope` to its
 * `reply-to` with the request's correlationId (the reply envelope's own
 * correlationId must be that one: it is what the requester matches).
 */
export function reply(transport: Transport, delivery: Pick<Delivery, 'headers'>, envelope: EventEnvelope, options: EncodeOptions = {}): Promise<void> {
  const replyTo = delivery.headers['reply-to'];
  if (!replyTo) return Promise.reject(new Error('the delivery has no `reply-to`: it was not sent as a request, so there is nowhere to reply'));
  const asked = delivery.headers['correlation-id'];
  if (asked !== undefined && asked !== envelope.correlationId) return Promise.reject(new Error(`the reply's correlationId ${envelope.correlationId} is not the request's (${asked}): the requester could not match it`));
  const t = replyCapable(transport);
  const { bindings: _ignored, ...rest } = options;
  return t.sendReply(replyTo, encodeEvent(envelope, rest));
}
