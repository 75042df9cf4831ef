/**
 * The idempotency store contract shared by the memory, PostgreSQL and PGlite
 * stores and by `runIdempotent` (the agreed interface between the generated
 * REST server and this runtime).
 */

/** A response as stored and replayed. Body is the JSON value written (or undefined for no body). */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Outcome of claiming a key. */
export type IdempotencyClaim =
  /** First request with this key: run the handler. */
  | { state: 'claimed' }
  /** Done before with the same fingerprint. */
  | { state: 'replay'; response: StoredResponse }
  /** Key used before with another request (method, path or body): 409. */
  | { state: 'mismatch' }
  /** Another request with this key is running. */
  | { state: 'in-flight' };

/** Pluggable store; memory, PostgreSQL (pg Pool) and PGlite implementations. */
export interface IdempotencyStore {
  /** Claims (scope, key) for a request with `fingerprint`; a claim or a stored answer lives `ttlMs`. */
  claim(scope: string, key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyClaim>;
  /** Stores the first answer, replayed to later requests with the same key and fingerprint. */
  complete(scope: string, key: string, response: StoredResponse): Promise<void>;
  /** The handler threw (or answered what is not kept): forget the claim so a retry can run. */
  release(scope: string, key: string): Promise<void>;
  close?(): Promise<void>;
}
