/**
 * The REST server core: a route table (generated from the contract) and the
 * service's handlers, answering framework-neutral requests. In order: route
 * (404, 405; HEAD served by GET, OPTIONS answered from the table), security
 * hooks (401), path, query and header parameters coerced and validated (400
 * naming the JSON pointer), the body read within its limit (413),
 * of a declared media type (415), parsed and validated (400), then the
 * handler, inside `Idempotency-Key` handling where the operation declares
 * it, and with `validateResponses` its answer checked against the contract
 * (500 and a log line when it does not hold).
 */
import { authenticate } from './security.js';
import { BodyTooLarge, DEFAULT_BODY_LIMIT, mediaTypeAccepted, mediaTypeOf, parseBody } from './body.js';
import { invalidReply, problemReply, type InvalidMember } from './problem.js';
import { declaredResponse, normalizeResult, serialize, type NormalizedResponse } from './reply.js';
import { createRouter, type RouteMatch } from './router.js';
import type { HandlerRequest, HandlerResult, IncomingHeaders, RawRequest, RouteSpec, SecurityHook, SecuritySchemeSpec, ServerReply } from './types.js';

/** What every handler gets besides the request. */
export interface HandlerContext<Auth = Record<string, unknown>> {
  operationId: string;
  method: string;
  /** The path template matched (`/orders/{orderId}`). */
  route: string;
  /** The principals the security hooks accepted, by scheme name. */
  auth: Auth;
  /** The request as received (all headers, the raw URL). */
  raw: { method: string; url: string; headers: IncomingHeaders };
}

/** A handler of any operation (generated types narrow request, context and result per operation). */
export type AnyHandler = (req: HandlerRequest, ctx: HandlerContext & Record<string, unknown>) => HandlerResult | Promise<HandlerResult>;

/** Options of a REST server (generated servers type `security` by the contract's schemes). */
export interface RestServerOptions {
  /** One hook per security scheme the contract's operations use. */
  security?: Readonly<Record<string, SecurityHook>>;
  /** Check every answer against the contract (status declared, body valid): a 500 problem and a log line when it does not hold. For development and tests. */
  validateResponses?: boolean;
  /** The largest request body in bytes (default 1 MiB); larger ones are answered 413. */
  bodyLimit?: number;
  /** Where the server reports handler errors and invalid answers (default `console.error`). */
  log?: (message: string, error?: unknown) => void;
  /** Adds members to every handler's context (a database handle, a logger): called once per request. */
  context?: (ctx: HandlerContext) => Record<string, unknown>;
}

/** Runs a handler call; the idempotency layer wraps it (see idempotent.ts). */
export type Invoke = (route: RouteSpec, req: HandlerRequest, ctx: HandlerContext, call: () => Promise<NormalizedResponse>) => Promise<NormalizedResponse>;

/** What the layers above the core add: a wrapper of handler calls, members of a route's handler context. */
export interface DispatchLayers {
  invoke?: Invoke;
  extend?: (route: RouteSpec, req: HandlerRequest, ctx: HandlerContext & Record<string, unknown>) => void;
}

/** The core the listener and the adapters call. */
export interface RestDispatcher {
  /** The route a request matches (for the span name), before anything is read. */
  match(method: string, path: string): RouteMatch | undefined;
  /** Answers a request (`matched`: what {@link match} found for it, so the route is not looked up twice). */
  dispatch(request: RawRequest, readBody?: (limit: number) => Promise<Uint8Array>, matched?: RouteMatch): Promise<ServerReply>;
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
}

function queryObject(search: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of search) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function prefixed(members: InvalidMember[], prefix: string): InvalidMember[] {
  return members.map((m) => ({ pointer: prefix + m.pointer, detail: m.detail }));
}

