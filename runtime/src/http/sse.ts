/**
 * Server-sent events (`text/event-stream`) as an async iterator, parsed as
 * the WHATWG HTML standard describes (fields, multi-line data, comments, BOM).
 */
import type { HttpClient } from './types.js';
import type { CallOptions, RequestSpec } from './types.js';

/** One event of the stream. */
export interface ServerSentEvent<T = string> {
  /** The event type (`message` when the server sent none). */
  event: string;
  data: T;
  id?: string;
  /** Reconnection time the server asked for with this event, in ms. */
  retry?: number;
}

/** Parses `data` as JSON when it looks like JSON, else keeps the text. */
export function parseEventData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** Reads the events of a `text/event-stream` response body. */
export async function* readEventStream<T = string>(response: Response, parse: (data: string) => unknown = (d) => d): AsyncGenerator<ServerSentEvent<T>, void, undefined> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let first = true;
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  let retry: number | undefined;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      if (first && buffer.length > 0) {
        if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
        first = false;
      }
      let m: RegExpExecArray | null;
      while ((m = /\r\n|\r|\n/.exec(buffer)) !== null) {
        // a lone \r at the end may be the first half of \r\n: wait for more
        if (m[0] === '\r' && m.index === buffer.length - 1) break;
        const line = buffer.slice(0, m.index);
        buffer = buffer.slice(m.index + m[0].length);
        if (line === '') {
          if (data.length) yield { event: event || 'message', data: parse(data.join('\n')) as T, ...(id !== undefined ? { id } : {}), ...(retry !== undefined ? { retry } : {}) };
          // id persists (it is the stream's last event id); retry is reported with the event that carried it
          event = '';
          data = [];
          retry = undefined;
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? '' : line.slice(colon + 1);
        if (val.startsWith(' ')) val = val.slice(1);
        if (field === 'event') event = val;
        else if (field === 'data') data.push(val);
        else if (field === 'id' && !val.includes('\0')) id = val;
        else if (field === 'retry' && /^\d+$/.test(val)) retry = Number(val);
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Calls an operation that answers `text/event-stream` and iterates its events. */
export async function* streamEvents<T = string>(client: HttpClient, spec: RequestSpec, options?: CallOptions, parse?: (data: string) => unknown): AsyncGenerator<ServerSentEvent<T>, void, undefined> {
  const result = await client.call({ ...spec, stream: true }, options);
  yield* readEventStream<T>(result.response, parse);
}
