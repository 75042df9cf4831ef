/**
 * When a POST creates a resource, read from what the contract says rather
 * than from how its path is spelled. Shared by `operation-success-status`
 * (a create answers 201 or 202) and `idempotency-key` (a create takes a key).
 */
import type { OperationInfo } from './operations.js';
import { resolveAt } from './operations.js';
import { declaresHeader, isParamSegment, isPlural, pathSegments, primarySuccess, successResponses } from './http.js';
import { COLLECTION_FIELDS, collectionShape, isJsonMediaType, responseBodies, schemaProperties } from './schemas.js';

/**
 * True when a POST creates a resource:
 * - it answers 201, or a success response declares `Location` (where the new resource is);
 * - it is sent to a collection: an item path (`/orders/{id}`) exists beside it,
 *   a GET on the same path lists a collection, or its last segment is a plural noun;
 * - it answers with a resource that has an `id`, and is not an action on an
 *   item (`/orders/{orderId}/cancel` returns the order it changed).
 * A POST to an item path (`/orders/{orderId}`) or `/{id}:verb` creates only by 201 or `Location`.
 */
export function isCreatingPost(op: OperationInfo): boolean {
  if (op.method !== 'post') return false;
  const success = successResponses(op);
  if (success.some((r) => r.code === '201' || declaresHeader(r, 'location'))) return true;
  const segments = pathSegments(op.path);
  const last = segments[segments.length - 1];
  if (!last || isParamSegment(last)) return false;
  const prefix = op.path.replace(/\/+$/, '') + '/{';
  for (const p of op.allPaths) if (p.startsWith(prefix) && pathSegments(p).length === segments.length + 1) return true;
  if (isPlural(last) || siblingGetListsCollection(op)) return true;
  const onItem = segments.length > 1 && isParamSegment(segments[segments.length - 2]!);
  return !onItem && answersWithIdentity(op);
}

/** The JSON bodies of a response of `op` (OpenAPI 2 `produces` considered). */
function jsonBodies(op: OperationInfo, response: Parameters<typeof responseBodies>[1]) {
  const produces = (op.operation?.produces ?? op.root?.produces) as string[] | undefined;
  return responseBodies(op.ctx, response, produces).filter((b) => isJsonMediaType(b.mediaType));
}

/** True when the GET beside the POST (same path) answers with a collection: the POST adds to it. */
function siblingGetListsCollection(op: OperationInfo): boolean {
  const get = op.pathItem.node?.get;
  const responses = get?.responses;
  if (!responses || typeof responses !== 'object') return false;
  const codes = Object.keys(responses).filter((c) => /^2/.test(c));
  const code = codes.includes('200') ? '200' : codes[0];
  if (!code) return false;
  const codeLocation = op.pathItem.location.child(['get', 'responses', code]);
  const response = resolveAt(op.ctx, responses[code], codeLocation);
  if (!response) return false;
  // every listing counts here, however small its maxItems
  return jsonBodies(op, { ...response, code, codeLocation: codeLocation.key() }).some((b) => collectionShape(op.ctx, b.schema, COLLECTION_FIELDS, -1) !== undefined);
}

/** True when the POST's success body is an object with an `id`: the resource it made. */
function answersWithIdentity(op: OperationInfo): boolean {
  const success = primarySuccess(op);
  return !!success && jsonBodies(op, success).some((b) => schemaProperties(op.ctx, b.schema).has('id'));
}
