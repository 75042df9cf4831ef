/**
 * HTTP streaming: server-sent events (`text/event-stream`), one way, from a
 * server to its clients (the "202 then a push" pattern for browsers and
 * services that cannot reach a broker).
 *
 * - `createSseServerTransport` answers GET (or POST) requests with an event
 *   stream; a client names the address pattern it wants in the `address`
 *   query parameter. `publish()` writes each event as
 *   `id: <eventId>`, `event: <eventType>`, `data: <envelope JSON>` to every
 *   open stream whose pattern matches, and keeps it in a bounded buffer so a
 *   client that reconnects with `Last-Event-ID` gets what it missed (when
 *   that id has left the buffer, the client gets the whole buffer: at least
 *   once, which the idempotent consumer absorbs). `handle(req, res)` serves
 *   the streams from your own `node:http` server.
 * - `createSseClientTransport` reads a stream per subscription with the
 *   runtime's SSE reader (`readEventStream`), reconnecting with backoff and
 *   `Last-Event-ID` when the stream ends or fails.
 *
 * SSE carries no acks and nothing from client to server: `publish()` on the
 * client and `subscribe()` on the server reject. A server publish resolves
 * once the event is written to each matching stream. Only the envelope
 * travels; the consumer's headers are rebuilt from it, and a delivery's
 * `address` is the subscription's pattern (the stream does not carry the
 * concrete address); deliveries run one at a time in stream order. A slow
 * client's writes are buffered by `node:http` (no back-pressure). Validation, upcasting, retries (in-process timers) and
 * idempotency are the consumer's, as on every transport.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readEventStream } from '../../http/sse.js';
import type { HttpBindings } from '../bindings.js';
import { bodyText, matchesAddress, type Delivery, type Subscription, type Transport } from '../transport.js';
import { untilFinished } from './until-finished.js';

/** A dead-lettered message kept by an SSE client transport. */
export interface SseDeadLetter {
  address: string;
  group: string;
  reason: string;
  body: Uint8Array;
  headers: Record<string, string>;
}

/** Options of {@link createSseServerTransport}. */
export interface SseServerOptions {
  /** Listen on this port (0: any free port). Without `port`, no server is started: mount `handle` in yours. */
  port?: number;
  host?: string;
  /** Only serve streams on this path (default: any). */
  path?: string;
  /** Events kept for `Last-Event-ID` resumption (default 1 000). */
  bufferSize?: number;
  /** Refuse a stream (401) when this returns false: check the request's query or headers (`http` bindings). */
  verifyClient?: (request: IncomingMessage) => boolean | Promise<boolean>;
}

