/**
 * The view of one HTTP operation that the client emitter prints: names,
 * parameters by location, the request body encoding, success and error types,
 * and the operation's kind (plain, paginated, 202-and-poll, server-sent events).
 */
import type { HttpMediaType, HttpOperation, HttpParameter, JsonSchema } from '../../contracts/model/types.js';
import type { BodyEncodingName } from './media-types.js';
import { bodyEncoding, pickRequestMedia, pickResponseMedia } from './media-types.js';
import type { ComponentTypes } from '../core/schema-ts/declare-components.js';

/** Parameters of one location, as the `Args` type's member. */
export interface ParamGroup {
  key: 'path' | 'query' | 'headers' | 'cookies';
  params: HttpParameter[];
  required: boolean;
}

/** What the emitter needs to know about one operation. */
export interface OperationView {
  op: HttpOperation;
  groups: ParamGroup[];
  body?: { media: HttpMediaType; encoding: BodyEncodingName; required: boolean };
  /** Success responses' media (undefined: no body). */
  success: (HttpMediaType | undefined)[];
  errors: (HttpMediaType | undefined)[];
  /** The declared idempotency header (`Idempotency-Key`), if any. */
  idempotencyHeader?: string;
  kind: 'plain' | 'accepted' | 'sse';
  /** Cursor/Link/offset/page pagination: the query parameters that steer it (if any), where the items are and their schema. */
  pagination?: { cursorParam?: string; offsetParam?: string; pageParam?: string; limitParam?: string; itemsKey?: string; itemSchema: JsonSchema | undefined };
}

const GROUPS: [HttpParameter['in'], ParamGroup['key']][] = [
  ['path', 'path'],
  ['query', 'query'],
  ['header', 'headers'],
  ['cookie', 'cookies'],
];

/** Builds the view of `op`. */
export function operationView(op: HttpOperation, schemas: ComponentTypes): OperationView {
  const idem = op.idempotencyKey;
  const groups: ParamGroup[] = [];
  for (const [loc, key] of GROUPS) {
    // the runtime fills in the idempotency key, so it is never required of the caller
    const params = op.parameters.filter((p) => p.in === loc).map((p) => (idem && p.in === 'header' && p.name === idem.name ? { ...p, required: false } : p));
    if (params.length) groups.push({ key, params, required: params.some((p) => p.required) });
  }
  let body: OperationView['body'];
  if (op.requestBody) {
    const media = pickRequestMedia(op.requestBody.content);
    if (media) body = { media, encoding: bodyEncoding(media.mediaType), required: op.requestBody.required };
  }
  const isSuccess = (s: string) => /^2/.test(s);
  const isError = (s: string) => /^[45]/.test(s) || s === 'default';
  const success = op.responses.filter((r) => isSuccess(r.status)).map((r) => pickResponseMedia(r.content));
  const errors = op.responses.filter((r) => isError(r.status)).map((r) => pickResponseMedia(r.content));
  const sse = success.some((m) => m?.mediaType.toLowerCase() === 'text/event-stream');
  const kind = sse ? 'sse' : op.responses.some((r) => r.status === '202') ? 'accepted' : 'plain';
  const view: OperationView = { op, groups, success, errors, kind };
  if (body) view.body = body;
  if (idem) view.idempotencyHeader = idem.name;
  if (kind === 'plain' && op.method === 'get' && op.pagination !== 'none') {
    const pg = paginationOf(op, success, schemas);
    if (pg) view.pagination = pg;
  }
  return view;
}

function paginationOf(op: HttpOperation, success: (HttpMediaType | undefined)[], schemas: ComponentTypes): OperationView['pagination'] {
  // the steering parameters come from the model (contracts/openapi/pagination.ts), as lint sees them
  const { cursorParam, offsetParam, pageParam, limitParam } = op.paging;
  if (op.pagination === 'cursor' && !cursorParam) return undefined;
  const steer: NonNullable<OperationView['pagination']> = { itemSchema: undefined };
  if (cursorParam) steer.cursorParam = cursorParam;
  if (offsetParam) steer.offsetParam = offsetParam;
  if (pageParam) steer.pageParam = pageParam;
  if (limitParam && (offsetParam || pageParam)) steer.limitParam = limitParam;
  const media = success.find((m) => m?.schema !== undefined);
  const body = schemas.deref(media?.schema);
  if (typeof body !== 'object') return undefined;
  if (body.type === 'array' || body.items !== undefined) return { ...steer, itemSchema: body.items as JsonSchema | undefined };
  const props = (body.properties ?? {}) as Record<string, JsonSchema>;
  const preferred = ['data', 'items', 'results'].find((k) => k in props);
  const key = preferred ?? Object.keys(props).find((k) => {
    const p = schemas.deref(props[k]);
    return typeof p === 'object' && p.type === 'array';
  });
  if (key === undefined) return undefined;
  const items = schemas.deref(props[key]);
  return { ...steer, itemsKey: key, itemSchema: typeof items === 'object' ? (items.items as JsonSchema | undefined) : undefined };
}
