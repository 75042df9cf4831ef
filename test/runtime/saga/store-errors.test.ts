/**
 * A store error while committing a call's outcome is not the call's failure:
 * the step succeeded, so the saga must not compensate (before the pivot) or
 * count a compensation try. The worker loop reports the error and the
 * instance is taken up again from its last committed state once its lease
 * expires, repeating the call with the same idempotency key.
 */
import { describe, expect, it } from 'vitest';
import { createMemorySagaStore, createSagaRuntime, defineSaga, NonRetryableError, type SagaInstance, type SagaStepContext, type SagaStore } from '../../../runtime/src/saga/index.js';

/** The memory store, whose `update` fails once for the commit that matches `when`. */
function flakyStore(when: (id: string, u: { status: string; step: number }) => boolean): SagaStore & { failures: number } {
  const store = createMemorySagaStore();
  let failed = false;
  const wrapped = {
    ...store,
    failures: 0,
    async update(id: string, owner: string, leaseMs: number, u: Parameters<SagaStore['update']>[3]) {
      if (!failed && when(id, u)) {
        failed = true;
        wrapped.failures++;
        throw new Error('Connection terminated unexpectedly');
      }
      return store.update(id, owner, leaseMs, u);
    },
  };
  delete (wrapped as Partial<SagaStore>).updateAndClaim; // every commit goes through `update`
  return wrapped;
}

/** A participant that records `<what> <idempotency key>` and returns the data unchanged. */
const rec = (calls: string[], what: string) => async (d: null, c: SagaStepContext) => {
  calls.push(`${what} ${c.idempotencyKey}`);
  return d;
};

async function settled(rt: { get(id: string): Promise<SagaInstance | undefined> }, id: string): Promise<SagaInstance> {
  for (;;) {
    const i = await rt.get(id);
    if (i && i.status !== 'running' && i.status !== 'compensating') return i;
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('a store error while committing an outcome', () => {
  it('before the pivot: the step is repeated with its key, the saga completes, nothing is compensated', async () => {
    const calls: string[] = [];
    const saga = defineSaga<null>({
      name: 'commit-lost',
      version: 1,
      steps: [
        { name: 'a', invoke: rec(calls, 'do a'), compensate: rec(calls, 'undo a') },
        { name: 'b', pivot: true, invoke: rec(calls, 'do b') },
      ],
    });
    // the commit of step a's success is lost
    const store = flakyStore((_, u) => u.status === 'running' && u.step === 1);
    const errors: string[] = [];
    const rt = createSagaRuntime({ store, sagas: [saga], leaseMs: 30, pollMs: 2, onError: (e) => void errors.push((e as Error).message) });
    await rt.start('commit-lost', null, { sagaId: 'x' });
    await rt.run();
    const i = await settled(rt, 'x');
    await rt.stop();
    expect(i.status).toBe('completed');
    expect(calls).toEqual(['do a x:a:do', 'do a x:a:do', 'do b x:b:do']);
    expect(i.attempts).toEqual({ 'a:do': 1, 'b:do': 1 });
    expect(errors).toEqual(['Connection terminated unexpectedly']);
    expect(store.failures).toBe(1);
  });

  it('while compensating: the compensation is repeated, not counted as a failed try', async () => {
    const calls: string[] = [];
    const saga = defineSaga<null>({
      name: 'undo-commit-lost',
      version: 1,
      steps: [
        { name: 'a', invoke: async (d) => d, compensate: rec(calls, 'undo a') },
        { name: 'b', invoke: async () => { throw new NonRetryableError('refused'); } },
      ],
    });
    const store = flakyStore((_, u) => u.status === 'compensating' && u.step === -1);
    const rt = createSagaRuntime({ store, sagas: [saga], leaseMs: 30, pollMs: 2, compensationRetryLimit: 1 });
    await rt.start('undo-commit-lost', null, { sagaId: 'y' });
    await rt.run();
    const i = await settled(rt, 'y');
    await rt.stop();
    // with a limit of one try, counting the lost commit as a failed compensation would have parked it
    expect(i.status).toBe('compensated');
    expect(calls).toEqual(['undo a y:a:undo', 'undo a y:a:undo']);
    expect(i.lastError).toBe('b: NonRetryableError: refused');
  });
});
