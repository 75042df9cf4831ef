/**
 * `paginate-collections`: a GET that returns a collection (an array at the top
 * or under `data`/`items`) is paginated, so one request never has to carry
 * every row the service holds; and a paginated GET answers with something
 * that can say where the next page is: not a bare array, unless a `Link`
 * header carries it.
 */
import type { RedoclyRule } from '../rule.js';
import { report } from '../redocly/report.js';
import { operationVisitor } from './support/operations.js';
import { COLLECTION_FIELDS, collectionShape, isArraySchema, isJsonMediaType, responseBodies } from './support/schemas.js';
import { describe, primarySuccess } from './support/http.js';
import { pagingRole } from '../../../contracts/openapi/pagination.js';
import { PAGINATION_PARAMS, cursorQueryParam, hasLinkHeader, queryParams } from './support/pagination.js';

/** The rule definition. */
export const paginateCollections: RedoclyRule = {
  id: 'paginate-collections',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'A GET that returns a collection (array at the top or under `data`/`items`) takes pagination parameters.',
  defaultSeverity: 'warning',
  presets: ['minimal', 'recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      collectionFields: { type: 'array', items: { type: 'string' }, description: 'Properties that hold the items of a wrapped collection.' },
      paginationParams: { type: 'array', items: { type: 'string' }, description: 'Query parameters that count as pagination.' },
      boundedMaxItems: { type: 'integer', minimum: 0, description: 'An array with `maxItems` at most this is a bounded list, not a collection.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { collectionFields: COLLECTION_FIELDS, paginationParams: PAGINATION_PARAMS, boundedMaxItems: 100 },
  visitor(options) {
    const fields = options.collectionFields as string[];
    const params = options.paginationParams as string[];
    const bound = options.boundedMaxItems as number;
    return operationVisitor((op) => {
      if (op.method !== 'get') return;
      const success = primarySuccess(op);
      // a Link header (RFC 8288 rel="next") pages any body, a bare array included
      if (!success || hasLinkHeader(success)) return;
      const named = queryParams(op, params);
      const cursorParam = cursorQueryParam(op);
      // a cursor parameter pages whatever its name (the generated client pages with it)
      const paging = cursorParam && !named.includes(cursorParam) ? [...named, cursorParam] : named;
      const produces = (op.operation?.produces ?? op.root?.produces) as string[] | undefined;
      for (const body of responseBodies(op.ctx, success, produces)) {
        if (!isJsonMediaType(body.mediaType)) continue;
        if (paging.length > 0) {
          if (!isArraySchema(body.schema)) continue;
          const cursor = paging.find((p) => { const role = pagingRole(p.name); return role === 'cursor' || role === 'range' || role === undefined; });
          const why = cursor ? 'there is nowhere to put the next cursor' : 'a page cannot say whether another follows';
          report(op.ctx, {
            message: `${describe(op)} is paginated (\`${(cursor ?? paging[0]!).name}\`) but its ${success.code} response is a bare array: ${why}.`,
            hint: 'Return an object, `{ data: [...], nextCursor, hasMore }`, or declare the `Link` header (RFC 8288, `rel="next"`) that carries the next page on the response.',
            location: body.mediaLocation,
          });
          return;
        }
        const shape = collectionShape(op.ctx, body.schema, fields, bound);
        if (!shape) continue;
        const where = shape.kind === 'array' ? 'an array' : `an array under \`${shape.field}\``;
        report(op.ctx, {
          message: `${describe(op)} returns a collection (${where}) but takes no pagination parameters.`,
          hint: 'Add `cursor` and `limit` query parameters and return `{ data, nextCursor, hasMore }`, so responses stay small as the collection grows. A list that is small by nature can declare `maxItems` instead.',
          location: op.location.key(),
        });
        return;
      }
    });
  },
};
