/**
 * The saga orchestrator: workers claim instances from the store under a
 * lease, run one call at a time and commit each outcome before the next call
 * begins. Failure before (or at) the pivot compensates the completed steps in
 * reverse order; after the pivot, steps retry until they succeed. Any number
 * of runtimes may share one store.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { backoffMs, idempotencyKey, type SagaDefinition, type SagaRetryPolicy, type SagaStepContext } from './define.js';
import { describeError, isNonRetryable, StepTimeoutError } from './errors.js';
import type { SagaEvent, SagaEventHandler, SagaEventType } from './events.js';
import { ACTIVE_STATUSES, sagaKind, type SagaInstance, type SagaInstanceUpdate, type SagaStatus, type SagaStore } from './store.js';
import { context } from '@opentelemetry/api';
import { sagaStartSpan, startSagaCallSpan, storedSagaContext } from '../tracing/saga.js';
import { recordFailure } from '../tracing/status.js';

/** Options of {@link createSagaRuntime}. */
export interface SagaRuntimeOptions {
  store: SagaStore;
  sagas: readonly SagaDefinition<any>[];
  /** This worker's id in leases (default `host:pid:random`). */
  owner?: string;
  /** How long a claim lasts without a commit (default 30 s); keep it above the longest step timeout. */
  leaseMs?: number;
  /** Wait between empty polls (default 250 ms). */
  pollMs?: number;
  /** Instances worked at once by {@link SagaRuntime.run} (default 8). */
  concurrency?: number;
  /** Tries of a compensation before the instance is parked as `compensation_failed` (default 10). */
  compensationRetryLimit?: number;
  /** Backoff between compensation tries (default 100 ms doubling to 30 s). */
  compensationRetry?: { delayMs: number; maxDelayMs?: number };
  /** Backoff after the pivot for steps without a retry policy (default 1 s doubling to 60 s). */
  forwardRetry?: { delayMs: number; maxDelayMs?: number };
  onEvent?: SagaEventHandler;
  /** Store errors in the worker loop and throwing event handlers (default: ignored; the loop carries on). */
  onError?: (err: unknown) => void;
  /** Milliseconds since the epoch (default `Date.now`), for deadlines. */
  clock?: () => number;
  random?: () => number;
  /**
   * OpenTelemetry spans through `@opentelemetry/api` (default true; a no-op until the application installs an SDK):
   * `saga <name>` at start, whose trace context is kept with the instance, and `saga step <step>` /
   * `saga compensate <step>` around every call, children of it, with the participant's call run in the span's context.
   */
  tracing?: boolean;
}

/** What {@link SagaRuntime.start} returns. */
export interface SagaStartResult {
  sagaId: string;
  /** False when an instance with this id already existed (nothing was started). */
  created: boolean;
  instance: SagaInstance;
}

/** A running orchestrator. */
export interface SagaRuntime {
  /** Starts an instance of the latest registered version of `saga`; idempotent on `sagaId`. */
  start(saga: string, input: unknown, options?: { sagaId?: string }): Promise<SagaStartResult>;
  /**
   * Starts the worker loops once the store answers (its migrations run
   * first). Rejects, and starts nothing, when the store cannot be reached at
   * start — for PostgreSQL a `SagaStoreUnavailableError` naming host, port and
   * what to check. Store errors after that (a connection lost mid-run) go to
   * `onError` while the loops retry.
   */
  run(): Promise<void>;
  /** Stops the loops after their current call. */
  stop(): Promise<void>;
  /** Claims one batch and works it to its next wait; resolves to the number of instances worked. */
  tick(): Promise<number>;
  /** Ticks until no instance is active (or `timeoutMs` passes, default 30 s); for tests and scripts. */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  get(sagaId: string): Promise<SagaInstance | undefined>;
  /** Resumes a parked instance (see {@link SagaStore.resume}). */
  resume(sagaId: string): Promise<SagaInstance | undefined>;
  readonly owner: string;
  readonly store: SagaStore;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The outcome of a participant's call, apart from the commit that follows:
 * only the call's own failure is the step's failure. A store error while
 * committing (a lost connection) must not pass for one — it would compensate
 * a step that succeeded — so it propagates to the worker loop, and the
 * instance is taken up again from its last committed state.
 */
async function settle<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}
const ONE_TRY: SagaRetryPolicy = { attempts: 1, delayMs: 0 };

