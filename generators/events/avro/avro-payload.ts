/**
 * An Avro message payload, checked at generation time: mapped to JSON Schema
 * for its types ({@link avroToJsonSchema}) and compiled by avsc the way the
 * runtime's validator will compile it (`wrapUnions: 'never'`), so a schema
 * avsc refuses (an ambiguous union, a bad name) is a finding now rather than
 * an error at the first publish.
 */
import avsc from 'avsc';
import type { JsonSchema } from '../../../contracts/model/types.js';
import { avroToJsonSchema } from './to-json-schema.js';

/** The payload's JSON Schema (for the types), or what is wrong with it. */
export function avroPayload(schema: unknown): { dataSchema?: JsonSchema; problems: string[] } {
  const mapped = avroToJsonSchema(schema);
  if (mapped.problems.length) return { problems: mapped.problems };
  try {
    avsc.Type.forSchema(schema as avsc.Schema, { wrapUnions: 'never' });
  } catch (err) {
    const message = (err as Error).message;
    // avsc's word for a union whose branches one JSON value cannot choose between
    const hint = /ambiguous unwrapped union/.test(message) ? ' (its branches cannot be told apart by their JSON value: two records, two maps, or a string and an enum)' : '';
    return { problems: [`avsc refuses the schema: ${message.length > 300 ? message.slice(0, 297) + '...' : message}${hint}`] };
  }
  return { dataSchema: mapped.schema!, problems: [] };
}
