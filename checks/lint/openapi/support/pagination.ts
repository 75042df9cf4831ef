/**
 * Pagination vocabulary shared by the pagination rules.
 */
import { declaresHeader } from './http.js';
import type { OperationInfo, ParameterInfo } from './operations.js';

/** Query parameters that show an operation is paginated, whatever the style. */
export const PAGINATION_PARAMS = [
  'cursor', 'limit', 'page', 'offset', 'pageSize', 'page_size', 'per_page', 'perPage', 'pageToken', 'page_token',
  'after', 'before', 'starting_after', 'ending_before', 'skip', 'top', '$top', '$skip', 'first', 'last',
];

/** Offset-style parameters: their pages shift when rows are inserted or deleted. */
export const OFFSET_PARAMS = ['page', 'offset', 'pageSize', 'page_size', 'per_page', 'perPage', 'pageNumber', 'page_number', 'skip', '$skip'];

/** Page-size parameters that must be bounded. */
export const PAGE_SIZE_PARAMS = ['limit', 'pageSize', 'page_size', 'per_page', 'perPage', 'top', '$top', 'maxResults', 'max_results'];

/** Query parameters of the operation whose names are in `names` (case-sensitive: APIs spell them exactly). */
export function queryParams(op: OperationInfo, names: readonly string[]): ParameterInfo[] {
  const wanted = new Set(names);
  return op.parameters.filter((p) => p.in === 'query' && wanted.has(p.name));
}

/** True when a response declares a `Link` header (RFC 8288 `rel="next"` pagination, as GitHub does). */
export function hasLinkHeader(response: { node: any } | undefined): boolean {
  return declaresHeader(response, 'link');
}
