/**
 * Choosing among an operation's media types: which request body encoding to
 * send (JSON, form, multipart, binary, text) and which response media to type.
 */
import type { HttpMediaType } from '../../contracts/model/types.js';

/** The runtime's body encodings. */
export type BodyEncodingName = 'json' | 'form' | 'multipart' | 'binary' | 'text';

const isJson = (m: string) => /^application\/(.+\+)?json\b|^\*\/\*$|^application\/\*$/i.test(m) || /[/+]json\b/i.test(m);

/** The encoding a request media type is sent with. */
export function bodyEncoding(mediaType: string): BodyEncodingName {
  const m = mediaType.toLowerCase();
  if (isJson(m)) return 'json';
  if (m.startsWith('application/x-www-form-urlencoded')) return 'form';
  if (m.startsWith('multipart/')) return 'multipart';
  if (m.startsWith('text/')) return 'text';
  return 'binary';
}

// JSON first, then forms, multipart, text, anything else
const RANK: Record<BodyEncodingName, number> = { json: 0, form: 1, multipart: 2, text: 3, binary: 4 };

/** The request media type the client sends (first by preference, then document order). */
export function pickRequestMedia(content: HttpMediaType[]): HttpMediaType | undefined {
  return [...content].sort((a, b) => RANK[bodyEncoding(a.mediaType)] - RANK[bodyEncoding(b.mediaType)])[0];
}

/** The response media type to type the result by: JSON, else event streams, text, anything. */
export function pickResponseMedia(content: HttpMediaType[]): HttpMediaType | undefined {
  return content.find((m) => isJson(m.mediaType)) ?? content.find((m) => m.mediaType.toLowerCase() === 'text/event-stream') ?? content.find((m) => /^text\//i.test(m.mediaType)) ?? content[0];
}

/** The kind of value the runtime decodes for a response media type. */
export function responseValueKind(mediaType: string): 'json' | 'text' | 'blob' {
  if (isJson(mediaType.toLowerCase())) return 'json';
  return /^text\//i.test(mediaType) || /xml/i.test(mediaType) ? 'text' : 'blob';
}
