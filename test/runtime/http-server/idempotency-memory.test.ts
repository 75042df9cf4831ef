import { expect, it } from 'vitest';
import { createMemoryIdempotencyStore, runIdempotent } from '../../../runtime/src/http/server/idempotency/index.js';
import { describeIdempotencyStore } from './idempotency-suite.js';

describeIdempotencyStore('the memory store', async () => createMemoryIdempotencyStore());

it('memory store: a replayed answer is a copy (changing it does not change what is stored)', async () => {
  const store = createMemoryIdempotencyStore();
  const handler = async () => ({ status: 200, headers: {}, body: { n: 1 } });
  const a = await runIdempotent({ store, scope: 's', key: 'k', fingerprint: 'f' }, handler);
  (a.body as { n: number }).n = 2;
  const b = await runIdempotent({ store, scope: 's', key: 'k', fingerprint: 'f' }, handler);
  (b.body as { n: number }).n = 3;
  expect((await runIdempotent({ store, scope: 's', key: 'k', fingerprint: 'f' }, handler)).body).toEqual({ n: 1 });
});

it('memory store: expired keys are swept (a clock moved past the ttl)', async () => {
  let t = 0;
  const store = createMemoryIdempotencyStore({ now: () => t });
  expect(await store.claim('s', 'a', 'f', 100)).toEqual({ state: 'claimed' });
  await store.complete('s', 'a', { status: 200, headers: {} });
  expect((await store.claim('s', 'a', 'f', 100)).state).toBe('replay');
  t = 100;
  expect(await store.claim('s', 'a', 'other', 100)).toEqual({ state: 'claimed' });
});
