/**
 * `async-accepted-status`: a 202 Accepted gives the client a way to follow up:
 * a `Location` header, or a body with a status URL and a request id (the
 * seed's asynchronous request/response: `{ requestId, statusUrl }`).
 */
import type { RedoclyRule } from '../rule.js';
import { createOnceReporter } from '../redocly/report.js';
import { operationVisitor } from './support/operations.js';
import { isJsonMediaType, responseBodies, schemaProperties } from './support/schemas.js';
import { describe } from './support/http.js';

/** The rule definition. */
export const asyncAcceptedStatus: RedoclyRule = {
  id: 'async-accepted-status',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'A 202 response carries a `Location` header, or a body with a status URL and a request id.',
  defaultSeverity: 'warning',
  presets: ['minimal', 'recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      headers: { type: 'array', items: { type: 'string' }, description: 'Headers that point at the status resource.' },
      statusUrlFields: { type: 'array', items: { type: 'string' } },
      requestIdFields: { type: 'array', items: { type: 'string' } },
    },
    additionalProperties: false,
  },
  defaultOptions: {
    headers: ['Location', 'Content-Location', 'Operation-Location'],
    statusUrlFields: ['statusUrl', 'status_url', 'statusURL', 'monitorUrl'],
    requestIdFields: ['requestId', 'request_id', 'jobId', 'job_id', 'operationId', 'id'],
  },
  visitor(options) {
    const headers = new Set((options.headers as string[]).map((h) => h.toLowerCase()));
    const urlFields = options.statusUrlFields as string[];
    const idFields = options.requestIdFields as string[];
    const once = createOnceReporter();
    return operationVisitor((op) => {
      const accepted = op.responses.find((r) => r.code === '202');
      if (!accepted) return;
      const declared = Object.keys(accepted.node?.headers ?? {}).map((h) => h.toLowerCase());
      if (declared.some((h) => headers.has(h))) return;
      const body = responseBodies(op.ctx, accepted).find((b) => isJsonMediaType(b.mediaType) && b.schema);
      const props = schemaProperties(op.ctx, body?.schema);
      const hasUrl = urlFields.some((f) => props.has(f));
      const hasId = idFields.some((f) => props.has(f));
      if (hasUrl && hasId) return;
      const lacking = !body ? 'no `Location` header and no body' : `no \`Location\` header, and its body has no ${[!hasUrl && 'status URL', !hasId && 'request id'].filter(Boolean).join(' and no ')}`;
      once(op.ctx, {
        message: `The 202 response of ${describe(op)} gives the client no way to follow up: ${lacking}.`,
        hint: 'Add a `Location` header pointing at a status resource, or return `{ "requestId": "req-12345", "statusUrl": "/api/v1/requests/req-12345" }` so the client can poll (or wait for a webhook) until the work completes.',
        location: accepted.codeLocation,
      });
    });
  },
};
