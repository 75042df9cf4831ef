/**
 * Request bodies: read with a size limit (413), checked against the media
 * types the operation declares (415), and parsed by kind: JSON (400 when it
 * is not JSON), text, URL-encoded forms, or bytes.
 */
import type { BodyKind, ServerReply } from './types.js';
import { problemReply } from './problem.js';

/** The default body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1 << 20;

/** Something that yields the body's chunks (an `IncomingMessage`). */
export interface BodySource {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Thrown (as a value) when a body is too large: the reply to send. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/** Reads a body up to `limit` bytes; rejects with {@link BodyTooLarge} past it (also when Content-Length says so up front). */
export function readBody(source: BodySource, limit: number): Promise<Uint8Array> {
  const declared = Number(source.headers['content-length']);
  if (declared > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let failed = false;
    source.on('data', (chunk) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    source.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    source.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

/** The media type of a Content-Type header, lower-case, without parameters. */
export function mediaTypeOf(contentType: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(contentType) ? contentType[0] : contentType;
  if (!raw) return undefined;
  const semi = raw.indexOf(';');
  return (semi < 0 ? raw : raw.slice(0, semi)).trim().toLowerCase();
}

/** True when `actual` is one of the declared media types (`*` ranges and `+json` suffixes of a declared JSON type included). */
export function mediaTypeAccepted(actual: string, declared: readonly string[]): boolean {
  for (const d of declared) {
    const m = d.toLowerCase();
    if (m === actual || m === '*/*') return true;
    if (m.endsWith('/*') && actual.startsWith(m.slice(0, -1))) return true;
  }
  return false;
}

/** Parses bytes as `kind`; returns the value, or the 400 reply when it cannot be read. */
export function parseBody(bytes: Uint8Array, kind: BodyKind): { value: unknown } | { reply: ServerReply } {
  if (kind === 'binary') return { value: bytes };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (kind === 'text') return { value: text };
  if (kind === 'form') return { value: Object.fromEntries(new URLSearchParams(text)) };
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { reply: problemReply(400, `The body is not valid JSON: ${(e as Error).message}`, { errors: [{ pointer: '/body', detail: 'is not valid JSON' }] }) };
  }
}
