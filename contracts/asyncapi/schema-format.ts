/**
 * Schema formats of AsyncAPI payloads and headers: a 3.x Multi Format Schema
 * Object (`payload: { schemaFormat, schema }`) is unwrapped to its schema,
 * and a 2.x message's `schemaFormat` is kept, so every consumer of the model
 * sees the schema itself and knows what language it is written in.
 */
import type { JsonSchema } from '../model/types.js';

/** The format a payload or headers schema is written in, and where the schema sits under the message. */
export interface SchemaFormatRef {
  /** The `schemaFormat` as written (`application/vnd.apache.avro;version=1.9.0`). */
  format: string;
  /** Pointer suffix from the message to the schema (`/payload/schema` inside a Multi Format Schema Object). */
  pointer: string;
}

/** What family a format belongs to: `json-schema` (AsyncAPI Schema and JSON Schema drafts), `avro`, or the media type itself. */
export function schemaFormatFamily(format: string | undefined): string {
  if (format === undefined) return 'json-schema';
  const type = format.split(';')[0]!.trim().toLowerCase();
  // the AsyncAPI Schema Object is a superset of JSON Schema draft-07; drafts share the keywords the differ compares
  if (/^application\/vnd\.aai\.asyncapi(\+json|\+yaml)?$/.test(type) || /^application\/schema(\+json|\+yaml)?$/.test(type)) return 'json-schema';
  if (/^application\/vnd\.apache\.avro(\+json|\+yaml)?$/.test(type)) return 'avro';
  return type;
}

/**
 * Splits the parser's JSON of a payload or headers into the schema and its
 * format. `messageFormat` is the `schemaFormat` a 2.x message names beside
 * its payload, as written (unset: AsyncAPI Schema).
 */
export function unwrapSchema(json: unknown, part: 'payload' | 'headers', specVersion: string, messageFormat?: string): { schema: JsonSchema; format?: SchemaFormatRef } {
  if (specVersion.startsWith('3.') && isMultiFormat(json)) {
    return { schema: json.schema as JsonSchema, format: { format: json.schemaFormat, pointer: `/${part}/schema` } };
  }
  // 2.x: headers are always AsyncAPI Schema; the message's schemaFormat is the payload's
  const format = part === 'payload' && specVersion.startsWith('2.') && messageFormat ? { format: messageFormat, pointer: '/payload' } : undefined;
  return { schema: json as JsonSchema, ...(format ? { format } : {}) };
}

function isMultiFormat(json: unknown): json is { schemaFormat: string; schema: unknown } {
  return !!json && typeof json === 'object' && !Array.isArray(json) && typeof (json as { schemaFormat?: unknown }).schemaFormat === 'string' && 'schema' in json;
}
