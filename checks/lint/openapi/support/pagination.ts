/**
 * Pagination helpers of the pagination rules, over Redocly's operation info.
 * The vocabulary itself (which parameters page, in which role) is the model's:
 * contracts/openapi/pagination.ts, which the REST client reads too.
 */
import { CURSOR_FIELDS, OFFSET_PARAMS, PAGE_PARAMS, PAGE_SIZE_PARAMS, RANGE_PARAMS, isCursorParam } from '../../../../contracts/openapi/pagination.js';
import { declaresHeader } from './http.js';
import type { OperationInfo, ParameterInfo } from './operations.js';

/** Query parameters that show an operation is paginated, whatever the style (any other cursor-named parameter counts too). */
export const PAGINATION_PARAMS: string[] = ['cursor', 'pageToken', 'page_token', ...PAGE_PARAMS, ...OFFSET_PARAMS, ...PAGE_SIZE_PARAMS, ...RANGE_PARAMS];

export { CURSOR_FIELDS, isCursorParam };

/** Query parameters of the operation whose names are in `names` (case-sensitive: APIs spell them exactly). */
export function queryParams(op: OperationInfo, names: readonly string[]): ParameterInfo[] {
  const wanted = new Set(names);
  return op.parameters.filter((p) => p.in === 'query' && wanted.has(p.name));
}

/** The first query parameter the shared vocabulary calls a cursor (`cursor`, `pageToken`, `*_token`), as the generated client pages with it. */
export function cursorQueryParam(op: OperationInfo): ParameterInfo | undefined {
  return op.parameters.find((p) => p.in === 'query' && isCursorParam(p.name));
}

/** True when a response declares a `Link` header (RFC 8288 `rel="next"` pagination, as GitHub does). */
export function hasLinkHeader(response: { node: any } | undefined): boolean {
  return declaresHeader(response, 'link');
}
