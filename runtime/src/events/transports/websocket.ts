/**
 * WebSocket through `ws` (an optional peer dependency, loaded here only), on
 * either side of the socket: `createWebSocketServerTransport` accepts
 * connections (an application pushing events to browsers or services, the
 * "202 then a push" pattern), `createWebSocketClientTransport` connects to
 * one and reconnects with backoff when the connection drops.
 *
 * There is no broker: the peer on the other side of the socket is the one
 * that confirms. Frames are JSON text, one per message:
 * - `{ "t": "sub", "id": 3, "address": "order.{orderId}.done" }` — the client
 *   asks for events of an address pattern (re-sent after every reconnect;
 *   the server acks it, and the client's `subscribe()` resolves then);
 * - `{ "t": "msg", "id": 7, "address": "order.42.done", "headers": {…}, "body": "<envelope JSON>" }`;
 * - `{ "t": "ack", "id": 7 }` — sent by the receiver once the consumer has
 *   settled the message (handled or dead-lettered), which is when the
 *   sender's `publish()` resolves.
 * A message the receiver has no subscription for is acked at once (nobody
 * wants it, as a broker drops a message no queue is bound to). Retries are
 * timers on the receiving side; dead-letters are kept in `deadLetters` and
 * passed to `onDeadLetter`. Validation, upcasting and idempotency are the
 * consumer's, as on every transport; WebSocket delivery is at most once
 * across a dropped connection, so a client re-sends unacked publishes after
 * reconnecting (at least once: use a processed-event store).
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket as WsSocket, WebSocketServer as WsServer } from 'ws';
import type { WebSocketBindings } from '../bindings.js';
import { bodyText, matchesAddress, type Delivery, type OutgoingMessage, type SubscribeOptions, type Subscription, type Transport } from '../transport.js';
import { untilFinished } from './until-finished.js';

/** A dead-lettered message kept by a WebSocket transport. */
export interface WebSocketDeadLetter {
  address: string;
  group: string;
  reason: string;
  body: Uint8Array;
  headers: Record<string, string>;
}

/** What both sides share. */
interface CommonOptions {
  /** Called with each dead-lettered message (after it is kept in `deadLetters`). */
  onDeadLetter?: (dead: WebSocketDeadLetter) => void | Promise<void>;
  /** How long `publish()` waits for the peer's ack (default 10 000 ms). */
  publishTimeoutMs?: number;
}

/** Options of {@link createWebSocketServerTransport}. */
export interface WebSocketServerOptions extends CommonOptions {
  /** Attach to this HTTP(S) server (upgrade requests on `path`); otherwise listen on `port`/`host`. */
  server?: import('node:http').Server;
  /** Port to listen on (0: any free port; see `port` on the transport). Default 0. */
  port?: number;
  host?: string;
  /** Only upgrade requests for this path (default: any). */
  path?: string;
  /** Refuse a connection (401) when this returns false: check the handshake's query or headers (`ws` bindings). */
  verifyClient?: (request: IncomingMessage) => boolean | Promise<boolean>;
}

