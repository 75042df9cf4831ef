/**
 * The final result of a 202-and-poll operation: what the status URL answers
 * once the work is done. Found, in this order, from the 202 response's
 * `links` (an `operationId` or `operationRef` naming the status operation),
 * from a GET operation one path parameter below the 202 operation's path
 * (`POST /orders/{id}/exports` → `GET /orders/{id}/exports/{exportId}`), or
 * from the 202 body itself when it is a status resource (it has a `status`).
 */
import type { HttpMediaType, HttpOperation, JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { pickResponseMedia } from './media-types.js';
import { pointerParts, type SchemaTypes } from './schema-types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function successMedia(op: HttpOperation): HttpMediaType | undefined {
  const ok = op.responses.find((r) => /^2/.test(r.status) && r.status !== '202' && r.content.length > 0);
  return ok ? pickResponseMedia(ok.content) : undefined;
}

function linkedOperation(contract: OpenApiContract, op: HttpOperation): HttpOperation | undefined {
  const paths = contract.document.paths;
  const item = isObj(paths) ? paths[op.path] : undefined;
  const operation = isObj(item) ? item[op.method] : undefined;
  const responses = isObj(operation) ? operation.responses : undefined;
  const accepted = isObj(responses) ? responses['202'] : undefined;
  const links = isObj(accepted) && isObj(accepted.links) ? Object.values(accepted.links) : [];
  for (const link of links) {
    if (!isObj(link)) continue;
    if (typeof link.operationId === 'string') {
      const target = contract.operations.find((o) => o.operationId === link.operationId);
      if (target) return target;
    }
    if (typeof link.operationRef === 'string' && link.operationRef.startsWith('#/paths/')) {
      const [, path, method] = pointerParts(link.operationRef);
      const target = contract.operations.find((o) => o.path === path && o.method === method);
      if (target) return target;
    }
  }
  return undefined;
}

function childGet(contract: OpenApiContract, op: HttpOperation): HttpOperation | undefined {
  const prefix = op.path.replace(/\/+$/, '');
  return contract.operations.find((o) => o.method === 'get' && o !== op && new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\{[^}/]+\\}$`).test(o.path));
}

/** The schema of the final status body of `op` (a 202 operation), if the contract tells it. */
export function finalStatusSchema(contract: OpenApiContract, op: HttpOperation, schemas: SchemaTypes): JsonSchema | undefined {
  const status = linkedOperation(contract, op) ?? childGet(contract, op);
  const media = status ? successMedia(status) : undefined;
  if (media?.schema !== undefined) return media.schema;
  // the 202 body is itself the status resource: polling returns more of the same
  const accepted = op.responses.find((r) => r.status === '202');
  const body = accepted ? pickResponseMedia(accepted.content) : undefined;
  const resolved = schemas.deref(body?.schema);
  if (isObj(resolved) && isObj(resolved.properties) && 'status' in resolved.properties) return body!.schema;
  return undefined;
}
