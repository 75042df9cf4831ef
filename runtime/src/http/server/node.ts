/**
 * The REST server on `node:http`, no framework: a request listener around
 * the dispatcher, each request in a server span (`withHttpServerSpan`,
 * continuing the caller's `traceparent`), and `listen()` for a server of its own.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withHttpServerSpan } from '../../tracing/http.js';
import { readBody } from './body.js';
import type { RestDispatcher } from './dispatch.js';
import type { ServerReply } from './types.js';

/** A running server. */
export interface ListeningServer {
  /** `http://<host>:<port>`. */
  readonly url: string;
  readonly server: Server;
  /** Stops accepting and ends open connections. */
  close(): Promise<void>;
}

/** Writes a reply to a node response. */
export function writeReply(res: ServerResponse, reply: ServerReply): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

/** The `node:http` request listener of `dispatcher`. */
export function nodeListener(dispatcher: RestDispatcher): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const matched = dispatcher.match(method, url);
    withHttpServerSpan(req, res, matched?.spec.path, () => {
      dispatcher.dispatch({ method, url, headers: req.headers }, (limit) => readBody(req, limit), matched).then(
        (reply) => writeReply(res, reply),
        (error) => {
          // dispatch answers its own failures; this is a failure to write
          if (!res.headersSent) writeReply(res, { status: 500, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: String(error) }) });
          else res.destroy();
        },
      );
    });
  };
}

/** Starts a `node:http` server for `dispatcher` on `host` (default 127.0.0.1) and `port` (default 0: any free port). */
export async function listenDispatcher(dispatcher: RestDispatcher, options: { port?: number; host?: string } = {}): Promise<ListeningServer> {
  const server = createServer(nodeListener(dispatcher));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
