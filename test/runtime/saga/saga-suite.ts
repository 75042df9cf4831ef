/**
 * The saga runtime's behaviour, written once and run on every store (memory,
 * PGlite): success, failure at each step compensating in reverse, retries,
 * the deadline, parked compensations and their retry, idempotent start,
 * lease takeover.
 */
import { describe, expect, it } from 'vitest';
import {
  createSagaRuntime,
  defineSaga,
  NonRetryableError,
  type SagaEvent,
  type SagaRuntimeOptions,
  type SagaStepDefinition,
  type SagaStore,
} from '../../../runtime/src/saga/index.js';

interface Data {
  trail: string[];
}

/** Scripted failures: step name → how its calls fail. */
interface Script {
  /** Fails the forward call this many times (then succeeds), or forever with 'always'. */
  fail?: Record<string, { times: number | 'always'; permanent?: boolean }>;
  /** Fails the compensation this many times. */
  undoFail?: Record<string, number | 'always'>;
  /** Sleeps this long in the forward call of a step (for timeouts). */
  slow?: Record<string, number>;
}

function makeSaga(script: Script, log: string[], extra: { timeoutMs?: number; pivot?: string; retry?: SagaStepDefinition<Data>['retry'] } = {}) {
  const seen = new Map<string, number>();
  const step = (name: string): SagaStepDefinition<Data> => ({
    name,
    pivot: (extra.pivot ?? 'c') === name,
    retry: name === 'b' ? (extra.retry ?? { attempts: 3, delayMs: 1, maxDelayMs: 2 }) : { attempts: 'unlimited', delayMs: 1, maxDelayMs: 2 },
    timeoutMs: script.slow?.[name] ? 20 : undefined,
    async invoke(data, ctx) {
      const n = (seen.get(ctx.idempotencyKey) ?? 0) + 1;
      seen.set(ctx.idempotencyKey, n);
      log.push(`do ${name} ${ctx.idempotencyKey} #${ctx.attempt}`);
      if (script.slow?.[name] && n === 1) await new Promise((r) => setTimeout(r, script.slow![name]));
      const f = script.fail?.[name];
      if (f && (f.times === 'always' || n <= f.times)) throw f.permanent ? new NonRetryableError(`${name} refused`) : new Error(`${name} is down`);
      return { trail: [...data.trail, name] };
    },
  });
  const names = ['a', 'b', 'c', 'd'];
  const pivot = extra.pivot ?? 'c';
  const steps = names.map((n) => {
    const s = step(n);
    if (names.indexOf(n) < names.indexOf(pivot)) {
      s.compensate = async (data, ctx) => {
        const n2 = (seen.get(ctx.idempotencyKey) ?? 0) + 1;
        seen.set(ctx.idempotencyKey, n2);
        log.push(`undo ${n} ${ctx.idempotencyKey} #${ctx.attempt}`);
        const f = script.undoFail?.[n];
        if (f !== undefined && (f === 'always' || n2 <= f)) throw new Error(`undo ${n} is down`);
        return { trail: [...data.trail, `-${n}`] };
      };
    }
    return s;
  });
  return defineSaga<Data>({ name: 'test-saga', version: 1, steps, timeoutMs: extra.timeoutMs });
}