/** The SSE server transport. */
export interface SseServerTransport extends Transport {
  /** The port it listens on (0 when it serves through `handle` only). */
  readonly port: number;
  /** Open event streams. */
  readonly connections: number;
  /** Serves one request as an event stream (for your own `node:http` server). */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

/** Options of {@link createSseClientTransport}. */
export interface SseClientOptions {
  /** `http://127.0.0.1:8080/events`. */
  url: string;
  /** The request method (default GET), as the operation's `http` binding says. */
  method?: NonNullable<HttpBindings['method']>;
  /** Query parameters of each stream request (the `http` binding's `query`). */
  query?: Record<string, string | number | boolean>;
  /** Headers of each stream request (the message's `http` binding `headers`, an `Authorization`…). */
  headers?: Record<string, string>;
  /** Reconnect backoff: first delay and cap in ms (default 100 and 5 000), doubling; the server's `retry:` replaces the first delay. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Called with each dead-lettered message (after it is kept in `deadLetters`). */
  onDeadLetter?: (dead: SseDeadLetter) => void | Promise<void>;
}

/** The SSE client transport. */
export interface SseClientTransport extends Transport {
  readonly deadLetters: SseDeadLetter[];
  /** Streams opened (1 per subscription, +1 per reconnect). */
  readonly connects: number;
}

/**
 * The query and headers of a stream request for an operation's `http`
 * binding: the binding's defaults, then what the caller gives; throws naming
 * every required field that is missing. Pass the result to
 * `createSseClientTransport({ url, ...httpStreamRequest(bindings.http, given) })`.
 */
export function httpStreamRequest(binding: HttpBindings | undefined, given: { query?: Record<string, string | number | boolean>; headers?: Record<string, string> } = {}): { method: NonNullable<HttpBindings['method']>; query: Record<string, string | number | boolean>; headers: Record<string, string> } {
  const missing: string[] = [];
  const fill = <V>(fields: HttpBindings['query'], values: Record<string, V> | undefined, label: string, asValue: (d: string | number | boolean) => V) => {
    const out: Record<string, V> = {};
    for (const [name, f] of Object.entries(fields ?? {})) {
      if (f.default !== undefined) out[name] = asValue(f.default);
      if (f.required && values?.[name] === undefined && f.default === undefined) missing.push(`${label} \`${name}\``);
    }
    return { ...out, ...values };
  };
  const query = fill(binding?.query, given.query, 'query parameter', (d) => d);
  const headers = fill(binding?.headers, given.headers, 'header', (d) => String(d));
  if (missing.length) throw new Error(`The event stream request needs ${missing.join(', ')} (the operation's http binding requires ${missing.length > 1 ? 'them' : 'it'}).`);
  return { method: binding?.method ?? 'GET', query, headers };
}

interface Buffered {
  id: string;
  address: string;
  text: string;
}

/** One SSE event as wire text; multi-line data becomes several `data:` lines. */
function eventText(id: string, type: string, data: string): string {
  return `id: ${id.replace(/[\r\n]/g, '')}\nevent: ${type.replace(/[\r\n]/g, '')}\n${data.split(/\r\n|\r|\n/).map((l) => `data: ${l}`).join('\n')}\n\n`;
}

/** Serves event streams; `publish()` pushes to every open stream subscribed to a matching address. */
export async function createSseServerTransport(options: SseServerOptions = {}): Promise<SseServerTransport> {
  const size = options.bufferSize ?? 1_000;
  const buffer: Buffered[] = [];
  const streams = new Map<ServerResponse, string>();
  let closed = false;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (options.path && url.pathname !== options.path) return void res.writeHead(404).end();
    if (closed) return void res.writeHead(503).end();
    const pattern = url.searchParams.get('address');
    if (!pattern) return void res.writeHead(400, { 'content-type': 'text/plain' }).end('Name the address pattern to stream in the `address` query parameter.\n');
    if (options.verifyClient && !(await Promise.resolve().then(() => options.verifyClient!(req)).catch(() => false))) return void res.writeHead(401).end();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    // replay what a resuming client missed before it sees anything new
    const last = req.headers['last-event-id'];
    if (typeof last === 'string' && last !== '') {
      const at = buffer.findIndex((b) => b.id === last);
      for (const b of buffer.slice(at + 1)) if (matchesAddress(pattern, b.address)) res.write(b.text);
    }
    res.flushHeaders();
    streams.set(res, pattern);
    const drop = () => streams.delete(res);
    res.on('close', drop);
    req.on('close', drop);
  }

  let server: Server | undefined;
  if (options.port !== undefined) {
    const s = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(options.port, options.host, () => resolve());
    });
    server = s;
  }
  return {
    name: 'http-stream',
    port: server ? (server.address() as AddressInfo).port : 0,
    get connections() {
      return streams.size;
    },
    handle,
    async publish(address, message) {
      const id = message.messageId ?? message.headers['event-id'] ?? '';
      const text = eventText(id, message.headers['event-type'] ?? 'message', bodyText(message.body));
      buffer.push({ id, address, text });
      if (buffer.length > size) buffer.splice(0, buffer.length - size);
      for (const [res, pattern] of streams) if (matchesAddress(pattern, address)) res.write(text);
    },
    async subscribe() {
      throw new Error('Server-sent events go from server to client only: subscribe on an SSE client transport (createSseClientTransport).');
    },
    async close() {
      closed = true;
      for (const res of streams.keys()) res.end();
      streams.clear();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
    },
  };
}

