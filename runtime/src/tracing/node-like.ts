/**
 * The parts of `node:http`'s request and response that the tracing helpers
 * read, declared structurally: the REST client imports `tracing/http`, and its
 * declarations must type-check in projects without `@types/node` (browsers,
 * edge runtimes; the `js+dts` target's test compiles them so).
 * `IncomingMessage` and `ServerResponse` satisfy these.
 */

/** Incoming HTTP headers, as `node:http` gives them. */
export type IncomingHeadersLike = Record<string, string | string[] | undefined>;

/** An incoming request: method, URL and headers. */
export interface IncomingRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  rawHeaders: string[];
  headers: IncomingHeadersLike;
}

/** A server response: its status and the events that end it. */
export interface ServerResponseLike {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}
