/**
 * Schema formats in the AsyncAPI differ: payloads and headers are compared
 * by the JSON Schema differ when both sides are AsyncAPI Schema or JSON
 * Schema (any draft). A change of format family breaks every reader; a
 * changed schema in a format contractkit cannot compare (Avro, RAML,
 * Protobuf, …) is reported as not compared, never passed in silence.
 */
import type { Finding } from '../../finding.js';
import type { EventMessage } from '../../../contracts/model/types.js';
import { schemaFormatFamily } from '../../../contracts/asyncapi/schema-format.js';
import { report, type AsyncDiffContext } from './context.js';
import { canonical } from './schema-kinds.js';

/** A schema part of a message. */
export type SchemaPart = 'payload' | 'headers';

/** Where the schema of `part` sits under the message (`/payload`, or `/payload/schema` in a Multi Format Schema Object). */
export function schemaPointer(m: EventMessage, part: SchemaPart): string {
  return m.formats?.[part]?.pointer ?? `/${part}`;
}

/** The schema format of `part` as the document names it, for messages. */
function formatName(m: EventMessage, part: SchemaPart): string {
  return m.formats?.[part]?.format ?? 'AsyncAPI Schema';
}

/** Where the `schemaFormat` of `part` is written (2.x: on the message), or the part itself when none is written. */
function formatPointer(m: EventMessage, part: SchemaPart): string {
  const ref = m.formats?.[part];
  if (!ref) return `/${part}`;
  return ref.pointer === `/${part}` ? '/schemaFormat' : ref.pointer.replace(/\/schema$/, '/schemaFormat');
}

/** True when both sides of `part` are JSON Schema, so the JSON Schema differ may compare them. */
export function comparable(target: EventMessage, curr: EventMessage, part: SchemaPart): boolean {
  return schemaFormatFamily(target.formats?.[part]?.format) === 'json-schema' && schemaFormatFamily(curr.formats?.[part]?.format) === 'json-schema';
}

/**
 * For a part that is not comparable: an error when the format family changed
 * (counted as an incompatible change), a warning when the schema changed in a
 * format contractkit cannot compare; nothing when it is unchanged.
 */
export function checkFormat(ctx: AsyncDiffContext, target: EventMessage, curr: EventMessage, part: SchemaPart, label: string): { finding?: Finding; incompatible: boolean } {
  if (target[part] === undefined && curr[part] === undefined) return { incompatible: false };
  const before = formatName(target, part);
  const after = formatName(curr, part);
  if (schemaFormatFamily(target.formats?.[part]?.format) !== schemaFormatFamily(curr.formats?.[part]?.format)) {
    const finding = report(
      ctx,
      'message-schema-format-changed',
      `Message ${label}: the ${part} schema format changed from \`${before}\` to \`${after}\`: consumers decode the ${part} with the old format.`,
      curr.location,
      'Keep the format, or publish the new format as a new version of the event beside the old one.',
      formatPointer(curr, part),
    );
    return { ...(finding ? { finding } : {}), incompatible: true };
  }
  if (canonical(target[part]) === canonical(curr[part])) return { incompatible: false };
  const finding = report(
    ctx,
    'message-schema-not-compared',
    `Message ${label}: the ${part} schema (\`${after}\`) changed, but contractkit compares only AsyncAPI Schema and JSON Schema payloads; this change was not checked.`,
    curr.location,
    'Check the change with a tool for this format (for Avro, a Schema Registry compatibility check), then accept it here with an ignore entry or an `x-contractkit-allow-breaking` note.',
    schemaPointer(curr, part),
  );
  return { ...(finding ? { finding } : {}), incompatible: false };
}