/** Options of {@link createWebSocketClientTransport}. */
export interface WebSocketClientOptions extends CommonOptions {
  /** `ws://127.0.0.1:8080/events`. */
  url: string;
  /** Query parameters of the handshake (what a channel's `ws` binding `query` describes). */
  query?: Record<string, string | number | boolean>;
  /** Headers of the handshake (what a channel's `ws` binding `headers` describes). */
  headers?: Record<string, string>;
  /** Reconnect backoff: first delay and cap in ms (default 100 and 5 000), doubling. A first handshake the server refuses with an HTTP status rejects instead. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
}

/** A WebSocket transport and what tests and operators look at. */
export interface WebSocketTransport extends Transport {
  readonly deadLetters: WebSocketDeadLetter[];
  /** Open sockets (server: connected clients; client: 0 or 1). */
  readonly connections: number;
}

/** The server transport plus the port it listens on. */
export interface WebSocketServerTransport extends WebSocketTransport {
  readonly port: number;
}

/** The client transport plus its connection state. */
export interface WebSocketClientTransport extends WebSocketTransport {
  /** Resolves once connected (now, or after the reconnect in progress). */
  connected(): Promise<void>;
  /** Times the client has connected (1 after the first connection, +1 per reconnect). */
  readonly connects: number;
}

/**
 * The query and headers of a handshake for a channel's `ws` binding: the
 * binding's defaults, then what the caller gives; throws naming every
 * required field that is missing. Pass the result to
 * `createWebSocketClientTransport({ url, ...wsHandshake(bindings.ws, given) })`.
 */
export function wsHandshake(binding: WebSocketBindings | undefined, given: { query?: Record<string, string | number | boolean>; headers?: Record<string, string> } = {}): { query: Record<string, string | number | boolean>; headers: Record<string, string> } {
  const missing: string[] = [];
  const fill = <V>(fields: Record<string, { required?: boolean; default?: string | number | boolean }> | undefined, values: Record<string, V> | undefined, label: string, asValue: (d: string | number | boolean) => V) => {
    const out: Record<string, V> = {};
    for (const [name, f] of Object.entries(fields ?? {})) {
      if (f.default !== undefined) out[name] = asValue(f.default);
      if (f.required && values?.[name] === undefined && f.default === undefined) missing.push(`${label} \`${name}\``);
    }
    return { ...out, ...values };
  };
  const query = fill(binding?.query, given.query, 'query parameter', (d) => d);
  const headers = fill(binding?.headers, given.headers, 'header', (d) => String(d));
  if (missing.length) throw new Error(`The WebSocket handshake needs ${missing.join(', ')} (the channel's ws binding requires ${missing.length > 1 ? 'them' : 'it'}).`);
  return { query, headers };
}

type Frame =
  | { t: 'sub'; id: number; address: string }
  | { t: 'msg'; id: number; address: string; headers: Record<string, string>; body: string }
  | { t: 'ack'; id: number };

interface Local {
  options: SubscribeOptions;
  onDelivery: (d: Delivery) => Promise<void>;
  inFlight: Set<Promise<void>>;
  closed: boolean;
}

interface Pending {
  frame: Extract<Frame, { t: 'msg' | 'sub' }>;
  /** The peers whose ack is still awaited (server: sockets; client: the server). */
  waiting: Set<unknown>;
  resolve: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** The one peer of a client transport: its acks count whichever connection they arrive on. */
const SERVER = Symbol('server');

function parseFrame(data: unknown): Frame | undefined {
  try {
    const f = JSON.parse(String(data)) as Frame;
    if (f && typeof f === 'object' && (f.t === 'sub' || f.t === 'msg' || f.t === 'ack')) return f;
  } catch {
    // not one of our frames: ignored (a peer speaking another protocol gets no answer)
  }
  return undefined;
}

/** What server and client share: local subscriptions, delivery of incoming messages, acks of outgoing ones. */
function createPeerCore(options: CommonOptions) {
  const locals: Local[] = [];
  const deadLetters: WebSocketDeadLetter[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const timeoutMs = options.publishTimeoutMs ?? 10_000;

  /** An incoming message: to the first matching local subscription; acked to `socket` once settled. */
  function receive(socket: WsSocket, frame: Extract<Frame, { t: 'msg' }>): void {
    const ack = () => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ t: 'ack', id: frame.id } satisfies Frame));
    };
    const local = locals.find((l) => !l.closed && matchesAddress(l.options.address, frame.address));
    if (!local) return ack();
    const body = Buffer.from(frame.body, 'utf8');
    const run = (attempt: number): Promise<void> =>
      untilFinished((finish) => {
        const delivery: Delivery = {
          body,
          headers: frame.headers,
          address: frame.address,
          attempt,
          ack: () => {
            ack();
            finish();
          },
          retry: async (delayMs) => {
            setTimeout(() => void run(attempt + 1).then(finish), delayMs);
          },
          deadLetter: async (reason) => {
            const dead = { address: frame.address, group: local.options.group, reason, body, headers: frame.headers };
            deadLetters.push(dead);
            try {
              await options.onDeadLetter?.(dead);
            } finally {
              ack();
              finish();
            }
          },
        };
        onDeliverySafe(local, delivery, finish);
      });
    const p = run(1).finally(() => local.inFlight.delete(p));
    local.inFlight.add(p);
  }

  function onDeliverySafe(local: Local, delivery: Delivery, finish: () => void) {
    local.onDelivery(delivery).catch(() => finish());
  }

  function acked(id: number, peer: unknown): void {
    const p = pending.get(id);
    if (!p || !p.waiting.delete(peer) || p.waiting.size > 0) return;
    clearTimeout(p.timer);
    pending.delete(id);
    p.resolve();
  }

  /** A peer that went away owes no acks (server push is at most once to a client that disconnects). */
  function dropPeer(peer: unknown): void {
    for (const [id, p] of pending) if (p.waiting.has(peer)) acked(id, peer);
  }

  /** Sends a message to `peers` (a peer without `write` gets it when it connects again) and resolves when each has acked it. */
  function send(peers: { key: unknown; write?: (text: string) => void }[], address: string, message: OutgoingMessage): Promise<void> {
    return sendFrame(peers, { t: 'msg', id: nextId++, address, headers: message.headers, body: bodyText(message.body) });
  }

  function sendFrame(peers: { key: unknown; write?: (text: string) => void }[], frame: Pending['frame']): Promise<void> {
    const address = frame.address;
    if (peers.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(frame.id);
        reject(new Error(`WebSocket publish to ${address}: no ack from the peer within ${timeoutMs} ms.`));
      }, timeoutMs);
      pending.set(frame.id, { frame, waiting: new Set(peers.map((p) => p.key)), resolve, reject, timer });
      const text = JSON.stringify(frame);
      for (const p of peers) p.write?.(text);
    });
  }

  function subscribe(o: SubscribeOptions, onDelivery: (d: Delivery) => Promise<void>): Local {
    const local: Local = { options: o, onDelivery, inFlight: new Set(), closed: false };
    locals.push(local);
    return local;
  }

  async function closeLocal(local: Local): Promise<void> {
    local.closed = true;
    await Promise.all([...local.inFlight]);
    locals.splice(locals.indexOf(local), 1);
  }

  function failPending(why: string): void {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.reject(new Error(why));
    }
  }

  const nextFrameId = () => nextId++;
  return { locals, deadLetters, pending, receive, acked, dropPeer, send, sendFrame, nextFrameId, subscribe, closeLocal, failPending };
}

