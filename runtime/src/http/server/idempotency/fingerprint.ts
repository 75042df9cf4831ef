/**
 * The fingerprint of a request: sha-256 over the method, the path and the
 * canonical JSON of the body, so the same key sent with another request is
 * told apart from a retry of the same one.
 */
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted (at every depth), so two bodies that differ only
 * in key order have one text. Follows JSON.stringify otherwise (toJSON, undefined
 * members dropped, undefined in arrays as null). Hand-written (a dozen lines)
 * rather than a dependency: the runtime keeps its dependencies few.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const members = Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined && typeof o[k] !== 'function')
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha-256 (hex) of method (upper case), path and canonical JSON body; no body and a `null` body differ. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  const text = body === undefined ? '-' : canonicalJson(body);
  return createHash('sha256').update(`${method.toUpperCase()}\n${path}\n${text}`).digest('hex');
}