/** Runs the shared suite on the stores `makeStore` creates (one per test). */
export function describeSagaRuntime(label: string, makeStore: () => Promise<SagaStore>) {
  describe(`saga runtime on ${label}`, () => {
    async function setup(script: Script, extra: Parameters<typeof makeSaga>[2] = {}, opts: Partial<SagaRuntimeOptions> = {}) {
      const log: string[] = [];
      const events: SagaEvent[] = [];
      const store = await makeStore();
      const rt = createSagaRuntime({
        store,
        sagas: [makeSaga(script, log, extra)],
        pollMs: 5,
        compensationRetryLimit: 3,
        compensationRetry: { delayMs: 1, maxDelayMs: 2 },
        forwardRetry: { delayMs: 1, maxDelayMs: 2 },
        onEvent: (e) => void events.push(e),
        ...opts,
      });
      return { log, events, store, rt, lifecycle: () => events.filter((e) => !e.type.startsWith('saga.step.')).map((e) => e.type) };
    }

    it('runs every step in order and completes, passing the data along and one idempotency key per call', async () => {
      const { rt, log, lifecycle, store } = await setup({});
      await rt.start('test-saga', { trail: [] }, { sagaId: 's1' });
      await rt.drain();
      const i = await rt.get('s1');
      expect(i).toMatchObject({ status: 'completed', data: { trail: ['a', 'b', 'c', 'd'] }, lastError: null, leaseOwner: null });
      expect(log).toEqual(['do a s1:a:do #1', 'do b s1:b:do #1', 'do c s1:c:do #1', 'do d s1:d:do #1']);
      expect(lifecycle()).toEqual(['saga.started', 'saga.completed']);
      expect(i!.attempts).toEqual({ 'a:do': 1, 'b:do': 1, 'c:do': 1, 'd:do': 1 });
      await store.close();
    });

    it('is idempotent on sagaId: a second start neither creates nor restarts', async () => {
      const { rt, log, lifecycle, store } = await setup({});
      const first = await rt.start('test-saga', { trail: [] }, { sagaId: 'same' });
      const second = await rt.start('test-saga', { trail: ['other'] }, { sagaId: 'same' });
      expect([first.created, second.created]).toEqual([true, false]);
      await rt.drain();
      await rt.start('test-saga', { trail: [] }, { sagaId: 'same' });
      await rt.drain();
      expect(log.filter((l) => l.startsWith('do a'))).toHaveLength(1);
      expect((await rt.get('same'))!.data).toEqual({ trail: ['a', 'b', 'c', 'd'] });
      expect(lifecycle()).toEqual(['saga.started', 'saga.completed']);
      await store.close();
    });

    for (const [failing, undone] of [['a', []], ['b', ['a']], ['c', ['b', 'a']]] as const) {
      it(`compensates in reverse order when ${failing} fails for good (${undone.join(', ') || 'nothing'} undone)`, async () => {
        const { rt, log, lifecycle, store } = await setup({ fail: { [failing]: { times: 'always', permanent: true } } });
        await rt.start('test-saga', { trail: [] }, { sagaId: 'f' });
        await rt.drain();
        const i = await rt.get('f');
        expect(i!.status).toBe('compensated');
        expect(i!.lastError).toContain(`${failing}: NonRetryableError: ${failing} refused`);
        expect(log.filter((l) => l.startsWith('undo')).map((l) => l.split(' ')[1])).toEqual([...undone]);
        expect(log.filter((l) => l.startsWith(`do ${failing}`))).toHaveLength(1); // not retried
        expect(i!.data).toEqual({ trail: [...['a', 'b', 'c'].slice(0, ['a', 'b', 'c'].indexOf(failing)), ...undone.map((u) => `-${u}`)] });
        expect(log.filter((l) => l.startsWith('undo')).every((l, k) => l.includes(`f:${undone[k]}:undo`))).toBe(true);
        expect(lifecycle()).toEqual(['saga.started', 'saga.compensated']);
        await store.close();
      });
    }

    it('retries a transient failure within the step policy and then goes on', async () => {
      const { rt, log, store } = await setup({ fail: { b: { times: 2 } } });
      await rt.start('test-saga', { trail: [] }, { sagaId: 'r' });
      await rt.drain();
      const i = await rt.get('r');
      expect(i!.status).toBe('completed');
      expect(log.filter((l) => l.startsWith('do b'))).toEqual(['do b r:b:do #1', 'do b r:b:do #2', 'do b r:b:do #3']);
      expect(i!.attempts['b:do']).toBe(3);
      await store.close();
    });

    it('compensates when the retries before the pivot are exhausted', async () => {
      const { rt, log, store } = await setup({ fail: { b: { times: 5 } } });
      await rt.start('test-saga', { trail: [] }, { sagaId: 'x' });
      await rt.drain();
      expect((await rt.get('x'))!.status).toBe('compensated');
      expect(log.filter((l) => l.startsWith('do b'))).toHaveLength(3);
      expect(log.filter((l) => l.startsWith('undo'))).toEqual(['undo a x:a:undo #1']);
      await store.close();
    });

    it('after the pivot retries a failing step until it succeeds, never compensating', async () => {
      const { rt, log, store } = await setup({ fail: { d: { times: 6 } } });
      await rt.start('test-saga', { trail: [] }, { sagaId: 'p' });
      await rt.drain();
      expect((await rt.get('p'))!.status).toBe('completed');
      expect(log.filter((l) => l.startsWith('do d'))).toHaveLength(7);
      expect(log.some((l) => l.startsWith('undo'))).toBe(false);
      await store.close();
    });

    it('parks a non-retryable failure after the pivot as failed; retry resumes it', async () => {
      const script: Script = { fail: { d: { times: 1, permanent: true } } };
      const { rt, lifecycle, store } = await setup(script);
      await rt.start('test-saga', { trail: [] }, { sagaId: 'pf' });
      await rt.drain();
      expect((await rt.get('pf'))).toMatchObject({ status: 'failed', stepName: 'd' });
      expect(await rt.resume('pf')).toMatchObject({ status: 'running' });
      await rt.drain();
      expect((await rt.get('pf'))!.status).toBe('completed');
      expect(lifecycle()).toEqual(['saga.started', 'saga.failed', 'saga.completed']);
      await store.close();
    });

    it('compensates when the saga deadline passes before the pivot', async () => {
      let offset = 0;
      const { rt, log, store } = await setup({ fail: { b: { times: 1 } } }, { timeoutMs: 60_000, retry: { attempts: 'unlimited', delayMs: 1 } }, { clock: () => Date.now() + offset });
      await rt.start('test-saga', { trail: [] }, { sagaId: 'd' });
      await rt.tick(); // a done, b failed once and waits for its retry
      expect((await rt.get('d'))).toMatchObject({ status: 'running', step: 1 });
      offset = 61_000;
      await rt.drain();
      const i = await rt.get('d');
      expect(i).toMatchObject({ status: 'compensated', lastError: 'saga deadline passed' });
      expect(log).toEqual(['do a d:a:do #1', 'do b d:b:do #1', 'undo a d:a:undo #1']);
      await store.close();
    });

    it('times out a slow step (a retryable failure)', async () => {
      const { rt, log, store } = await setup({ slow: { b: 200 } });
      await rt.start('test-saga', { trail: [] }, { sagaId: 't' });
      await rt.drain();
      const i = await rt.get('t');
      expect(i!.status).toBe('completed');
      expect(i!.attempts['b:do']).toBe(2);
      expect(log.filter((l) => l.startsWith('do b'))).toHaveLength(2);
      await store.close();
    });

    it('retries a failing compensation, parks it as compensation_failed at the limit, and resumes it on retry', async () => {
      const { rt, log, lifecycle, store } = await setup({ fail: { c: { times: 'always', permanent: true } }, undoFail: { b: 4 } });
      await rt.start('test-saga', { trail: [] }, { sagaId: 'cf' });
      await rt.drain();
      const parked = await rt.get('cf');
      expect(parked).toMatchObject({ status: 'compensation_failed', stepName: 'b', attempt: 3 });
      expect(parked!.lastError).toMatch(/^compensate b: Error: undo b is down \(compensating after: c: NonRetryableError: c refused\)$/);
      expect(await store.list({ status: ['compensation_failed'] })).toHaveLength(1);
      expect(await rt.resume('cf')).toMatchObject({ status: 'compensating' });
      expect(await rt.resume('cf')).toBeUndefined(); // not parked any more
      await rt.drain();
      expect((await rt.get('cf'))!.status).toBe('compensated');
      expect(log.filter((l) => l.startsWith('undo')).map((l) => l.split(' ').slice(1, 3).join(' '))).toEqual([
        'b cf:b:undo', 'b cf:b:undo', 'b cf:b:undo', 'b cf:b:undo', 'b cf:b:undo', 'a cf:a:undo',
      ]);
      expect(lifecycle()).toEqual(['saga.started', 'saga.failed', 'saga.compensated']);
      await store.close();
    });

    it("takes over an instance whose worker died once its lease expires; the dead worker's late commit is refused", async () => {
      const { rt, log, store } = await setup({});
      await rt.start('test-saga', { trail: [] }, { sagaId: 'l' });
      const [claimed] = await store.claim('dead-worker', 50, ['test-saga@1'], 1);
      expect(claimed!.leaseOwner).toBe('dead-worker');
      expect(await rt.tick()).toBe(0); // leased: not ours
      await new Promise((r) => setTimeout(r, 80));
      await rt.drain();
      expect((await rt.get('l'))!.status).toBe('completed');
      const late = await store.update('l', 'dead-worker', 50, { status: 'running', step: 1, stepName: 'b', data: { trail: [] }, attempt: 0, attempts: {}, lastError: null });
      expect(late).toBe(false);
      expect(log).toHaveLength(4);
      await store.close();
    });

    it('runs many sagas with the worker loops and stops cleanly', async () => {
      const { rt, store } = await setup({ fail: { b: { times: 1 } } }, {}, { concurrency: 4 });
      for (let k = 0; k < 20; k++) await rt.start('test-saga', { trail: [] }, { sagaId: `m${k}` });
      rt.run();
      for (let k = 0; k < 400; k++) {
        const c = await store.counts();
        if (c.completed === 20) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await rt.stop();
      expect((await store.counts()).completed).toBe(20);
      await store.close();
    });
  });
}
