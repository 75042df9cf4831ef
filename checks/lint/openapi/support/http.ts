/**
 * HTTP and path helpers shared by the OpenAPI rules.
 */
// the pluralize package directly: importing it through openapi-core loads all of Redocly
import pluralize from 'pluralize';
import type { OperationInfo, ParameterInfo, ResponseInfo } from './operations.js';

/** `{orderId}` (a whole-segment path parameter). */
export function isParamSegment(segment: string): boolean {
  return segment.includes('{');
}

/** Non-empty segments of a path template. */
export function pathSegments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** True when a path names one item (`/orders/{orderId}`): its last segment is a parameter. */
export function isItemPath(path: string): boolean {
  const segments = pathSegments(path);
  return segments.length > 0 && isParamSegment(segments[segments.length - 1]!);
}

/** True when the path has any path parameter (a request can name something that does not exist). */
export function hasPathParameter(path: string): boolean {
  return path.includes('{');
}

/** True when a word is plural (or uncountable): pluralizing it changes nothing. Checks the last word of `line-items`. */
export function isPlural(segment: string): boolean {
  const words = segment.split(/[-_.]|(?=[A-Z])/).filter(Boolean);
  const last = (words[words.length - 1] ?? segment).toLowerCase();
  return pluralize(last) === last;
}

/**
 * True when a POST creates a resource: it answers 201, or it is sent to a
 * collection (`POST /orders`: the last segment is a plural noun, or an item
 * path `/orders/{id}` exists beside it).
 */
export function isCreatingPost(op: OperationInfo): boolean {
  if (op.method !== 'post') return false;
  if (op.responses.some((r) => r.code === '201')) return true;
  const segments = pathSegments(op.path);
  const last = segments[segments.length - 1];
  if (!last || isParamSegment(last)) return false;
  const prefix = op.path.replace(/\/+$/, '') + '/{';
  for (const p of op.allPaths) if (p.startsWith(prefix) && pathSegments(p).length === segments.length + 1) return true;
  return isPlural(last);
}

/** Success responses (`2xx`, `2XX`). */
export function successResponses(op: OperationInfo): ResponseInfo[] {
  return op.responses.filter((r) => /^2/.test(r.code));
}

/** The response a client reads on success: 200, else the first 2xx. */
export function primarySuccess(op: OperationInfo): ResponseInfo | undefined {
  const ok = successResponses(op);
  return ok.find((r) => r.code === '200') ?? ok[0];
}

/** A parameter by name (case-insensitive) and location. */
export function findParameter(op: OperationInfo, name: string, where: string): ParameterInfo | undefined {
  const lower = name.toLowerCase();
  return op.parameters.find((p) => p.in === where && p.name.toLowerCase() === lower);
}

/** `GET /orders/{orderId}` for messages. */
export function describe(op: OperationInfo): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}
