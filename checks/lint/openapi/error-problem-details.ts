/**
 * `error-problem-details`: error responses have one machine-readable shape:
 * `application/problem+json` (RFC 9457) or one error schema shared by all
 * operations, so clients handle every error with one piece of code.
 */
import type { Location, UserContext } from '@redocly/openapi-core';
import type { RedoclyRule } from '../rule.js';
import { report } from '../redocly/report.js';
import { operationVisitor } from './support/operations.js';
import { responseBodies } from './support/schemas.js';
import { describe } from './support/http.js';

interface Candidate {
  location: Location;
  /** Absolute location of the schema when it is a `$ref` (its identity). */
  schemaId?: string;
  schemaRef?: string;
  what: string;
  mediaType: string;
}

const isErrorCode = (code: string) => /^[45]/.test(code) || code === 'default';
const isProblemMedia = (m: string) => /^application\/problem\+(json|xml)\b/i.test(m);

/** The rule definition. */
export const errorProblemDetails: RedoclyRule = {
  id: 'error-problem-details',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3'],
  description: 'Error responses use `application/problem+json` (RFC 9457) or one shared error schema.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      allowSharedSchema: { type: 'boolean', description: 'Accept one error schema (`$ref`) shared by all error responses instead of problem+json.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { allowSharedSchema: true },
  visitor(options) {
    let candidates: Candidate[] = [];
    const ops = operationVisitor((op) => {
      for (const response of op.responses) {
        if (!isErrorCode(response.code)) continue;
        const bodies = responseBodies(op.ctx, response);
        if (bodies.length === 0 || bodies.some((b) => isProblemMedia(b.mediaType))) continue;
        const body = bodies[0]!;
        candidates.push({
          location: body.mediaLocation,
          schemaId: body.schemaRef && body.schema ? body.schema.location.absolutePointer : undefined,
          schemaRef: body.schemaRef,
          what: `${response.code} response of ${describe(op)}`,
          mediaType: body.mediaType,
        });
      }
    });
    const root = ops.Root as { enter: (node: unknown) => void };
    return {
      ...ops,
      Root: {
        enter: root.enter,
        leave(_node: unknown, ctx: UserContext) {
          const shared = options.allowSharedSchema === false ? undefined : dominantSchema(candidates);
          const seen = new Set<string>();
          for (const c of candidates) {
            if (shared && c.schemaId === shared) continue;
            const key = `${c.location.absolutePointer}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const sharedRef = shared ? candidates.find((x) => x.schemaId === shared)?.schemaRef : undefined;
            report(ctx, {
              message: `The ${c.what} is \`${c.mediaType}\` ${c.schemaRef ? `with \`${c.schemaRef}\`` : 'with an inline schema'}, not problem details${sharedRef ? ` or the shared error schema \`${sharedRef}\`` : ''}.`,
              hint: `Use \`application/problem+json\` with an RFC 9457 body (\`type\`, \`title\`, \`status\`, \`detail\`, \`instance\`)${options.allowSharedSchema === false ? '' : ', or point every error response at one shared error schema'}.`,
              location: c.location,
            });
          }
          candidates = [];
        },
      },
    };
  },
};

/** The error schema most error responses point at, if any is a `$ref` (first seen wins a tie). */
function dominantSchema(candidates: readonly Candidate[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c.schemaId) counts.set(c.schemaId, (counts.get(c.schemaId) ?? 0) + 1);
  let best: string | undefined;
  for (const [id, n] of counts) if (best === undefined || n > counts.get(best)!) best = id;
  return best;
}
