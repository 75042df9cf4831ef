/**
 * A read-only step (it changes nothing, as its contract declares) needs no
 * compensation: defineSaga accepts it before the pivot, and a failure later
 * compensates the other steps around it.
 */
import { describe, expect, it } from 'vitest';
import { createMemorySagaStore, createSagaRuntime, defineSaga, NonRetryableError, SagaDefinitionError } from '../../../runtime/src/saga/index.js';

describe('read-only saga steps', () => {
  it('defineSaga accepts a read-only step without compensate before the pivot, and still refuses any other', () => {
    const invoke = async (d: object) => d;
    expect(() => defineSaga({ name: 's', version: 1, steps: [{ name: 'look', readOnly: true, invoke }, { name: 'go', pivot: true, invoke }] })).not.toThrow();
    expect(() => defineSaga({ name: 's', version: 1, steps: [{ name: 'charge', invoke }, { name: 'go', pivot: true, invoke }] })).toThrow(SagaDefinitionError);
    expect(() => defineSaga({ name: 's', version: 1, steps: [{ name: 'charge', invoke }, { name: 'go', pivot: true, invoke }] })).toThrow(/readOnly/);
  });

  it('a failure after it compensates the other steps and passes over the read-only one', async () => {
    const log: string[] = [];
    const saga = defineSaga<{ n: number }>({
      name: 'with-lookup',
      version: 1,
      steps: [
        { name: 'reserve', invoke: async (d) => (log.push('do reserve'), d), compensate: async () => void log.push('undo reserve') },
        { name: 'look-up-price', readOnly: true, invoke: async (d) => (log.push('do look-up-price'), d) },
        { name: 'charge', pivot: true, invoke: async () => { log.push('do charge'); throw new NonRetryableError('declined'); } },
      ],
    });
    const store = createMemorySagaStore();
    const rt = createSagaRuntime({ store, sagas: [saga], pollMs: 5 });
    await rt.start('with-lookup', { n: 1 }, { sagaId: 'x' });
    await rt.drain();
    expect((await rt.get('x'))!.status).toBe('compensated');
    expect(log).toEqual(['do reserve', 'do look-up-price', 'do charge', 'undo reserve']);
    await store.close();
  });
});
