/**
 * `pagination-limit-bounded`: the page-size parameter has a maximum and a
 * default, so a client cannot ask for every row at once and one that says
 * nothing gets a predictable page.
 */
import { defineRule } from '../define-rule.js';
import { createOnceReporter } from '../redocly/report.js';
import { operationVisitor, resolveAt } from './support/operations.js';
import { describe } from './support/http.js';
import { PAGE_SIZE_PARAMS } from '../../../contracts/openapi/pagination.js';
import { queryParams } from './support/pagination.js';

/** The rule definition. */
export const paginationLimitBounded = defineRule({
  id: 'pagination-limit-bounded',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'The page-size query parameter (`limit`) declares a `maximum` and a `default`.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: { limitParams: { type: 'array', items: { type: 'string' }, description: 'Names of page-size query parameters.' } },
    additionalProperties: false,
  } as const,
  defaultOptions: { limitParams: [...PAGE_SIZE_PARAMS] },
  visitor(options) {
    const once = createOnceReporter();
    return operationVisitor((op) => {
      for (const param of queryParams(op, options.limitParams)) {
        // OpenAPI 3 keeps constraints in `schema`; OpenAPI 2 on the parameter itself.
        const schema = param.node.schema !== undefined ? resolveAt(op.ctx, param.node.schema, param.location.child(['schema']))?.node ?? {} : param.node;
        const missing = [schema.maximum === undefined && 'maximum', schema.default === undefined && 'default'].filter(Boolean) as string[];
        if (missing.length === 0) continue;
        once(op.ctx, {
          message: `Page-size parameter \`${param.name}\` of ${describe(op)} has no ${missing.join(' and no ')}.`,
          hint: `Declare \`minimum: 1\`, a \`maximum\` (e.g. 100) and a \`default\` (e.g. 20) in its schema: without a maximum a client can ask for every row in one response; without a default each server picks its own.`,
          location: param.location,
        });
      }
    });
  },
});