/** Reads event streams from an SSE server (one per subscription), reconnecting with `Last-Event-ID`. */
export async function createSseClientTransport(options: SseClientOptions): Promise<SseClientTransport> {
  const deadLetters: SseDeadLetter[] = [];
  const initial = options.reconnect?.initialDelayMs ?? 100;
  const max = options.reconnect?.maxDelayMs ?? 5_000;
  const subscriptions = new Set<{ close(): Promise<void> }>();
  let connects = 0;

  return {
    name: 'http-stream',
    deadLetters,
    get connects() {
      return connects;
    },
    async publish() {
      throw new Error('Server-sent events go from server to client only: publish on the SSE server transport (createSseServerTransport).');
    },
    async subscribe(o, onDelivery): Promise<Subscription> {
      const url = new URL(options.url);
      for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
      url.searchParams.set('address', o.address);
      const abort = new AbortController();
      let closing = false;
      let lastId: string | undefined;
      /** First reconnect delay: the option, or what the server last asked for with `retry:`. */
      let base = initial;
      let delay = initial;
      let timer: NodeJS.Timeout | undefined;
      let wake: (() => void) | undefined;
      const inFlight = new Set<Promise<void>>();
      // deliveries run one after another (SSE is ordered; a retry waits its turn too)
      let chain: Promise<void> = Promise.resolve();

      const deliver = (body: Buffer, headers: Record<string, string>, attempt: number): Promise<void> =>
        untilFinished((finish) => {
          const delivery: Delivery = {
            body,
            headers,
            address: o.address,
            attempt,
            ack: finish,
            retry: async (delayMs) => {
              setTimeout(() => void deliver(body, headers, attempt + 1).then(finish), delayMs);
            },
            deadLetter: async (reason) => {
              const dead = { address: o.address, group: o.group, reason, body, headers };
              deadLetters.push(dead);
              try {
                await options.onDeadLetter?.(dead);
              } finally {
                finish();
              }
            },
          };
          onDelivery(delivery).catch(() => finish());
        });

      const open = async (): Promise<Response> => {
        const response = await fetch(url, {
          method: options.method ?? 'GET',
          headers: { accept: 'text/event-stream', ...(options.headers ?? {}), ...(lastId !== undefined ? { 'last-event-id': lastId } : {}) },
          signal: abort.signal,
        });
        const type = response.headers.get('content-type') ?? '';
        if (!response.ok || !type.startsWith('text/event-stream')) {
          await response.body?.cancel().catch(() => undefined);
          throw new Error(`Event stream ${url.origin}${url.pathname} for ${o.address} refused: HTTP ${response.status}${response.ok ? ` with content-type ${type || 'none'}` : ''} (check the query and headers the operation's http binding asks for).`);
        }
        connects++;
        delay = base;
        return response;
      };

      const read = async (first: Response) => {
        let response: Response | undefined = first;
        while (!closing) {
          try {
            if (!response) response = await open();
            for await (const ev of readEventStream<string>(response)) {
              if (ev.retry !== undefined) delay = base = ev.retry;
              if (ev.id !== undefined) lastId = ev.id;
              const body = Buffer.from(ev.data, 'utf8');
              const headers = headersOf(ev.data, ev.event, ev.id);
              const job = (chain = chain.then(() => deliver(body, headers, 1)));
              inFlight.add(job);
              void job.finally(() => inFlight.delete(job));
            }
          } catch {
            // a dropped or refused reconnect: try again after the backoff
          }
          response = undefined;
          if (closing) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, delay);
          });
          delay = Math.min(delay * 2, max);
        }
      };

      // the first request must succeed: a refusal (401: a missing key) or no server is an error, not a drop to retry
      const first = await open().catch((err: unknown) => {
        if (err instanceof Error && err.message.startsWith('Event stream ')) throw err;
        const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
        throw new Error(`Event stream ${url.origin}${url.pathname} for ${o.address} could not be opened: ${cause} (is the SSE server listening there?).`);
      });
      const reading = read(first);
      const sub = {
        async close() {
          closing = true;
          clearTimeout(timer);
          wake?.();
          abort.abort();
          await reading;
          await Promise.all([...inFlight]);
          subscriptions.delete(sub);
        },
      };
      subscriptions.add(sub);
      return sub;
    },
    async close() {
      await Promise.all([...subscriptions].map((s) => s.close()));
    },
  };
}

/** The envelope headers of an event, rebuilt from its data (SSE carries no headers). */
function headersOf(data: string, event: string, id: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'event-type': event };
  if (id !== undefined) headers['event-id'] = id;
  try {
    const e = JSON.parse(data) as Record<string, unknown>;
    if (typeof e.eventId === 'string') headers['event-id'] = e.eventId;
    if (typeof e.eventType === 'string') headers['event-type'] = e.eventType;
    if (typeof e.eventVersion === 'number') headers['event-version'] = String(e.eventVersion);
    if (typeof e.correlationId === 'string') headers['correlation-id'] = e.correlationId;
  } catch {
    // not JSON: the consumer dead-letters it as an unreadable envelope
  }
  return headers;
}