/** Listens for WebSocket connections; `publish()` pushes to every client subscribed to a matching address. */
export async function createWebSocketServerTransport(options: WebSocketServerOptions = {}): Promise<WebSocketServerTransport> {
  const { WebSocketServer } = await import('ws');
  const core = createPeerCore(options);
  const subs = new Map<WsSocket, Set<string>>();
  const wss: WsServer = await new Promise((resolve, reject) => {
    const verifyClient = options.verifyClient
      ? (info: { req: IncomingMessage }, cb: (ok: boolean, code?: number) => void) => {
          Promise.resolve(options.verifyClient!(info.req)).then(
            (ok) => cb(ok, ok ? undefined : 401),
            () => cb(false, 401),
          );
        }
      : undefined;
    const common = { ...(options.path ? { path: options.path } : {}), ...(verifyClient ? { verifyClient } : {}) };
    if (options.server) resolve(new WebSocketServer({ server: options.server, ...common }));
    else {
      const s: WsServer = new WebSocketServer({ port: options.port ?? 0, ...(options.host ? { host: options.host } : {}), ...common }, () => resolve(s));
      s.once('error', reject);
    }
  });
  wss.on('connection', (socket: WsSocket) => {
    subs.set(socket, new Set());
    socket.on('message', (data) => {
      const f = parseFrame(data);
      if (!f) return;
      if (f.t === 'sub') {
        subs.get(socket)?.add(f.address);
        socket.send(JSON.stringify({ t: 'ack', id: f.id } satisfies Frame));
      }
      else if (f.t === 'msg') core.receive(socket, f);
      else core.acked(f.id, socket);
    });
    socket.on('close', () => {
      subs.delete(socket);
      core.dropPeer(socket);
    });
  });
  const port = options.server ? ((options.server.address() as AddressInfo | null)?.port ?? 0) : (wss.address() as AddressInfo).port;
  return {
    name: 'websocket',
    port,
    deadLetters: core.deadLetters,
    get connections() {
      return subs.size;
    },
    publish(address, message) {
      const to = [...subs].filter(([s, patterns]) => s.readyState === s.OPEN && [...patterns].some((p) => matchesAddress(p, address)));
      return core.send(
        to.map(([s]) => ({ key: s, write: (text: string) => s.send(text) })),
        address,
        message,
      );
    },
    async subscribe(o, onDelivery): Promise<Subscription> {
      const local = core.subscribe(o, onDelivery);
      return { close: () => core.closeLocal(local) };
    },
    async close() {
      await Promise.all(core.locals.map((l) => core.closeLocal(l)));
      core.failPending('WebSocket server closed before the peer acked.');
      for (const s of subs.keys()) s.close(1001, 'server closing');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Connects to a WebSocket server (reconnecting with backoff); publishes to it and subscribes to what it pushes. */
export async function createWebSocketClientTransport(options: WebSocketClientOptions): Promise<WebSocketClientTransport> {
  const { WebSocket } = await import('ws');
  const core = createPeerCore(options);
  const url = new URL(options.url);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
  const initial = options.reconnect?.initialDelayMs ?? 100;
  const max = options.reconnect?.maxDelayMs ?? 5_000;
  let socket: WsSocket | undefined;
  /** The socket being opened or open: what close() must end even before it has connected. */
  let current: WsSocket | undefined;
  let closing = false;
  let connects = 0;
  let delay = initial;
  let waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  const open = (s: WsSocket) => s.readyState === s.OPEN;
  const connect = () => {
    const s = new WebSocket(url, { headers: options.headers ?? {} });
    current = s;
    s.on('open', () => {
      if (closing) return void s.close(1000);
      socket = s;
      connects++;
      delay = initial;
      // what the server must know again after a reconnect: our subscriptions, and the publishes it never acked
      const resent = new Set([...core.pending.values()].map((p) => p.frame));
      for (const l of core.locals) if (!l.closed && ![...resent].some((f) => f.t === 'sub' && f.address === l.options.address)) s.send(JSON.stringify({ t: 'sub', id: core.nextFrameId(), address: l.options.address } satisfies Frame));
      for (const f of resent) s.send(JSON.stringify(f));
      const w = waiters;
      waiters = [];
      for (const x of w) x.resolve();
    });
    s.on('message', (data) => {
      const f = parseFrame(data);
      if (!f) return;
      if (f.t === 'msg') core.receive(s, f);
      else if (f.t === 'ack') core.acked(f.id, SERVER);
    });
    s.on('error', (err) => {
      // a server that answers the first handshake with an HTTP status (401: missing key) refuses us; that is not a drop to retry
      const refused = /Unexpected server response: (\d+)/.exec(err.message);
      if (refused && connects === 0) {
        closing = true;
        const w = waiters;
        waiters = [];
        for (const x of w) x.reject(new Error(`WebSocket handshake with ${url.origin}${url.pathname} refused: HTTP ${refused[1]} (check the query and headers the channel's ws binding asks for).`));
      }
      // otherwise followed by 'close', where we reconnect
    });
    s.on('close', () => {
      if (socket === s) socket = undefined;
      if (closing) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, max);
    });
  };
  const connected = () => (socket && open(socket) ? Promise.resolve() : new Promise<void>((resolve, reject) => waiters.push({ resolve, reject })));
  connect();
  await connected();

  return {
    name: 'websocket',
    deadLetters: core.deadLetters,
    connected,
    get connects() {
      return connects;
    },
    get connections() {
      return socket && open(socket) ? 1 : 0;
    },
    async publish(address, message) {
      // while disconnected the frame waits in `pending` and goes out on the next connection
      const s = socket && open(socket) ? socket : undefined;
      return core.send([{ key: SERVER, ...(s ? { write: (text: string) => s.send(text) } : {}) }], address, message);
    },
    async subscribe(o, onDelivery): Promise<Subscription> {
      const local = core.subscribe(o, onDelivery);
      const s = socket && open(socket) ? socket : undefined;
      // resolves once the server has the subscription (after the next connection, when disconnected now)
      await core.sendFrame([{ key: SERVER, ...(s ? { write: (text: string) => s.send(text) } : {}) }], { t: 'sub', id: core.nextFrameId(), address: o.address });
      return { close: () => core.closeLocal(local) };
    },
    async close() {
      closing = true;
      clearTimeout(timer);
      await Promise.all(core.locals.map((l) => core.closeLocal(l)));
      core.failPending('WebSocket client closed before the server acked.');
      for (const w of waiters) w.reject(new Error('WebSocket client closed.'));
      waiters = [];
      const s = current;
      if (s && s.readyState === s.CONNECTING) s.terminate();
      else if (s && s.readyState !== s.CLOSED) await new Promise<void>((resolve) => (s.once('close', () => resolve()), s.close(1000)));
    },
  };
}
