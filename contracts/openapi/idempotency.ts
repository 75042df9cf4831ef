/**
 * Which header of an operation carries its idempotency key. One answer for
 * every reader of the model (the REST client and server generators, the mock,
 * verify), so a contract that names it `X-Idempotency-Key` gets the same
 * handling everywhere.
 */
import type { HttpParameter } from '../model/types.js';

/** True for the conventional idempotency header names (`Idempotency-Key`, `X-Idempotency-Key`, any case). */
export function isIdempotencyHeader(name: string): boolean {
  return /^(x-)?idempotency-key$/i.test(name);
}

/** The header parameter among `parameters` that carries the idempotency key, if one is declared. */
export function idempotencyKeyOf(parameters: readonly HttpParameter[]): HttpParameter | undefined {
  return parameters.find((p) => p.in === 'header' && isIdempotencyHeader(p.name));
}