/** Builds the dispatcher of `routes` with `handlers` (by operationId). */
export function createDispatcher(
  routes: readonly RouteSpec[],
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  handlers: Readonly<Record<string, AnyHandler>>,
  options: RestServerOptions = {},
  layers: DispatchLayers = {},
): RestDispatcher {
  const { invoke, extend } = layers;
  for (const r of routes) if (typeof handlers[r.handler ?? r.operationId] !== 'function') throw new Error(`contractkit: no handler \`${r.handler ?? r.operationId}\` for operation ${r.operationId} (${r.method} ${r.path})`);
  const router = createRouter(routes);
  const hooks = options.security ?? {};
  for (const r of routes) for (const req of r.security ?? []) for (const name of Object.keys(req)) if (typeof hooks[name] !== 'function') throw new Error(`contractkit: operation ${r.operationId} needs the security hook "${name}"; pass it in the server options' \`security\`.`);
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));

  function checkAnswer(route: RouteSpec, response: NormalizedResponse): string | undefined {
    const declared = declaredResponse(route, response.status);
    if (!declared) return `${route.operationId} answered status ${response.status}, which the contract does not declare`;
    const problems = declared.validate?.(response.body);
    if (problems?.length) return `${route.operationId} answered ${response.status} with a body the contract does not allow: ${problems.map((p) => `${p.pointer || '/'} ${p.detail}`).join('; ')}`;
    return undefined;
  }

  async function run(match: RouteMatch, request: RawRequest, path: string, queryText: string, head: boolean, readBody?: (limit: number) => Promise<Uint8Array>): Promise<ServerReply> {
    const route = match.spec;
    const pathParams: Record<string, unknown> = {};
    for (const name in match.params) {
      try {
        pathParams[name] = decodeURIComponent(match.params[name]!);
      } catch {
        return invalidReply([{ pointer: `/path/${name}`, detail: 'is not a valid percent-encoded value' }]);
      }
    }
    const search = queryText ? new URLSearchParams(queryText) : undefined;
    const headers: Record<string, unknown> = {};
    for (const h of route.headers ?? []) {
      const v = request.headers[h];
      if (v !== undefined) headers[h] = v;
    }
    const req: HandlerRequest = { path: pathParams, query: search ? queryObject(search) : {}, headers, body: undefined };
    // credentials first: a caller without them learns nothing about what is valid
    const security = await authenticate(route, schemes, hooks, request.headers, search);
    if ('reply' in security) return security.reply;
    if (route.params) {
      const invalid = route.params(req);
      if (invalid?.length) return invalidReply(invalid);
    }

    if (route.body) {
      const spec = route.body;
      let value: unknown;
      let present = false;
      if (request.body && 'parsed' in request.body) {
        value = request.body.parsed;
        present = value !== undefined;
      } else {
        let bytes: Uint8Array | undefined;
        if (request.body && 'raw' in request.body) bytes = request.body.raw;
        else if (readBody) {
          try {
            bytes = await readBody(limit);
          } catch (e) {
            if (e instanceof BodyTooLarge) return problemReply(413, `${e.message} Send a smaller body.`);
            throw e;
          }
        }
        if (bytes && bytes.length > limit) return problemReply(413, `The request body is larger than ${limit} bytes. Send a smaller body.`);
        if (bytes && bytes.length > 0) {
          present = true;
          const type = mediaTypeOf(request.headers['content-type']);
          if (!type || !mediaTypeAccepted(type, spec.mediaTypes)) {
            return problemReply(415, `${route.operationId} takes ${spec.mediaTypes.join(' or ')}, not ${type ?? 'a body without Content-Type'}.`, {}, { 'accept-post': spec.mediaTypes.join(', ') });
          }
          const parsed = parseBody(bytes, spec.kind);
          if ('reply' in parsed) return parsed.reply;
          value = parsed.value;
        }
      }
      if (!present) {
        if (spec.required) return invalidReply([{ pointer: '/body', detail: 'is required' }]);
      } else if (spec.validate) {
        const invalid = spec.validate(value);
        if (invalid?.length) return invalidReply(prefixed(invalid, '/body'));
      }
      req.body = value;
    }

    const base: HandlerContext = { operationId: route.operationId, method: route.method, route: route.path, auth: security.auth, raw: { method: request.method, url: request.url, headers: request.headers } };
    const ctx = (options.context ? Object.assign(base, options.context(base)) : base) as HandlerContext & Record<string, unknown>;
    extend?.(route, req, ctx);
    const handler = handlers[route.handler ?? route.operationId]!;
    const call = async () => {
      const response = normalizeResult(await handler(req, ctx));
      if (options.validateResponses) {
        const wrong = checkAnswer(route, response);
        if (wrong) {
          log(`contractkit: ${wrong}`);
          return { status: 500, headers: { 'content-type': 'application/problem+json' }, body: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'The service answered something its contract does not allow (see the service log).' } };
        }
      }
      return response;
    };
    let response: NormalizedResponse;
    try {
      response = invoke ? await invoke(route, req, ctx, call) : await call();
    } catch (e) {
      log(`contractkit: ${route.operationId} failed`, e);
      return problemReply(500, 'The service failed to answer this request.');
    }
    return serialize(route, response, head);
  }

  return {
    match(method, path) {
      const found = router.find(method === 'HEAD' ? 'GET' : method, splitUrl(path)[0]);
      return 'spec' in found ? found : undefined;
    },
    async dispatch(request, readBody, matched) {
      const method = request.method.toUpperCase();
      const [path, queryText] = splitUrl(request.url);
      let found = matched && matched.spec.method === method ? matched : router.find(method, path);
      let head = false;
      if (!('spec' in found) && method === 'HEAD') {
        const get = router.find('GET', path);
        if ('spec' in get) {
          found = get;
          head = true;
        }
      }
      if ('spec' in found) {
        try {
          return await run(found, request, path, queryText, head, readBody);
        } catch (e) {
          log(`contractkit: ${found.spec.operationId} failed`, e);
          return problemReply(500, 'The service failed to answer this request.');
        }
      }
      if (found.status === 404) return problemReply(404, `No operation answers ${method} ${path}.`);
      const allow = found.allow.includes('GET') && !found.allow.includes('HEAD') ? [...found.allow, 'HEAD'] : found.allow;
      if (method === 'OPTIONS') return { status: 204, headers: { allow: [...allow, 'OPTIONS'].join(', ') } };
      return problemReply(405, `${path} answers ${allow.join(', ')}, not ${method}.`, {}, { allow: allow.join(', ') });
    },
  };
}
