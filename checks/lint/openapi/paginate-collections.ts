/**
 * `paginate-collections`: a GET that returns a collection (an array at the top
 * or under `data`/`items`) is paginated, so one request never has to carry
 * every row the service holds.
 */
import type { RedoclyRule } from '../rule.js';
import { report } from '../redocly/report.js';
import { operationVisitor } from './support/operations.js';
import { collectionShape, isJsonMediaType, responseBodies } from './support/schemas.js';
import { describe, primarySuccess } from './support/http.js';
import { PAGINATION_PARAMS, hasLinkHeader, queryParams } from './support/pagination.js';

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
  defaultOptions: { collectionFields: ['data', 'items'], paginationParams: PAGINATION_PARAMS, boundedMaxItems: 100 },
  visitor(options) {
    const fields = options.collectionFields as string[];
    const params = options.paginationParams as string[];
    const bound = options.boundedMaxItems as number;
    return operationVisitor((op) => {
      if (op.method !== 'get') return;
      const success = primarySuccess(op);
      if (!success || queryParams(op, params).length > 0 || hasLinkHeader(success)) return;
      const produces = (op.operation?.produces ?? op.root?.produces) as string[] | undefined;
      for (const body of responseBodies(op.ctx, success, produces)) {
        if (!isJsonMediaType(body.mediaType)) continue;
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
