/**
 * The requests `verify` draws for an operation: path, query and header
 * parameters and the JSON body, each from its schema; path parameters may
 * take an id a create returned earlier in the run (the stateful part).
 */
import fc, { type Arbitrary } from 'fast-check';
import type { HttpOperation, JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { deref, isMarked, schemaArbitrary } from './arbitrary.js';
import { isJson, type DrawnRequest } from './exchange.js';

/** A drawn request plus, per path parameter, whether to use an id the run already knows. */
export interface RequestDraw {
  request: DrawnRequest;
  /** For each path parameter: an index into the known ids of that parameter, or -1 to keep the drawn value. */
  known: Record<string, number>;
}

/** The header `op` takes its idempotency key in (`Idempotency-Key`, `X-Idempotency-Key`), if it declares one. */
export function idempotencyHeader(op: HttpOperation): string | undefined {
  return op.idempotencyKey?.name;
}

/** The JSON media type of the operation's request body, when it has one. */
export function jsonBody(op: HttpOperation): { mediaType: string; schema: JsonSchema } | undefined {
  const media = op.requestBody?.content.find((m) => isJson(m.mediaType.toLowerCase()) && m.schema !== undefined);
  return media ? { mediaType: media.mediaType, schema: media.schema! } : undefined;
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

/** The arbitrary of requests for `op`; the Idempotency-Key header, when declared, is always sent (the replay check sets it). */
export function requestArbitrary(contract: OpenApiContract, op: HttpOperation): Arbitrary<RequestDraw> {
  const doc = contract.document;
  const path: Record<string, Arbitrary<string>> = {};
  const known: Record<string, Arbitrary<number>> = {};
  const query: Record<string, Arbitrary<string>> = {};
  const headers: Record<string, Arbitrary<string>> = {};
  const optionalQuery: string[] = [];
  const requiredQuery: string[] = [];
  const idem = idempotencyHeader(op);
  for (const p of op.parameters) {
    const value = schemaArbitrary(doc, p.schema, 'request').map(asText);
    if (p.in === 'path') {
      // a path segment is never empty: an empty one would address another route
      path[p.name] = value.filter((s) => s.length > 0);
      known[p.name] = fc.oneof({ weight: 4, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant(-1) });
    } else if (p.in === 'query') {
      query[p.name] = value;
      (p.required ? requiredQuery : optionalQuery).push(p.name);
    } else if (p.in === 'header' && p.name !== idem && (p.required || p.schema !== undefined)) {
      // header values are one line of visible ASCII
      headers[p.name] = value.map((s) => s.replace(/[^\x20-\x7e]/g, '').trim() || 'x');
    }
  }
  const body = jsonBody(op);
  const bodyArb: Arbitrary<unknown> = body ? schemaArbitrary(doc, body.schema, 'request') : fc.constant(undefined);
  return fc
    .record({
      path: fc.record(path),
      known: fc.record(known),
      query: fc.record(query, { requiredKeys: requiredQuery }),
      headers: fc.record(headers, { requiredKeys: op.parameters.filter((p) => p.in === 'header' && p.required && p.name !== idem).map((p) => p.name) }),
      body: bodyArb,
    })
    .map(({ path: p, known: k, query: q, headers: h, body: b }) => {
      const request: DrawnRequest = { path: p, query: q as Record<string, string>, headers: h as Record<string, string> };
      if (body && (b !== undefined || op.requestBody?.required)) {
        request.body = b;
        request.mediaType = body.mediaType;
      }
      return { request, known: k };
    });
}

/**
 * A body the contract forbids: a required property of the body's object
 * schema left out. Undefined when the body has no required property.
 */
export function bodyWithoutRequired(contract: OpenApiContract, op: HttpOperation, valid: unknown): { body: Record<string, unknown>; missing: string } | undefined {
  const body = jsonBody(op);
  if (!body || typeof valid !== 'object' || valid === null || Array.isArray(valid)) return undefined;
  const schema = deref(contract.document, body.schema);
  if (typeof schema !== 'object' || !Array.isArray(schema.required)) return undefined;
  const props = typeof schema.properties === 'object' && schema.properties !== null ? (schema.properties as Record<string, JsonSchema>) : {};
  // a readOnly property is required in responses only; leaving it out of a request is right
  const missing = schema.required.map(String).find((name) => !isMarked(contract.document, props[name], 'readOnly'));
  if (missing === undefined) return undefined;
  const { [missing]: _dropped, ...rest } = valid as Record<string, unknown>;
  return { body: rest, missing };
}
