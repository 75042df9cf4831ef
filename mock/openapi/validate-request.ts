/**
 * Checking a request against its operation: required parameters present,
 * path, query and header values valid against their schemas (text coerced
 * to the schema's type first: `?limit=20` is the number 20), and the body
 * present when required and valid against the media type's schema. Each
 * problem names a pointer: `#/body/lineItems/0/quantity`,
 * `#/query/limit`, `#/path/orderId`, `#/header/Idempotency-Key`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { HttpOperation, JsonSchema } from '../../contracts/model/types.js';
import type { SchemaChecker, SchemaProblem } from './schemas.js';

/** The parts of a request the checks read. */
export interface RequestParts {
  pathname: string;
  path: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  contentType?: string;
  rawBody: string;
  body?: unknown;
}

/** The schema's type (the first non-null one of a 3.1 list). */
function typeOf(schema: JsonSchema | undefined): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const t = schema.type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') as string | undefined) : (t as string | undefined);
}

/** A parameter's text as the value its schema describes (numbers, booleans, arrays of those); left as text when it does not parse. */
export function coerce(values: string[], schema: JsonSchema | undefined): unknown {
  const type = typeOf(schema);
  if (type === 'array') {
    const items = typeof schema === 'object' ? (schema.items as JsonSchema | undefined) : undefined;
    const parts = values.length === 1 ? values[0]!.split(',') : values;
    return parts.map((v) => coerce([v], items));
  }
  const v = values[values.length - 1]!;
  if ((type === 'integer' || type === 'number') && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}

/** The problems of a request (empty when it is valid against `op`). */
export function validateRequest(op: HttpOperation, req: RequestParts, checker: SchemaChecker): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const p of op.parameters) {
    let raw: string[] | undefined;
    if (p.in === 'path') raw = req.path[p.name] !== undefined ? [req.path[p.name]!] : undefined;
    else if (p.in === 'query') raw = req.query.has(p.name) ? req.query.getAll(p.name) : undefined;
    else if (p.in === 'header') {
      const h = req.headers[p.name.toLowerCase()];
      raw = h === undefined ? undefined : Array.isArray(h) ? h : [h];
    } else continue; // cookies are not checked
    const at = `#/${p.in}/${p.name}`;
    if (raw === undefined) {
      if (p.required) problems.push({ pointer: at, message: `the required ${p.in} parameter '${p.name}' is missing` });
      continue;
    }
    if (p.schema === undefined) continue;
    for (const e of checker.check(p.schema, coerce(raw, p.schema))) problems.push({ pointer: at + e.pointer, message: `${p.in} parameter '${p.name}' ${e.message}` });
  }
  const body = op.requestBody;
  if (body) {
    if (req.rawBody === '') {
      if (body.required) problems.push({ pointer: '#/body', message: 'the request body is required' });
    } else {
      const type = (req.contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
      const media = body.content.find((m) => m.mediaType.toLowerCase() === type) ?? body.content.find((m) => m.mediaType.endsWith('/*') && type.startsWith(m.mediaType.slice(0, -1)));
      if (!media) problems.push({ pointer: '#/body', message: `the content type '${type}' is not accepted; the operation accepts ${body.content.map((m) => m.mediaType).join(', ')}` });
      else if (media.schema !== undefined && /json/.test(type)) {
        for (const e of checker.check(media.schema, req.body)) problems.push({ pointer: `#/body${e.pointer}`, message: e.message });
      }
    }
  }
  return problems;
}
