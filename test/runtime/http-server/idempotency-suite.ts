/**
 * The semantics every idempotency store must give `runIdempotent`, run on
 * the memory store, PostgreSQL and PGlite (idempotency-*.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { requestFingerprint, runIdempotent, type IdempotencyStore, type StoredResponse } from '../../../runtime/src/http/server/idempotency/index.js';

let seq = 0;
/** A key no other test (or run) uses. */
const freshKey = () => `key-${process.pid}-${Date.now()}-${++seq}`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A handler counting its calls, answering `response` (a function of the call number). */
function counted(response: (n: number) => StoredResponse | Promise<StoredResponse>) {
  const h = { calls: 0, run: async () => response(++h.calls) };
  return h;
}

const created = (n: number): StoredResponse => ({ status: 201, headers: { 'content-type': 'application/json', location: `/orders/${n}` }, body: { id: `o${n}`, zeta: 1, alpha: 2 } });

/** Registers the suite for one store; `open` returns the store to test (fresh or shared; keys are unique). */
export function describeIdempotencyStore(name: string, open: () => Promise<IdempotencyStore>): void {
  describe(`idempotency on ${name}`, () => {
    const fp = (body: unknown) => requestFingerprint('POST', '/orders', body);

    it('stores the first answer and replays it with Idempotent-Replayed: true; the handler runs once', async () => {
      const store = await open();
      const key = freshKey();
      const h = counted(created);
      const first = await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({ sku: 'a' }) }, h.run);
      expect(first).toEqual(created(1));
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const again = await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({ sku: 'a' }) }, h.run);
      expect(h.calls).toBe(1);
      expect(again.status).toBe(201);
      expect(again.headers).toEqual({ ...created(1).headers, 'idempotent-replayed': 'true' });
      // the same body, members in the same order as first written
      expect(JSON.stringify(again.body)).toBe(JSON.stringify(created(1).body));
    });

    it('the same key with another body is a 409 problem naming the key; the handler does not run', async () => {
      const store = await open();
      const key = freshKey();
      const h = counted(created);
      await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({ sku: 'a' }) }, h.run);
      const other = await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({ sku: 'b' }) }, h.run);
      expect(h.calls).toBe(1);
      expect(other.status).toBe(409);
      expect(other.headers['content-type']).toBe('application/problem+json');
      expect(other.body).toMatchObject({ type: 'about:blank', title: 'Conflict', status: 409 });
      expect((other.body as { detail: string }).detail).toContain(JSON.stringify(key));
    });

    it('10 concurrent duplicates run the handler once and all get the first answer', async () => {
      const store = await open();
      const key = freshKey();
      const h = counted(async (n) => {
        await sleep(150);
        return created(n);
      });
      const all = await Promise.all(Array.from({ length: 10 }, () => runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({ sku: 'a' }) }, h.run)));
      expect(h.calls).toBe(1);
      for (const r of all) expect({ status: r.status, body: r.body }).toEqual({ status: 201, body: created(1).body });
      expect(all.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    });

    it('a handler that throws releases the claim: the error propagates and a retry runs the handler again', async () => {
      const store = await open();
      const key = freshKey();
      const h = counted((n) => {
        if (n === 1) throw new Error('database down');
        return created(n);
      });
      await expect(runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}) }, h.run)).rejects.toThrow('database down');
      const retry = await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}) }, h.run);
      expect(h.calls).toBe(2);
      expect(retry).toEqual(created(2));
    });

    it('a 5xx, 409 or 429 answer is not stored: the retry runs again; a 4xx such as 422 is stored and replayed', async () => {
      const store = await open();
      for (const status of [500, 503, 409, 429]) {
        const key = freshKey();
        const h = counted((n) => (n === 1 ? { status, headers: {} } : created(n)));
        expect((await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}) }, h.run)).status).toBe(status);
        expect(await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}) }, h.run)).toEqual(created(2));
      }
      const key = freshKey();
      const h = counted(() => ({ status: 422, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Unprocessable', status: 422 } }));
      await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}) }, h.run);
      const again = await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}) }, h.run);
      expect(h.calls).toBe(1);
      expect(again).toMatchObject({ status: 422, headers: { 'idempotent-replayed': 'true' }, body: { status: 422 } });
    });

    it('a key expires after its ttl: the same key then runs again, even with another body', async () => {
      const store = await open();
      const key = freshKey();
      const h = counted(created);
      await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({ sku: 'a' }), ttlMs: 200 }, h.run);
      expect((await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({ sku: 'a' }), ttlMs: 200 }, h.run)).headers['idempotent-replayed']).toBe('true');
      await sleep(400);
      const later = await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({ sku: 'b' }), ttlMs: 200 }, h.run);
      expect(h.calls).toBe(2);
      expect(later).toEqual(created(2));
    });

    it('an empty key or one longer than 255 characters is a 400 problem; 255 is accepted', async () => {
      const store = await open();
      const h = counted(created);
      for (const key of ['', 'k'.repeat(256)]) {
        const r = await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}) }, h.run);
        expect(r.status).toBe(400);
        expect(r.headers['content-type']).toBe('application/problem+json');
        expect(r.body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
        expect((r.body as { detail: string }).detail).toContain('Idempotency-Key');
      }
      expect(h.calls).toBe(0);
      const long = `${freshKey()}-`.padEnd(255, 'x');
      expect((await runIdempotent({ store, scope: 'placeOrder', key: long, fingerprint: fp({}) }, h.run)).status).toBe(201);
    });

    it('keys of two scopes never meet', async () => {
      const store = await open();
      const key = freshKey();
      const h = counted(created);
      await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}) }, h.run);
      const other = await runIdempotent({ store, scope: 'cancelOrder', key, fingerprint: requestFingerprint('POST', '/orders/1/cancel', undefined) }, h.run);
      expect(h.calls).toBe(2);
      expect(other).toEqual(created(2));
    });

    it('a duplicate that waits longer than waitMs gets a 409 problem with Retry-After; the first still completes', async () => {
      const store = await open();
      const key = freshKey();
      let finish!: () => void;
      const h = counted((n) => new Promise<StoredResponse>((resolve) => (finish = () => resolve(created(n)))));
      const first = runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}) }, h.run);
      await sleep(50);
      const dup = await runIdempotent({ store, scope: 'placeOrder', key, fingerprint: fp({}), waitMs: 100 }, h.run);
      expect(dup).toMatchObject({ status: 409, headers: { 'retry-after': '1', 'content-type': 'application/problem+json' }, body: { status: 409 } });
      expect((dup.body as { detail: string }).detail).toContain('still being processed');
      finish();
      expect(await first).toEqual(created(1));
      expect(h.calls).toBe(1);
    });
  });
}
