/**
 * `Idempotency-Key` on the server: for an operation that declares the
 * header, a request carrying a key runs its handler through `runIdempotent`
 * (helper idem's runtime, ./idempotency/): the first answer is stored and
 * replayed, the same key with another body is a 409 problem, concurrent
 * duplicates wait for the first. The scope is the operationId (plus what
 * `scope(ctx)` adds, such as the principal), the fingerprint the method,
 * the path and the canonical JSON body.
 */
import { requestFingerprint, runIdempotent, type IdempotencyStore } from './idempotency/index.js';
import type { HandlerContext, Invoke } from './dispatch.js';

/** The server's `idempotency` option. */
export interface IdempotencyOptions {
  /** Where keys and first answers are kept (memory, PostgreSQL or PGlite). */
  store: IdempotencyStore;
  /** How long a key is remembered (default: the store's, 24 hours). */
  ttlMs?: number;
  /** How long a concurrent duplicate waits for the first to finish before a 409 (default 10 s). */
  waitMs?: number;
  /** Narrows a key's scope beyond the operation (a tenant, the principal): keys of two scopes never meet. */
  scope?: (ctx: HandlerContext) => string;
}

/** The handler-call wrapper applying `options` to the operations that declare an idempotency header. */
export function idempotentInvoke(options: IdempotencyOptions): Invoke {
  return (route, req, ctx, call) => {
    const header = route.idempotencyHeader;
    const raw = header === undefined ? undefined : ctx.raw.headers[header];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (key === undefined) return call();
    const scope = options.scope ? `${route.operationId} ${options.scope(ctx)}` : route.operationId;
    const q = ctx.raw.url.indexOf('?');
    const path = q < 0 ? ctx.raw.url : ctx.raw.url.slice(0, q);
    const run: Parameters<typeof runIdempotent>[0] = { store: options.store, scope, key, fingerprint: requestFingerprint(route.method, path, req.body) };
    if (options.ttlMs !== undefined) run.ttlMs = options.ttlMs;
    if (options.waitMs !== undefined) run.waitMs = options.waitMs;
    return runIdempotent(run, call);
  };
}
