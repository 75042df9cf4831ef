/**
 * Replies to saga commands sent as events: an event step with `reply` (and
 * `failure`) sends its command, then waits here for the reply whose
 * envelope's `correlationId` is the saga's id. The events runtime's consumers
 * (idempotent) hand every reply to {@link ReplyInbox.deliver}; a reply that
 * arrives before anyone waits (or for a step that timed out) is kept for
 * `keepMs`, so a retry of the step finds it. Replies naming the command they
 * answer (`causationId`) are matched to it, and kept after use for re-sent commands.
 */
import { NonRetryableError } from './errors.js';

/** The part of an event envelope the inbox reads. */
export interface ReplyEnvelope {
  eventId: string;
  eventType: string;
  correlationId: string;
  /** The eventId of the command replied to, when the participant says. */
  causationId?: string;
  payload?: unknown;
}

/** What a step waits for. */
export interface ReplyExpectation {
  /** The saga id (the commands' and replies' correlationId). */
  correlationId: string;
  /** Event types that complete the step. */
  reply: readonly string[];
  /** Event types that fail it (rejected with {@link SagaReplyFailedError}). */
  failure?: readonly string[];
  /**
   * The eventId of the command sent. A reply naming it as its causationId
   * answers that command however often it is re-sent, so it is kept (for
   * `keepMs`) and given to every wait for the same command: a re-sent command
   * whose reply a participant re-sends with the same eventId (dropped as a
   * duplicate by the consumer) still gets its answer.
   */
  causationId?: string;
  /** Aborts the wait (the step's timeout). */
  signal?: AbortSignal;
}

/** A `failure` reply: not retryable, so the saga compensates. */
export class SagaReplyFailedError<E extends ReplyEnvelope = ReplyEnvelope> extends NonRetryableError {
  constructor(readonly reply: E) {
    super(`${reply.eventType} received (eventId ${reply.eventId})${describePayload(reply.payload)}`);
    this.name = 'SagaReplyFailedError';
  }
}

function describePayload(payload: unknown): string {
  const reason = (payload as { reason?: unknown } | null | undefined)?.reason;
  return typeof reason === 'string' ? `: ${reason}` : '';
}

/** Routes replies to the steps waiting for them. */
export interface ReplyInbox {
  /**
   * Resolves with the first reply of one of `reply`'s types for the
   * correlationId (a kept one, or the next to arrive); rejects with
   * {@link SagaReplyFailedError} on a `failure` type and with the signal's
   * reason when it aborts. Call it before sending the command.
   */
  expect<E extends ReplyEnvelope>(expectation: ReplyExpectation): Promise<E>;
  /** Hands a received reply over; true when a waiting step took it. */
  deliver(envelope: ReplyEnvelope): boolean;
  /** Steps waiting now. */
  readonly waiting: number;
  /** Replies kept for no one (yet). */
  readonly kept: number;
}

/** Options of {@link createReplyInbox}. */
export interface ReplyInboxOptions {
  /** How long a reply nobody waits for is kept (default 10 min). */
  keepMs?: number;
  /** At most this many kept replies (oldest dropped first; default 10,000). */
  maxKept?: number;
  clock?: () => number;
}

interface Waiter {
  expectation: ReplyExpectation;
  resolve(e: ReplyEnvelope): void;
  reject(err: unknown): void;
}

/** Creates an in-process reply inbox. */
export function createReplyInbox(options: ReplyInboxOptions = {}): ReplyInbox {
  const keepMs = options.keepMs ?? 600_000;
  const maxKept = options.maxKept ?? 10_000;
  const clock = options.clock ?? Date.now;
  const waiters = new Map<string, Set<Waiter>>();
  // replies per correlationId in arrival order; `used` ones stay only for re-sent commands (matched by causationId)
  type Kept = { envelope: ReplyEnvelope; at: number; used: boolean };
  const kept = new Map<string, Kept[]>();
  let keptCount = 0;

  const isFailure = (x: ReplyExpectation, e: ReplyEnvelope) => (x.failure ?? []).includes(e.eventType);
  const sameCommand = (x: ReplyExpectation, e: ReplyEnvelope) => x.causationId === undefined || e.causationId === undefined || x.causationId === e.causationId;
  const matches = (x: ReplyExpectation, e: ReplyEnvelope) => (x.reply.includes(e.eventType) || isFailure(x, e)) && sameCommand(x, e);
  const settle = (w: Waiter, e: ReplyEnvelope) => (isFailure(w.expectation, e) ? w.reject(new SagaReplyFailedError(e)) : w.resolve(e));

  function prune() {
    const now = clock();
    for (const [id, list] of kept) {
      const fresh = list.filter((k) => now - k.at < keepMs);
      keptCount -= list.length - fresh.length;
      if (fresh.length) kept.set(id, fresh);
      else kept.delete(id);
    }
    while (keptCount > maxKept) {
      const [id, list] = kept.entries().next().value as [string, Kept[]];
      list.shift();
      keptCount--;
      if (list.length === 0) kept.delete(id);
    }
  }
  function keep(e: ReplyEnvelope, used: boolean) {
    const list = kept.get(e.correlationId) ?? [];
    if (list.some((k) => k.envelope.eventId === e.eventId)) return;
    list.push({ envelope: e, at: clock(), used });
    kept.set(e.correlationId, list);
    keptCount++;
    prune();
  }

  return {
    expect<E extends ReplyEnvelope>(x: ReplyExpectation): Promise<E> {
      prune();
      const list = kept.get(x.correlationId) ?? [];
      // a reply to this very command (re-sent) first, then any unused one of the expected types
      const k = list.find((k) => x.causationId !== undefined && k.envelope.causationId === x.causationId && matches(x, k.envelope)) ?? list.find((k) => !k.used && matches(x, k.envelope));
      if (k) {
        k.used = true;
        if (k.envelope.causationId === undefined) {
          list.splice(list.indexOf(k), 1);
          keptCount--;
          if (list.length === 0) kept.delete(x.correlationId);
        }
        return isFailure(x, k.envelope) ? Promise.reject(new SagaReplyFailedError(k.envelope)) : Promise.resolve(k.envelope as E);
      }
      return new Promise<E>((resolve, reject) => {
        if (x.signal?.aborted) return reject(x.signal.reason);
        const set = waiters.get(x.correlationId) ?? new Set<Waiter>();
        waiters.set(x.correlationId, set);
        const done = () => {
          set.delete(w);
          if (set.size === 0) waiters.delete(x.correlationId);
          x.signal?.removeEventListener('abort', onAbort);
        };
        const w: Waiter = {
          expectation: x,
          resolve: (e) => (done(), resolve(e as E)),
          reject: (err) => (done(), reject(err)),
        };
        const onAbort = () => w.reject(x.signal!.reason);
        x.signal?.addEventListener('abort', onAbort, { once: true });
        set.add(w);
      });
    },
    deliver(e) {
      for (const w of waiters.get(e.correlationId) ?? []) {
        if (matches(w.expectation, e)) {
          settle(w, e);
          // kept for a re-send of the same command
          if (e.causationId !== undefined) keep(e, true);
          return true;
        }
      }
      keep(e, false);
      return false;
    },
    get waiting() {
      let n = 0;
      for (const s of waiters.values()) n += s.size;
      return n;
    },
    get kept() {
      return keptCount;
    },
  };
}
