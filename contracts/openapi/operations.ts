/**
 * HTTP operations of the model, from the bundled document: OpenAPI 3.x and
 * Swagger 2.0 (whose body/formData parameters become a request body and whose
 * response `schema` becomes content per `produces` media type).
 */
import type { HttpMethod, HttpOperation, HttpParameter, HttpRequestBody } from '../model/types.js';
import { toPointer } from '../source/positions.js';
import { isObject, type Locator } from './locator.js';
import { detectPagination, pagingParams } from './pagination.js';
import { idempotencyKeyOf } from './idempotency.js';
import { contentOf, parameterSchema, responsesOf, v2Content } from './parts.js';

/** The methods a path item can hold, in the order the model lists them. */
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** What operation normalization needs besides the locator. */
export interface OperationContext {
  loc: Locator;
  /** Swagger 2.0 document. */
  v2: boolean;
}

/** Every operation under `paths`, in document order. */
export function normalizeOperations(ctx: OperationContext): HttpOperation[] {
  const root = ctx.loc.root;
  const paths = isObject(root.paths) ? root.paths : {};
  const operations: HttpOperation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = ctx.loc.deref(rawItem, toPointer(['paths', path]));
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const op = item.node[method];
      if (!isObject(op)) continue;
      operations.push(normalizeOperation(ctx, path, method, op, `${item.pointer}/${method}`, item.node, item.pointer));
    }
  }
  return operations;
}

function normalizeOperation(
  ctx: OperationContext,
  path: string,
  method: HttpMethod,
  op: Record<string, unknown>,
  pointer: string,
  item: Record<string, unknown>,
  itemPointer: string,
): HttpOperation {
  const root = ctx.loc.root;
  const raw = [...rawParameters(ctx, item.parameters, `${itemPointer}/parameters`), ...rawParameters(ctx, op.parameters, `${pointer}/parameters`)];
  // Later (operation-level) entries replace earlier (path-level) ones with the same name and location.
  const byKey = new Map<string, RawParameter>();
  for (const p of raw) byKey.set(`${p.node.in}:${p.node.name}`, p);
  const merged = [...byKey.values()];
  const parameters: HttpParameter[] = merged
    .filter((p) => ['path', 'query', 'header', 'cookie'].includes(String(p.node.in)))
    .map((p) => ({
      name: String(p.node.name),
      in: p.node.in as HttpParameter['in'],
      required: p.node.required === true || p.node.in === 'path',
      deprecated: p.node.deprecated === true,
      ...(typeof p.node.description === 'string' ? { description: p.node.description } : {}),
      ...optionalSchema(parameterSchema(p.node, ctx.v2)),
      location: p.location,
    }));
  const requestBody = ctx.v2 ? v2RequestBody(ctx, op, merged) : v3RequestBody(ctx, op.requestBody, `${pointer}/requestBody`);
  const responses = responsesOf(ctx.loc, op, `${pointer}/responses`, ctx.v2 ? producesOf(root, op) : undefined);
  const security = Array.isArray(op.security) ? op.security : Array.isArray(root.security) ? root.security : [];
  const extensions = Object.fromEntries(Object.entries(op).filter(([key]) => key.startsWith('x-')));
  const pagination = detectPagination(parameters, responses, ctx.loc.derefSchema);
  const idempotencyKey = idempotencyKeyOf(parameters);
  return {
    ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
    method,
    path,
    ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
    ...(typeof op.description === 'string' ? { description: op.description } : {}),
    tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
    deprecated: op.deprecated === true,
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
    security: security as Record<string, string[]>[],
    pagination,
    paging: pagingParams(parameters, pagination),
    async: responses.some((r) => r.status === '202'),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    extensions,
    location: ctx.loc.locate(op, pointer),
  };
}

interface RawParameter {
  node: Record<string, unknown>;
  location: HttpParameter['location'];
}

function rawParameters(ctx: OperationContext, list: unknown, pointer: string): RawParameter[] {
  if (!Array.isArray(list)) return [];
  const out: RawParameter[] = [];
  list.forEach((entry, i) => {
    const hit = ctx.loc.deref(entry, `${pointer}/${i}`);
    if (hit && typeof hit.node.name === 'string') out.push({ node: hit.node, location: hit.location });
  });
  return out;
}

function v3RequestBody(ctx: OperationContext, raw: unknown, pointer: string): HttpRequestBody | undefined {
  if (raw === undefined) return undefined;
  const hit = ctx.loc.deref(raw, pointer);
  if (!hit) return undefined;
  return {
    required: hit.node.required === true,
    ...(typeof hit.node.description === 'string' ? { description: hit.node.description } : {}),
    content: contentOf(ctx.loc, hit.node.content, `${hit.pointer}/content`),
    location: hit.location,
  };
}

/** Swagger 2.0: an `in: body` parameter, or the `formData` parameters as one form body. */
function v2RequestBody(ctx: OperationContext, op: Record<string, unknown>, params: RawParameter[]): HttpRequestBody | undefined {
  const consumes = consumesOf(ctx.loc.root, op);
  const body = params.find((p) => p.node.in === 'body');
  if (body) {
    return {
      required: body.node.required === true,
      ...(typeof body.node.description === 'string' ? { description: body.node.description } : {}),
      content: v2Content(consumes, body.node.schema, body.location),
      location: body.location,
    };
  }
  const form = params.filter((p) => p.node.in === 'formData');
  if (!form.length) return undefined;
  const multipart = consumes.includes('multipart/form-data') || form.some((p) => p.node.type === 'file');
  const schema = {
    type: 'object',
    properties: Object.fromEntries(form.map((p) => [String(p.node.name), parameterSchema(p.node, true) ?? {}])),
    required: form.filter((p) => p.node.required === true).map((p) => String(p.node.name)),
  };
  const mediaType = multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
  return {
    required: form.some((p) => p.node.required === true),
    content: v2Content([mediaType], schema, form[0]!.location),
    location: form[0]!.location,
  };
}

function consumesOf(root: Record<string, unknown>, op: Record<string, unknown>): string[] {
  const list = Array.isArray(op.consumes) ? op.consumes : Array.isArray(root.consumes) ? root.consumes : ['application/json'];
  return list.map(String);
}

function producesOf(root: Record<string, unknown>, op: Record<string, unknown>): string[] {
  const list = Array.isArray(op.produces) ? op.produces : Array.isArray(root.produces) ? root.produces : ['application/json'];
  return list.map(String);
}

function optionalSchema(schema: HttpParameter['schema']): { schema?: HttpParameter['schema'] } {
  return schema === undefined ? {} : { schema };
}
