/**
 * `createRestServer`: what a generated server's factory calls. One object
 * serves node:http (`listener`, `listen`) and the framework adapters
 * (`dispatcher`); the `idempotency` and `jobs` options add their layers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDispatcher, type AnyHandler, type RestDispatcher, type RestServerOptions } from './dispatch.js';
import { jobsLayer } from './accepted.js';
import { idempotentInvoke, type IdempotencyOptions } from './idempotent.js';
import { createMemoryJobStore, type JobStore } from './jobs.js';
import { listenDispatcher, nodeListener, type ListeningServer } from './node.js';
import type { RouteSpec, SecuritySchemeSpec } from './types.js';

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

/** Every option of a server: the core's, idempotency and the job store. */
export interface RestServerFullOptions extends RestServerOptions {
  /** `Idempotency-Key` handling for the operations that declare the header (generated options require it there). */
  idempotency?: IdempotencyOptions;
  /** Where 202 jobs are kept (default: in memory). */
  jobs?: JobStore;
}

/** Builds a server of `api` with `handlers` (by operationId). @throws when a handler or a security hook is missing. */
export function createRestServer(api: RestApi, handlers: object, options: RestServerFullOptions = {}): RestServer {
  const needsJobs = api.routes.some((r) => r.accepted);
  const layers = {
    ...(options.idempotency ? { invoke: idempotentInvoke(options.idempotency) } : {}),
    ...(needsJobs || options.jobs ? { extend: jobsLayer(options.jobs ?? createMemoryJobStore()) } : {}),
  };
  const dispatcher = createDispatcher(api.routes, api.schemes, handlers as Readonly<Record<string, AnyHandler>>, options, layers);
  const listener = nodeListener(dispatcher);
  return { dispatcher, listener, listen: (o) => listenDispatcher(dispatcher, o) };
}
