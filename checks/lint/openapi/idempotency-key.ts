/**
 * `idempotency-key`: a POST that creates a resource accepts an
 * `Idempotency-Key` header. POST is not idempotent, yet clients retry it after
 * timeouts; with the key the server answers a repeat with the first result
 * instead of creating the resource twice.
 */
import type { RedoclyRule } from '../rule.js';
import { report } from '../redocly/report.js';
import { operationVisitor } from './support/operations.js';
import { describe, findParameter } from './support/http.js';
import { isCreatingPost } from './support/creating-post.js';

/** The rule definition. */
export const idempotencyKey: RedoclyRule = {
  id: 'idempotency-key',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'A POST that creates a resource (or any operation of the configured methods) accepts an `Idempotency-Key` header.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      header: { type: 'string', description: 'Name of the idempotency header.' },
      methods: { type: 'array', items: { enum: ['post', 'patch'] }, description: 'Methods whose operations need the header; POST only when it creates.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { header: 'Idempotency-Key', methods: ['post'] },
  visitor(options) {
    const header = options.header as string;
    const methods = new Set(options.methods as string[]);
    return operationVisitor((op) => {
      if (!methods.has(op.method)) return;
      if (op.method === 'post' && !isCreatingPost(op)) return;
      if (findParameter(op, header, 'header')) return;
      report(op.ctx, {
        message: `${describe(op)} ${op.method === 'post' ? 'creates a resource' : 'is not idempotent'} but accepts no \`${header}\` header: a client that retries after a timeout may ${op.method === 'post' ? 'create it twice' : 'apply it twice'}.`,
        hint: `Add a header parameter \`${header}\` (a client-generated unique key, e.g. a UUID); the server stores the first result per key and returns it for repeats.`,
        location: op.location.key(),
      });
    });
  },
};
