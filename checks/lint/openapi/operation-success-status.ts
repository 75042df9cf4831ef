/**
 * `operation-success-status`: the success status says what happened: a POST
 * that creates answers 201 (or 202 when it finishes later), DELETE 204 or 200,
 * GET 200, PUT/PATCH 200 or 204.
 */
import type { RedoclyRule } from '../rule.js';
import { report } from '../redocly/report.js';
import { operationVisitor, type OperationInfo } from './support/operations.js';
import { describe, successResponses } from './support/http.js';
import { isCreatingPost } from './support/creating-post.js';

/** Allowed success codes per method (202 is the asynchronous variant, see `async-accepted-status`). */
export const EXPECTED_SUCCESS: Record<string, string[]> = {
  get: ['200', '206', '304'],
  put: ['200', '201', '202', '204'],
  patch: ['200', '202', '204'],
  delete: ['200', '202', '204'],
  'post-create': ['201', '202'],
};

function expectedFor(op: OperationInfo): { key: string; codes: string[] } | undefined {
  if (op.method === 'post') return isCreatingPost(op) ? { key: 'post-create', codes: EXPECTED_SUCCESS['post-create']! } : undefined;
  const codes = EXPECTED_SUCCESS[op.method];
  return codes ? { key: op.method, codes } : undefined;
}

const ADVICE: Record<string, string> = {
  get: 'A GET answers `200 OK` with the resource.',
  put: 'A PUT answers `200 OK` with the stored resource, or `204 No Content`; `201` when it created the resource.',
  patch: 'A PATCH answers `200 OK` with the updated resource, or `204 No Content`.',
  delete: 'A DELETE answers `204 No Content` (or `200 OK` with a body).',
  'post-create': 'A POST that creates answers `201 Created` with a `Location` header, or `202 Accepted` with a status URL when the work finishes later.',
};

/** The rule definition. */
export const operationSuccessStatus: RedoclyRule = {
  id: 'operation-success-status',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'Success statuses match the method: POST that creates → 201 (or 202), DELETE → 204/200, GET → 200, PUT/PATCH → 200/204.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  visitor() {
    return operationVisitor((op) => {
      const expected = expectedFor(op);
      if (!expected) return;
      const success = successResponses(op);
      // No 2xx at all is Redocly's `operation-2xx-response`; ranges (`2XX`) say nothing specific.
      if (success.length === 0 || success.some((r) => expected.codes.includes(r.code) || /^2XX$/i.test(r.code))) return;
      const wrong = success[0]!;
      const what = expected.key === 'post-create' ? `${describe(op)} creates a resource` : describe(op);
      report(op.ctx, {
        message: `${what} but answers ${success.map((r) => r.code).join('/')}; expected ${expected.codes.join(' or ')}.`,
        hint: ADVICE[expected.key],
        location: wrong.codeLocation,
      });
    });
  },
};
