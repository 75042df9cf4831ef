/**
 * `createRestServer`: what a generated server's factory calls. One object
 * serves node:http (`listener`, `listen`) and the framework adapters
 * (`dispatcher`).
 */
import { createDispatcher, type AnyHandler, type Invoke, type RestDispatcher, type RestServerOptions } from './dispatch.js';
import { listenDispatcher, nodeListener, type ListeningServer } from './node.js';
import type { RouteSpec, SecuritySchemeSpec } from './types.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A REST server built from a contract's routes and a service's handlers. */
export interface RestServer {
  /** The framework-neutral core (for the fastify, express and hono adapters). */
  readonly dispatcher: RestDispatcher;
  /** A `node:http` request listener (`http.createServer(server.listener)`). */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Starts a `node:http` server (127.0.0.1 and any free port unless told). */
  listen(options?: { port?: number; host?: string }): Promise<ListeningServer>;
}

/** The API as data: the routes and security schemes a generated server passes. */
export interface RestApi {
  routes: readonly RouteSpec[];
  schemes: Readonly<Record<string, SecuritySchemeSpec>>;
}

/** Builds a server of `api` with `handlers` (by operationId). @throws when a handler or a security hook is missing. */
export function createRestServer(api: RestApi, handlers: object, options: RestServerOptions = {}, invoke?: Invoke): RestServer {
  const dispatcher = createDispatcher(api.routes, api.schemes, handlers as Readonly<Record<string, AnyHandler>>, options, invoke);
  const listener = nodeListener(dispatcher);
  return { dispatcher, listener, listen: (o) => listenDispatcher(dispatcher, o) };
}
