/**
 * `runIdempotent`: runs a handler at most once per (scope, key) and replays
 * its first answer. What the server answers itself (a bad key, a key reused
 * with another request, a duplicate that waited too long) is RFC 9457
 * problem details, as the IETF idempotency-key draft asks.
 */
import type { IdempotencyStore, StoredResponse } from './types.js';

/** Options of {@link runIdempotent}. */
export interface RunIdempotentOptions {
  store: IdempotencyStore;
  /** operationId, plus an optional tenant or principal: keys of two scopes never meet. */
  scope: string;
  /** The `Idempotency-Key` header's value (1 to 255 characters). */
  key: string;
  /** {@link requestFingerprint} of the request. */
  fingerprint: string;
  /** How long a key and its answer are kept (default 24 hours). */
  ttlMs?: number;
  /** How long a concurrent duplicate waits for the first request's answer before a 409 (default 10 s). */
  waitMs?: number;
}

/** The longest key accepted (the draft leaves it to the server; Stripe's limit). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** Default time a key is remembered. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Header on every replayed answer. */
export const REPLAYED_HEADER = 'idempotent-replayed';

function problem(status: 400 | 409, title: string, detail: string, headers: Record<string, string> = {}): StoredResponse {
  return { status, headers: { 'content-type': 'application/problem+json', ...headers }, body: { type: 'about:blank', title, status, detail } };
}

/** Only final answers are kept: 2xx and 4xx other than 409 and 429 (those, and 5xx, may succeed on a retry). */
function keeps(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 409 && status !== 429);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `handler` at most once per (scope, key). Concurrent duplicates wait (polling the store with backoff, up to
 * `waitMs`) for the first to complete and get its answer; after `waitMs` they get a 409 problem with `Retry-After`.
 * The same key with another fingerprint is a 409 problem naming the key; an empty key or one longer than 255
 * characters a 400. Only 2xx and 4xx-other-than-409/429 answers are stored; after a 5xx, another status or a throw
 * the claim is released so a retry runs again (a throw is rethrown). Replayed answers carry `Idempotent-Replayed: true`.
 */
export async function runIdempotent(options: RunIdempotentOptions, handler: () => Promise<StoredResponse>): Promise<StoredResponse> {
  const { store, scope, key, fingerprint } = options;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return problem(400, 'Bad Request', `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long (it has ${key.length}); send a unique value such as a UUID.`);
  }
  const ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  let pause = 5;
  for (;;) {
    const claim = await store.claim(scope, key, fingerprint, ttlMs);
    if (claim.state === 'replay') {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(claim.response.headers)) if (name.toLowerCase() !== REPLAYED_HEADER) headers[name] = value;
      headers[REPLAYED_HEADER] = 'true';
      return { ...claim.response, headers };
    }
    if (claim.state === 'mismatch') {
      return problem(409, 'Conflict', `Idempotency-Key ${JSON.stringify(key)} was already used with another request (method, path or body); use a new key for a new request.`);
    }
    if (claim.state === 'in-flight') {
      const left = deadline - Date.now();
      if (left <= 0) {
        return problem(409, 'Conflict', `A request with Idempotency-Key ${JSON.stringify(key)} is still being processed; retry later.`, { 'retry-after': '1' });
      }
      await sleep(Math.min(pause, left));
      pause = Math.min(pause * 2, 250);
      continue;
    }
    let response: StoredResponse;
    try {
      response = await handler();
    } catch (err) {
      await store.release(scope, key);
      throw err;
    }
    if (keeps(response.status)) await store.complete(scope, key, response);
    else await store.release(scope, key);
    return response;
  }
}
