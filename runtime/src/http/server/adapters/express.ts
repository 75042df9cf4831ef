/**
 * The REST server as express middleware: `app.use(expressMiddleware(server))`.
 * Requests no operation answers go on to the next middleware. A body an
 * earlier body parser already read is taken as it is (bytes, text or the
 * parsed value); otherwise the stream is read within the body limit.
 * express is an optional peer dependency, imported for types only.
 */
import type { NextFunction, Request, Response } from 'express';
import { readBody } from '../body.js';
import type { RestServer } from '../rest-server.js';
import type { RawRequest } from '../types.js';

/** Express middleware answering the routes of `server`. */
export function expressMiddleware(server: Pick<RestServer, 'dispatcher'>): (req: Request, res: Response, next: NextFunction) => void {
  const { dispatcher } = server;
  return (req, res, next) => {
    const url = req.originalUrl || req.url;
    if (!dispatcher.match(req.method, url) && req.method !== 'OPTIONS') return next();
    const raw: RawRequest = { method: req.method, url, headers: req.headers };
    const parsed: unknown = (req as { body?: unknown }).body;
    if (parsed instanceof Uint8Array) raw.body = { raw: parsed };
    else if (typeof parsed === 'string') raw.body = { raw: Buffer.from(parsed) };
    else if (parsed !== undefined && req.readableEnded) raw.body = { parsed };
    dispatcher.dispatch(raw, (limit) => readBody(req, limit)).then((r) => {
      res.status(r.status);
      for (const [name, value] of Object.entries(r.headers)) res.setHeader(name, value);
      res.end(r.body);
    }, next);
  };
}