/** Creates a saga runtime over `options.store`. */
export function createSagaRuntime(options: SagaRuntimeOptions): SagaRuntime {
  const { store } = options;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 250;
  const concurrency = options.concurrency ?? 8;
  const compLimit = options.compensationRetryLimit ?? 10;
  const compRetry = options.compensationRetry ?? { delayMs: 100, maxDelayMs: 30_000 };
  const forwardRetry = options.forwardRetry ?? { delayMs: 1000, maxDelayMs: 60_000 };
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const tracing = options.tracing !== false;
  const byKind = new Map(options.sagas.map((s) => [sagaKind(s.name, s.version), s]));
  const latest = new Map<string, SagaDefinition<any>>();
  for (const s of options.sagas) if ((latest.get(s.name)?.version ?? 0) < s.version) latest.set(s.name, s);
  const kinds = [...byKind.keys()];

  /** `call` (`<step>:<do|undo>`) and its tries in all name step events and `saga.failed`; the others happen once per instance. */
  async function emit(type: SagaEventType, i: Pick<SagaInstance, 'id' | 'saga' | 'version' | 'traceContext'>, status: SagaStatus, extra: Partial<SagaEvent> = {}, call?: { key: string; tries: number }) {
    if (!options.onEvent) return;
    try {
      const key = call ? `${i.id}:${type}:${call.key}:${call.tries}` : `${i.id}:${type}`;
      const event: SagaEvent = { type, sagaId: i.id, saga: i.saga, version: i.version, status, at: new Date(clock()), ...extra, key };
      // in the saga's trace: a lifecycle publisher's `send` span joins it
      const ctx = tracing ? storedSagaContext(i.traceContext) : undefined;
      await (ctx ? context.with(ctx, options.onEvent, undefined, event) : options.onEvent(event));
    } catch (err) {
      options.onError?.(err);
    }
  }

  /** One call inside its span (a child of the instance's stored trace context), when tracing. */
  async function call<T>(fn: (ctx: SagaStepContext) => Promise<T>, ctx: Omit<SagaStepContext, 'signal'>, timeoutMs: number | undefined, stored: Record<string, string> | null | undefined, direction: 'do' | 'undo'): Promise<T> {
    if (!tracing) return untracedCall(fn, ctx, timeoutMs);
    const { span, context: spanContext } = startSagaCallSpan(stored, { ...ctx, direction });
    try {
      const value = await context.with(spanContext, untracedCall<T>, undefined, fn, ctx, timeoutMs);
      span.end();
      return value;
    } catch (err) {
      recordFailure(span, err);
      span.end();
      throw err;
    }
  }

  async function untracedCall<T>(fn: (ctx: SagaStepContext) => Promise<T>, ctx: Omit<SagaStepContext, 'signal'>, timeoutMs: number | undefined): Promise<T> {
    const ac = new AbortController();
    if (timeoutMs === undefined) return fn({ ...ctx, signal: ac.signal });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new StepTimeoutError(ctx.step, timeoutMs);
        ac.abort(err);
        reject(err);
      }, timeoutMs);
    });
    try {
      return await Promise.race([fn({ ...ctx, signal: ac.signal }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Works one claimed instance until it waits (retry), ends, or the lease is
   * lost. With `claimNext`, the commit that gives the lease up also claims up
   * to that many other instances (one statement, when the store can), which
   * are returned for the caller to work next.
   */
  async function work(claimed: SagaInstance, claimNext = 0): Promise<SagaInstance[]> {
    const found = byKind.get(sagaKind(claimed.saga, claimed.version));
    if (!found) return []; // claim filters by kind; a definition removed meanwhile is left for a runtime that has it
    const def: SagaDefinition<any> = found;
    let s: SagaInstance = claimed;
    let next: SagaInstance[] = [];
    const commit = async (u: SagaInstanceUpdate): Promise<boolean> => {
      let ok: boolean;
      if (u.release && claimNext > 0 && store.updateAndClaim) {
        const r = await store.updateAndClaim(s.id, owner, leaseMs, u, { kinds, limit: claimNext });
        ok = r.ok;
        next = r.claimed;
      } else ok = await store.update(s.id, owner, leaseMs, u);
      if (ok) s = { ...s, ...u };
      return ok;
    };
    await steps();
    return next;

    async function steps(): Promise<void> {
      const undoFrom = (i: number) => {
        while (i >= 0 && !def.steps[i]!.compensate) i--;
        return i;
      };
      const base = () => ({ status: s.status, step: s.step, stepName: s.stepName, data: s.data, attempt: s.attempt, attempts: s.attempts, lastError: s.lastError });

      for (;;) {
        if (s.status === 'running') {
          const deadlinePassed = s.deadlineAt !== null && clock() >= s.deadlineAt.getTime();
          if (deadlinePassed && s.step <= def.pivotIndex) {
            const next = undoFrom(s.step - 1);
            if (!(await commit({ ...base(), status: 'compensating', step: next, stepName: def.steps[next]?.name ?? '', attempt: 0, lastError: 'saga deadline passed' }))) return;
            continue;
          }
          const step = def.steps[s.step]!;
          const attempt = s.attempt + 1;
          const key = `${step.name}:do`;
          const attempts = { ...s.attempts, [key]: (s.attempts[key] ?? 0) + 1 };
          const ctx = { sagaId: s.id, saga: s.saga, version: s.version, step: step.name, idempotencyKey: idempotencyKey(s.id, step.name, 'do'), attempt };
          const result = await settle(() => call((c) => step.invoke(s.data, c), ctx, step.timeoutMs, s.traceContext, 'do'));
          if (result.ok) {
            const out = result.value;
            const next = s.step + 1;
            const done = next >= def.steps.length;
            const u: SagaInstanceUpdate = { status: done ? 'completed' : 'running', step: next, stepName: def.steps[next]?.name ?? '', data: out === undefined ? s.data : out, attempt: 0, attempts, lastError: null };
            if (done) u.release = { retryInMs: 0 };
            if (!(await commit(u))) return;
            await emit('saga.step.completed', s, s.status, { step: step.name, attempt }, { key, tries: attempts[key]! });
            if (done) {
              await emit('saga.completed', s, 'completed');
              return;
            }
          } else {
            const err = result.error;
            const error = `${step.name}: ${describeError(err)}`;
            const afterPivot = s.step > def.pivotIndex;
            const policy = step.retry ?? (afterPivot ? { ...forwardRetry, attempts: 'unlimited' as const } : ONE_TRY);
            const permanent = isNonRetryable(err);
            await emit('saga.step.failed', s, s.status, { step: step.name, attempt, error }, { key, tries: attempts[key]! });
            if (afterPivot) {
              if (permanent) {
                if (await commit({ ...base(), status: 'failed', attempt, attempts, lastError: error, release: { retryInMs: 0 } })) await emit('saga.failed', s, 'failed', { step: step.name, error }, { key, tries: attempts[key]! });
                return;
              }
              await commit({ ...base(), attempt, attempts, lastError: error, release: { retryInMs: backoffMs(policy, attempt, random) } });
              return;
            }
            if (!permanent && (policy.attempts === 'unlimited' || attempt < policy.attempts)) {
              await commit({ ...base(), attempt, attempts, lastError: error, release: { retryInMs: backoffMs(policy, attempt, random) } });
              return;
            }
            const next = undoFrom(s.step - 1);
            if (!(await commit({ ...base(), status: 'compensating', step: next, stepName: def.steps[next]?.name ?? '', attempt: 0, attempts, lastError: error }))) return;
          }
          continue;
        }
        if (s.status === 'compensating') {
          const i = undoFrom(s.step);
          if (i < 0) {
            if (await commit({ ...base(), status: 'compensated', step: -1, stepName: '', attempt: 0, release: { retryInMs: 0 } })) await emit('saga.compensated', s, 'compensated', { error: s.lastError ?? undefined });
            return;
          }
          const step = def.steps[i]!;
          const attempt = s.attempt + 1;
          const key = `${step.name}:undo`;
          const attempts = { ...s.attempts, [key]: (s.attempts[key] ?? 0) + 1 };
          const ctx = { sagaId: s.id, saga: s.saga, version: s.version, step: step.name, idempotencyKey: idempotencyKey(s.id, step.name, 'undo'), attempt };
          const result = await settle(() => call((c) => step.compensate!(s.data, c), ctx, step.timeoutMs, s.traceContext, 'undo'));
          if (result.ok) {
            const out = result.value;
            const next = undoFrom(i - 1);
            if (!(await commit({ ...base(), step: next, stepName: def.steps[next]?.name ?? '', data: out === undefined ? s.data : out, attempt: 0, attempts }))) return;
            await emit('saga.step.compensated', s, 'compensating', { step: step.name, attempt }, { key, tries: attempts[key]! });
          } else {
            const err = result.error;
            // keep the error that started the compensation visible beside the compensation's own
            const error = `compensate ${step.name}: ${describeError(err)}${s.lastError ? ` (compensating after: ${s.lastError})` : ''}`;
            await emit('saga.step.failed', s, 'compensating', { step: step.name, attempt, error }, { key, tries: attempts[key]! });
            if (attempt >= compLimit) {
              if (await commit({ ...base(), step: i, stepName: step.name, status: 'compensation_failed', attempt, attempts, lastError: error, release: { retryInMs: 0 } })) {
                await emit('saga.failed', s, 'compensation_failed', { step: step.name, error }, { key, tries: attempts[key]! });
              }
              return;
            }
            await commit({ ...base(), step: i, stepName: step.name, attempt, attempts, lastError: s.lastError, release: { retryInMs: backoffMs(compRetry, attempt, random) } });
            return;
          }
          continue;
        }
        return; // terminal
      }
    }
  }

  let running = false;
  let starting: Promise<void> | undefined;
  let loops: Promise<void>[] = [];
  let wake: (() => void)[] = [];
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = wake.filter((w) => w !== done);
        resolve();
      }
      wake.push(done);
    });
  const wakeAll = () => wake.slice().forEach((w) => w());

  // Claimed instances not yet taken by a loop. The loops share one claim at a
  // time, for as many instances as there are idle loops; a loop finishing an
  // instance claims its next one in the same statement as the last commit.
  const queue: SagaInstance[] = [];
  let busy = 0;
  let claiming: Promise<void> | undefined;
  const refill = () =>
    (claiming ??= store
      .claim(owner, leaseMs, kinds, Math.max(1, concurrency - busy - queue.length))
      .then((got) => void queue.push(...got))
      .finally(() => (claiming = undefined)));

  async function loop(): Promise<void> {
    while (running) {
      try {
        let claimed = queue.shift();
        if (!claimed) {
          await refill();
          claimed = queue.shift();
          if (!claimed) {
            await nap(pollMs);
            continue;
          }
        }
        busy++;
        try {
          queue.push(...(await work(claimed, running && queue.length === 0 ? 1 : 0)));
        } finally {
          busy--;
        }
      } catch (err) {
        // a lost connection or a store error: report, wait, go on (leases make this safe)
        options.onError?.(err);
        if (running) await nap(pollMs);
      }
    }
  }

  /** Gives back the leases of claimed instances no loop took (at stop), so others need not wait for expiry. */
  async function releaseQueued(): Promise<void> {
    for (const i of queue.splice(0)) {
      const u: SagaInstanceUpdate = { status: i.status, step: i.step, stepName: i.stepName, data: i.data, attempt: i.attempt, attempts: i.attempts, lastError: i.lastError, release: { retryInMs: 0 } };
      await store.update(i.id, owner, leaseMs, u).catch((err) => options.onError?.(err));
    }
  }

  async function tick(): Promise<number> {
    const claimed = await store.claim(owner, leaseMs, kinds, concurrency);
    await Promise.all(claimed.map((c) => work(c)));
    return claimed.length;
  }

  return {
    owner,
    store,
    async start(saga, input, opts = {}) {
      const def = latest.get(saga);
      if (!def) throw new Error(`Unknown saga ${JSON.stringify(saga)}: this runtime knows ${[...latest.keys()].join(', ') || 'none'}.`);
      const sagaId = opts.sagaId ?? randomUUID();
      // the start's span: its context is kept with the instance, and every step's span is its child
      const started = tracing ? sagaStartSpan({ id: sagaId, name: def.name, version: def.version }) : undefined;
      let instance: SagaInstance;
      let created: boolean;
      try {
        ({ instance, created } = await store.create({ id: sagaId, saga: def.name, version: def.version, data: input, stepName: def.steps[0]!.name, timeoutMs: def.timeoutMs, ...(started ? { traceContext: started.carrier } : {}) }));
        started?.span.setAttribute('contractkit.saga.created', created);
      } catch (err) {
        if (started) recordFailure(started.span, err);
        throw err;
      } finally {
        started?.span.end();
      }
      if (created) {
        await emit('saga.started', instance, 'running');
        wakeAll();
      }
      return { sagaId, created, instance };
    },
    run() {
      if (running) return starting!;
      running = true;
      // a database that is down at start is a clear error for the caller, not a loop retrying in silence
      starting = store.init().then(
        () => {
          if (running) loops = Array.from({ length: concurrency }, () => loop());
        },
        (err: unknown) => {
          running = false;
          throw err;
        },
      );
      return starting;
    },
    async stop() {
      running = false;
      wakeAll();
      await starting?.catch(() => undefined);
      starting = undefined;
      await Promise.all(loops);
      loops = [];
      await claiming?.catch(() => undefined);
      await releaseQueued();
    },
    tick,
    async drain(o = {}) {
      const until = Date.now() + (o.timeoutMs ?? 30_000);
      for (;;) {
        const worked = await tick();
        if (worked > 0) continue;
        const c = await store.counts();
        if (ACTIVE_STATUSES.every((st) => c[st] === 0)) return;
        if (Date.now() > until) throw new Error(`drain: instances still active after ${o.timeoutMs ?? 30_000} ms`);
        await sleep(Math.min(pollMs, 5));
      }
    },
    get: (id) => store.get(id),
    async resume(id) {
      const r = await store.resume(id);
      if (r) wakeAll();
      return r;
    },
  };
}
