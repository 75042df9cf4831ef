/**
 * Pieces shared by operations: media types, parameter schemas, responses and
 * headers, for OpenAPI 3.x and Swagger 2.0.
 */
import type { HttpHeader, HttpMediaType, HttpResponse, JsonSchema, SourceRef } from '../model/types.js';
import { toPointer } from '../source/positions.js';
import { isObject, type Locator } from './locator.js';

// Swagger 2.0 parameter and header keys that describe the parameter, not its value's schema.
const V2_NON_SCHEMA_KEYS = new Set(['name', 'in', 'required', 'description', 'allowEmptyValue', 'collectionFormat']);

/** A 3.x `content` map as media types, in document order. */
export function contentOf(loc: Locator, content: unknown, pointer: string): HttpMediaType[] {
  if (!isObject(content)) return [];
  const out: HttpMediaType[] = [];
  for (const [mediaType, raw] of Object.entries(content)) {
    const hit = loc.deref(raw, `${pointer}/${escape(mediaType)}`);
    if (!hit) continue;
    out.push({ mediaType, ...schemaField(hit.node.schema), ...examplesOf(loc, hit.node, hit.pointer), location: hit.location });
  }
  return out;
}

/** A media type's `example` and named `examples` (Example Objects' values, refs followed); only the fields written. */
function examplesOf(loc: Locator, node: Record<string, unknown>, pointer: string): Pick<HttpMediaType, 'example' | 'examples'> {
  const out: Pick<HttpMediaType, 'example' | 'examples'> = {};
  if (node.example !== undefined) out.example = node.example;
  if (!isObject(node.examples)) return out;
  const named: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(node.examples)) {
    const hit = loc.deref(raw, `${pointer}/examples/${escape(name)}`);
    if (hit && 'value' in hit.node) named[name] = hit.node.value;
  }
  if (Object.keys(named).length > 0) out.examples = named;
  return out;
}

/** Swagger 2.0: one schema served as each of `mediaTypes` (`consumes`/`produces`). */
export function v2Content(mediaTypes: string[], schema: unknown, location: SourceRef): HttpMediaType[] {
  if (schema === undefined) return [];
  return mediaTypes.map((mediaType) => ({ mediaType, ...schemaField(schema), location }));
}

/**
 * The schema of a parameter: 3.x `schema` (or the first `content` entry's);
 * Swagger 2.0 `schema` for body parameters, else the parameter's own type keys.
 */
export function parameterSchema(node: Record<string, unknown>, v2: boolean): JsonSchema | undefined {
  if (isSchema(node.schema)) return node.schema;
  if (!v2) {
    const first = isObject(node.content) ? Object.values(node.content)[0] : undefined;
    return isObject(first) && isSchema(first.schema) ? first.schema : undefined;
  }
  const schema = Object.fromEntries(Object.entries(node).filter(([key]) => !V2_NON_SCHEMA_KEYS.has(key) && !key.startsWith('x-')));
  return Object.keys(schema).length ? schema : undefined;
}

/** Responses of an operation; `produces` is set for Swagger 2.0 (its response `schema` becomes content). */
export function responsesOf(loc: Locator, op: Record<string, unknown>, pointer: string, produces?: string[]): HttpResponse[] {
  if (!isObject(op.responses)) return [];
  const out: HttpResponse[] = [];
  for (const [status, raw] of Object.entries(op.responses)) {
    if (status.startsWith('x-')) continue;
    const hit = loc.deref(raw, `${pointer}/${escape(status)}`);
    if (!hit) continue;
    const response = hit.node;
    const content = produces
      ? v2Content(produces, response.schema, loc.locate(response.schema, `${hit.pointer}/schema`))
      : contentOf(loc, response.content, `${hit.pointer}/content`);
    out.push({
      status,
      ...(typeof response.description === 'string' ? { description: response.description } : {}),
      headers: headersOf(loc, response.headers, `${hit.pointer}/headers`, produces !== undefined),
      content,
      location: hit.location,
    });
  }
  return out;
}

function headersOf(loc: Locator, headers: unknown, pointer: string, v2: boolean): HttpHeader[] {
  if (!isObject(headers)) return [];
  const out: HttpHeader[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    const hit = loc.deref(raw, `${pointer}/${escape(name)}`);
    if (!hit) continue;
    out.push({
      name,
      required: hit.node.required === true,
      ...schemaField(parameterSchema(hit.node, v2)),
      location: hit.location,
    });
  }
  return out;
}

function schemaField(schema: unknown): { schema?: JsonSchema } {
  return isSchema(schema) ? { schema } : {};
}

function isSchema(value: unknown): value is JsonSchema {
  return isObject(value) || typeof value === 'boolean';
}

function escape(key: string): string {
  return toPointer([key]).slice(1);
}
