/**
 * The vocabulary of the REST server runtime: what generated servers hand it
 * (routes as data, security schemes), what handlers get and return, and the
 * framework-neutral request and reply the node:http listener and the
 * fastify, express and hono adapters translate to and from.
 */
import type { InvalidMember } from './problem.js';

/** Incoming headers as `node:http` gives them: lower-case names. */
export type IncomingHeaders = Record<string, string | string[] | undefined>;

/** A header value a handler may set (numbers and booleans are written as text, arrays as repeated headers). */
export type HeaderValue = string | number | boolean | readonly string[];

/** What a handler returns: a declared status, its body and headers (generated types narrow this per operation). */
export interface HandlerResult {
  status: number;
  headers?: { [name: string]: HeaderValue | undefined };
  body?: unknown;
}

/** A finished reply, serialized: what the listener or an adapter writes. */
export interface ServerReply {
  status: number;
  headers: Record<string, string | string[]>;
  body?: string | Uint8Array;
}

/** A request as the router sees it, whatever server received it. */
export interface RawRequest {
  method: string;
  /** Path and query string (`/orders/1?x=2`). */
  url: string;
  headers: IncomingHeaders;
  /** The body as bytes, as a value a framework already parsed, or none. */
  body?: { raw: Uint8Array } | { parsed: unknown };
}

/** The typed parts of a request a handler receives (generated types narrow each member). */
export interface HandlerRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
}

/** Checks a value; returns what is invalid (JSON pointers relative to the value), or undefined when valid. */
export type MemberCheck = (value: unknown) => InvalidMember[] | undefined;

/** How a request body is read. */
export type BodyKind = 'json' | 'text' | 'form' | 'binary';

/** One operation as data: generated servers pass a table of these. */
export interface RouteSpec {
  operationId: string;
  /** The handler's key in the handlers object, when it is not the operationId. */
  handler?: string;
  /** Upper-case method. */
  method: string;
  /** Path template as the contract writes it (`/orders/{orderId}`): also the server span's `http.route`. */
  path: string;
  /** Declared header parameters (lower-case): copied into `req.headers` and validated. */
  headers?: readonly string[];
  /** Coerces (strings to numbers, booleans, arrays) and validates `{ path, query, headers }` in place. */
  params?: MemberCheck;
  body?: { required: boolean; kind: BodyKind; mediaTypes: readonly string[]; validate?: MemberCheck };
  /** Declared responses by status key (`201`, `4XX`, `default`): the media type to answer with and, for `validateResponses`, the body check. */
  responses?: Readonly<Record<string, { mediaType?: string; validate?: MemberCheck }>>;
  /** Security requirements in effect (alternatives; each names schemes that must all pass); empty or absent: open. */
  security?: readonly Readonly<Record<string, readonly string[]>>[];
  /** The idempotency header the operation declares (lower-case). */
  idempotencyHeader?: string;
  /** 202-and-poll: the status operation's path template and its path parameter that takes the job id. */
  accepted?: { statusPath: string; idParam: string };
}

/** A security scheme as the router applies it. */
export type SecuritySchemeSpec = { type: 'bearer' } | { type: 'basic' } | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string };

/** What a security hook can look at besides the credential. */
export interface SecurityRequest {
  operationId: string;
  /** The scopes the operation's requirement lists for this scheme. */
  scopes: readonly string[];
  headers: IncomingHeaders;
}

/** The principal a hook accepts a request as; `undefined`, `null` or `false` rejects it (401). */
export type HookOutcome<P> = P | undefined | null | false;

/** Checks a bearer token (also used for oauth2 and openIdConnect schemes). */
export type BearerHook<P = unknown> = (token: string, request: SecurityRequest) => HookOutcome<P> | Promise<HookOutcome<P>>;
/** Checks HTTP basic credentials. */
export type BasicHook<P = unknown> = (credentials: { username: string; password: string }, request: SecurityRequest) => HookOutcome<P> | Promise<HookOutcome<P>>;
/** Checks an API key (from the header, query parameter or cookie the scheme names). */
export type ApiKeyHook<P = unknown> = (key: string, request: SecurityRequest) => HookOutcome<P> | Promise<HookOutcome<P>>;
/** Any security hook. */
export type SecurityHook = BearerHook | BasicHook | ApiKeyHook;

/** Informational status codes. */
export type Status1XX = 100 | 101 | 102 | 103;
/** Success status codes. */
export type Status2XX = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226;
/** Redirection status codes. */
export type Status3XX = 300 | 301 | 302 | 303 | 304 | 305 | 307 | 308;
/** Client error status codes. */
export type Status4XX = 400 | 401 | 402 | 403 | 404 | 405 | 406 | 407 | 408 | 409 | 410 | 411 | 412 | 413 | 414 | 415 | 416 | 417 | 418 | 421 | 422 | 423 | 424 | 425 | 426 | 428 | 429 | 431 | 451;
/** Server error status codes. */
export type Status5XX = 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510 | 511;
/** Every status code a handler may answer (what a contract's `default` response stands for, less the declared ones). */
export type HttpStatus = Status1XX | Status2XX | Status3XX | Status4XX | Status5XX;

/** Response headers a handler sets besides the declared ones. */
export type ExtraHeaders = { [name: string]: HeaderValue | undefined };
