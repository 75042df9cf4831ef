/**
 * `path-no-verbs`: no RPC-style verbs in path segments (`/getCustomerOrders`,
 * `/createOrder`); resources are nouns and the HTTP method is the verb.
 */
import type { UserContext } from '@redocly/openapi-core';
import type { RedoclyRule } from '../rule.js';
import { report } from '../redocly/report.js';
import { isParamSegment, pathSegments } from './support/http.js';

/** Verbs that make a path an RPC call when a segment starts with them. */
export const DEFAULT_VERBS = [
  'get', 'list', 'fetch', 'retrieve', 'find', 'create', 'add', 'insert', 'make', 'update', 'modify', 'edit', 'set',
  'save', 'delete', 'remove', 'destroy', 'do', 'perform', 'execute',
];

/** Splits `getCustomerOrders`, `get-customer-orders`, `get_customer_orders` into lower-case words. */
export function segmentWords(segment: string): string[] {
  return segment
    .split(/[-_.]|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** The rule definition. */
export const pathNoVerbs: RedoclyRule = {
  id: 'path-no-verbs',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'Path segments name resources (nouns), not actions: no `/getCustomerOrders` or `/createOrder`.',
  defaultSeverity: 'error',
  presets: ['minimal', 'recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      verbs: { type: 'array', items: { type: 'string' }, description: 'Words that may not start a path segment.' },
      allow: { type: 'array', items: { type: 'string' }, description: 'Segments allowed even though they start with a verb.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { verbs: DEFAULT_VERBS, allow: ['add-ons'] },
  visitor(options) {
    const verbs = new Set((options.verbs as string[]).map((v) => v.toLowerCase()));
    const allow = new Set((options.allow as string[]).map((v) => v.toLowerCase()));
    return {
      PathItem(_node: unknown, ctx: UserContext) {
        const path = String(ctx.key);
        if (!path.startsWith('/')) return;
        for (const segment of pathSegments(path)) {
          if (isParamSegment(segment) || allow.has(segment.toLowerCase())) continue;
          const words = segmentWords(segment);
          const verb = words[0];
          if (!verb || !verbs.has(verb)) continue;
          const noun = words.slice(1).join('-');
          report(ctx, {
            message: `Path segment \`${segment}\` in \`${path}\` starts with the verb \`${verb}\`: paths name resources, the HTTP method is the action.`,
            hint: noun
              ? `Name the resource instead (\`${path.replace(segment, noun)}\` with the matching method, e.g. GET to read, POST to create), or nest it under its parent (\`/customers/{customerId}/orders\`).`
              : `Remove \`${segment}\` from the path and let the HTTP method say what happens.`,
            location: ctx.location.key(),
          });
        }
      },
    };
  },
};
