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

/** True when a response declares the header `name` (case-insensitive), OpenAPI 3 or 2. */
export function declaresHeader(response: { node: any } | undefined, name: string): boolean {
  const headers = response?.node?.headers;
  const lower = name.toLowerCase();
  return !!headers && typeof headers === 'object' && Object.keys(headers).some((h) => h.toLowerCase() === lower);
}
