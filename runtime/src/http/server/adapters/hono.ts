/**
 * The REST server as a hono handler: `app.all('*', honoHandler(server))`,
 * on any runtime hono runs on (Request in, Response out). hono is an
 * optional peer dependency, imported for types only.
 */
import type { Context } from 'hono';
import type { RestServer } from '../rest-server.js';
import type { IncomingHeaders } from '../types.js';

/** A hono handler answering the routes of `server`. */
export function honoHandler(server: Pick<RestServer, 'dispatcher'>): (c: Context) => Promise<Response> {
  const { dispatcher } = server;
  return async (c) => {
    const request = c.req.raw;
    const u = new URL(request.url);
    const headers: IncomingHeaders = {};
    request.headers.forEach((value, name) => void (headers[name] = value));
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
    const bytes = hasBody ? new Uint8Array(await request.arrayBuffer()) : undefined;
    const r = await dispatcher.dispatch(bytes ? { method: request.method, url: u.pathname + u.search, headers, body: { raw: bytes } } : { method: request.method, url: u.pathname + u.search, headers });
    const out = new Headers();
    for (const [name, value] of Object.entries(r.headers)) for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
    const body = r.status === 204 || r.status === 304 || r.body === undefined ? null : typeof r.body === 'string' ? r.body : new Uint8Array(r.body).buffer;
    return new Response(body, { status: r.status, headers: out });
  };
}
