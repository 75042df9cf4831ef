/**
 * The REST server as a fastify plugin: `app.register(fastifyPlugin(server))`.
 * Inside the plugin's scope bodies arrive as bytes (its own content-type
 * parsers replaced) so the generated server validates them exactly as on
 * node:http. fastify is an optional peer dependency, imported for types only.
 */
import type { FastifyInstance } from 'fastify';
import type { RestServer } from '../rest-server.js';

/** A fastify plugin answering every route of `server` (register it with a `prefix` to mount it below a path). */
export function fastifyPlugin(server: Pick<RestServer, 'dispatcher'>): (app: FastifyInstance) => Promise<void> {
  const { dispatcher } = server;
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    app.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE'],
      url: '/*',
      exposeHeadRoute: false,
      handler: async (request, reply) => {
        const body = request.body instanceof Uint8Array ? { raw: request.body } : undefined;
        const r = await dispatcher.dispatch(body ? { method: request.method, url: request.url, headers: request.headers, body } : { method: request.method, url: request.url, headers: request.headers });
        reply.code(r.status).headers(r.headers);
        return reply.send(r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : Buffer.from(r.body));
      },
    });
  };
}
