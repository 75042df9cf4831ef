// PLACEHOLDER by helper rest-server for helper idem's module (the agreed interface in /work/briefs/idem-interface.md, minimally), so this branch compiles until idem's branch is merged; idem's file replaces it whole.
import { createHash } from 'node:crypto';
export interface StoredResponse { status: number; headers: Record<string, string>; body?: unknown }
export type IdempotencyClaim = { state: 'claimed' } | { state: 'replay'; response: StoredResponse } | { state: 'mismatch' } | { state: 'in-flight' };
export interface IdempotencyStore {
  claim(scope: string, key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyClaim>;
  complete(scope: string, key: string, response: StoredResponse): Promise<void>;
  release(scope: string, key: string): Promise<void>;
  close?(): Promise<void>;
}
export function createMemoryIdempotencyStore(): IdempotencyStore {
  const m = new Map<string, { fp: string; response?: StoredResponse }>();
  return {
    async claim(scope, key, fp) {
      const e = m.get(`${scope}\0${key}`);
      if (!e) { m.set(`${scope}\0${key}`, { fp }); return { state: 'claimed' }; }
      if (e.fp !== fp) return { state: 'mismatch' };
      return e.response ? { state: 'replay', response: e.response } : { state: 'in-flight' };
    },
    async complete(scope, key, response) { const e = m.get(`${scope}\0${key}`); if (e) e.response = response; },
    async release(scope, key) { m.delete(`${scope}\0${key}`); },
  };
}
const canon = (v: unknown): string => Array.isArray(v) ? `[${v.map(canon).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v) ?? 'null';
export function requestFingerprint(method: string, path: string, body: unknown): string { return createHash('sha256').update(`${method} ${path} ${canon(body)}`).digest('hex'); }
export async function runIdempotent(o: { store: IdempotencyStore; scope: string; key: string; fingerprint: string; ttlMs?: number; waitMs?: number }, handler: () => Promise<StoredResponse>): Promise<StoredResponse> {
  const deadline = Date.now() + (o.waitMs ?? 10_000);
  for (;;) {
    const c = await o.store.claim(o.scope, o.key, o.fingerprint, o.ttlMs ?? 86_400_000);
    if (c.state === 'replay') return { ...c.response, headers: { ...c.response.headers, 'idempotent-replayed': 'true' } };
    if (c.state === 'mismatch') return { status: 409, headers: { 'content-type': 'application/problem+json' }, body: { type: 'about:blank', title: 'Conflict', status: 409, detail: `Idempotency-Key ${o.key} was used with another request.` } };
    if (c.state === 'in-flight') { if (Date.now() > deadline) return { status: 409, headers: {}, body: { type: 'about:blank', title: 'Conflict', status: 409 } }; await new Promise((r) => setTimeout(r, 20)); continue; }
    let r: StoredResponse;
    try { r = await handler(); } catch (e) { await o.store.release(o.scope, o.key); throw e; }
    if (r.status >= 500 || r.status === 409 || r.status === 429) await o.store.release(o.scope, o.key); else await o.store.complete(o.scope, o.key, r);
    return r;
  }
}
