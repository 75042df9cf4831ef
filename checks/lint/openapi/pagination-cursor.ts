/**
 * `pagination-cursor`: pagination is cursor-based (`cursor` + `limit` in the
 * query, `nextCursor` + `hasMore` in the response). Offset pagination
 * (`page`, `offset`, `pageSize`) is flagged: when rows are inserted or
 * deleted between two requests, the pages shift and clients skip or repeat items.
 */
import { defineRule } from '../define-rule.js';
import { createOnceReporter } from '../redocly/report.js';
import { operationVisitor } from './support/operations.js';
import { isArraySchema, findProperty, isJsonMediaType, responseBodies, schemaProperties } from './support/schemas.js';
import { describe, primarySuccess } from './support/http.js';
import { POSITION_PARAMS } from '../../../contracts/openapi/pagination.js';
import { cursorQueryParam, queryParams } from './support/pagination.js';

/** The rule's options: names of the cursor, the page size and the response fields, and the flagged offset parameters. */
const optionsSchema = {
  type: 'object',
  properties: {
    cursorParam: { type: 'string' },
    limitParam: { type: 'string' },
    nextCursorField: { type: 'string' },
    hasMoreField: { type: 'string' },
    offsetParams: { type: 'array', items: { type: 'string' }, description: 'Query parameters of offset pagination, flagged.' },
  },
  additionalProperties: false,
} as const;

/** The rule definition. */
export const paginationCursor = defineRule({
  id: 'pagination-cursor',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'Paginated operations use a cursor (`cursor` + `limit`, answered with `nextCursor` + `hasMore`), not page numbers or offsets.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema,
  defaultOptions: { cursorParam: 'cursor', limitParam: 'limit', nextCursorField: 'nextCursor', hasMoreField: 'hasMore', offsetParams: [...POSITION_PARAMS] },
  visitor(options) {
    const { cursorParam: cursorName, limitParam: limitName, nextCursorField: nextField, hasMoreField } = options;
    const once = createOnceReporter();
    return operationVisitor((op) => {
      // the configured name, else any parameter the shared vocabulary calls a cursor: the generated client pages with it
      const cursor = queryParams(op, [cursorName])[0] ?? cursorQueryParam(op);
      const [limit] = queryParams(op, [limitName]);
      const offsets = queryParams(op, options.offsetParams);
      for (const param of offsets) {
        once(op.ctx, {
          message: `Query parameter \`${param.name}\` of ${describe(op)} paginates by position: when items are inserted or deleted between requests, results shift and clients skip or repeat items.`,
          hint: `Use cursor pagination: \`${cursorName}\` (an opaque position taken from the previous page's \`${nextField}\`) and \`${limitName}\`, answered with \`${nextField}\` and \`${hasMoreField}\`.`,
          location: param.location,
        });
      }
      if (!cursor && limit && offsets.length === 0) {
        once(op.ctx, {
          message: `${describe(op)} takes \`${limitName}\` but no \`${cursorName}\`, so a client cannot ask for the page after the first.`,
          hint: `Add a \`${cursorName}\` query parameter and return \`${nextField}\` and \`${hasMoreField}\` in the response.`,
          location: limit.location,
          topic: 'no-cursor',
        });
      }
      if (!cursor) return;
      if (!limit) {
        once(op.ctx, {
          message: `${describe(op)} takes \`${cursor.name}\` but no \`${limitName}\`, so clients cannot choose a page size.`,
          hint: `Add a \`${limitName}\` query parameter with a \`maximum\` and a \`default\`.`,
          location: cursor.location,
          topic: 'no-limit',
        });
      }
      const success = primarySuccess(op);
      if (!success) return;
      const body = responseBodies(op.ctx, success).find((b) => isJsonMediaType(b.mediaType) && b.schema);
      if (!body?.schema) return;
      // a bare array has no room for the fields: paginate-collections reports it (in every preset, Link headers considered)
      if (isArraySchema(body.schema)) return;
      const properties = schemaProperties(op.ctx, body.schema);
      const missing = [nextField, hasMoreField].filter((f) => !findProperty(op.ctx, properties, f));
      if (missing.length === 0) return;
      once(op.ctx, {
        message: `${describe(op)} is cursor-paginated but its ${success.code} response has no ${missing.map((m) => `\`${m}\``).join(' and no ')}.`,
        hint: `Add ${missing.map((m) => `\`${m}\``).join(' and ')} to the response body: \`${nextField}\` is the cursor for the next request, \`${hasMoreField}\` tells the client when to stop.`,
        location: success.codeLocation,
        topic: 'fields',
      });
    });
  },
});
