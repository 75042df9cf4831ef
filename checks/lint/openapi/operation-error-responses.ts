/**
 * `operation-error-responses`: every operation documents how it fails: a 4xx
 * and a 5xx response, 404 where the path names something that may not exist,
 * 400 where the client sends a body.
 */
import type { RedoclyRule } from '../rule.js';
import { report } from '../redocly/report.js';
import { operationVisitor } from './support/operations.js';
import { describe, hasPathParameter } from './support/http.js';

/** True when some documented code covers `code` (`404` is covered by `404` and `4XX`). */
function covers(codes: readonly string[], code: string): boolean {
  return codes.some((c) => c === code || c.toUpperCase() === `${code[0]}XX`);
}

/** The rule definition. */
export const operationErrorResponses: RedoclyRule = {
  id: 'operation-error-responses',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'Operations document 4xx and 5xx responses; paths with parameters document 404; operations with a body document 400.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      defaultCoversClasses: { type: 'boolean', description: 'A `default` response counts as the 4xx and 5xx response.' },
      bodyErrorStatuses: { type: 'array', items: { type: 'string' }, description: 'Statuses that document a rejected body (any one is enough).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { defaultCoversClasses: true, bodyErrorStatuses: ['400'] },
  visitor(options) {
    const bodyStatuses = options.bodyErrorStatuses as string[];
    return operationVisitor((op) => {
      if (op.responses.length === 0) return; // a missing `responses` is a structural error Redocly reports
      const codes = op.responses.map((r) => r.code);
      const hasDefault = options.defaultCoversClasses !== false && codes.includes('default');
      const missing: { what: string; why: string }[] = [];
      if (!hasDefault && !codes.some((c) => c.startsWith('4')))
        missing.push({ what: 'no 4xx response', why: 'clients cannot tell which mistakes are theirs' });
      if (!hasDefault && !codes.some((c) => c.startsWith('5')))
        missing.push({ what: 'no 5xx response', why: 'clients cannot tell which failures are worth a retry' });
      if (hasPathParameter(op.path) && !covers(codes, '404'))
        missing.push({ what: 'no 404 response', why: 'the path names something that may not exist' });
      if (op.requestBody && !bodyStatuses.some((s) => covers(codes, s)))
        missing.push({ what: `no ${bodyStatuses.join('/')} response`, why: 'the request has a body that can be invalid' });
      const where = op.location.child(['responses']).key();
      for (const m of missing) {
        report(op.ctx, {
          message: `${describe(op)} documents ${m.what}: ${m.why}.`,
          hint: 'Document the error responses (with a problem-details body, `application/problem+json`); shared ones can be `$ref`s to `components/responses`.',
          location: where,
        });
      }
    });
  },
};
