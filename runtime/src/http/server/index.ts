/**
 * @contractkit/runtime/http-server: the runtime of generated REST servers.
 * A router on node:http (no framework) with request validation, problem
 * details, security hooks and tracing, and small adapters for fastify,
 * express and hono (`@contractkit/runtime/http-server/fastify` and so on).
 */
export { createRestServer, type RestApi, type RestServer, type RestServerFullOptions } from './rest-server.js';
export { createDispatcher, type AnyHandler, type DispatchLayers, type HandlerContext, type Invoke, type RestDispatcher, type RestServerOptions } from './dispatch.js';
export { idempotentInvoke, type IdempotencyOptions } from './idempotent.js';
export { fillTemplate, jobsLayer, type AcceptContext, type JobsContext } from './accepted.js';
export { listenDispatcher, nodeListener, writeReply, type ListeningServer } from './node.js';
export { createRouter, type RouteMatch, type Router } from './router.js';
export { BodyTooLarge, DEFAULT_BODY_LIMIT, mediaTypeAccepted, mediaTypeOf, parseBody, readBody } from './body.js';
export { invalidReply, problem, problemReply, statusTitle, type InvalidMember, type ProblemBody } from './problem.js';
export { declaredResponse, normalizeResult, serialize, type NormalizedResponse } from './reply.js';
export { ajvMembers } from './ajv-members.js';
export { ajvRuntime } from '../../events/ajv-runtime.js';
export type * from './types.js';
export * from './idempotency/index.js';
export * from './jobs.js';
