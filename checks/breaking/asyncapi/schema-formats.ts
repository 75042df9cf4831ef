/**
 * Schema formats in the AsyncAPI differ: payloads and headers are compared
 * by the JSON Schema differ when both sides are AsyncAPI Schema or JSON
 * Schema (any draft), and by Avro's schema resolution rules when both are
 * Avro. A change of format family breaks every reader; a changed schema in a
 * format contractkit cannot compare (RAML, Protobuf, OpenAPI, …) is reported
 * as not compared, never passed in silence.
 */
import type { Finding } from '../../../contracts/finding.js';
import type { EventMessage } from '../../../contracts/model/types.js';
import { schemaFormatFamily } from '../../../contracts/asyncapi/schema-format.js';
import { checkAvroCompatibility } from './avro-compatibility.js';
import type { CompatibilityMode } from './compatibility.js';
import { report, reportAs, type AsyncDiffContext } from './context.js';
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
 * For a part the JSON Schema differ cannot compare: an error when the format
 * family changed; Avro on both sides checked with Avro's resolution rules
 * under `mode`; otherwise a warning when the schema changed in a format
 * contractkit cannot compare. `seen` keeps each report once across the
 * versions compared. Returns the incompatibility findings (for the
 * versioning rule) and whether any were found.
 */
export function checkFormat(
  ctx: AsyncDiffContext,
  target: EventMessage,
  curr: EventMessage,
  part: SchemaPart,
  label: string,
  mode: CompatibilityMode,
  seen: Set<string>,
): { findings: Finding[]; incompatible: boolean } {
  const none = { findings: [], incompatible: false };
  if (target[part] === undefined && curr[part] === undefined) return none;
  const before = formatName(target, part);
  const after = formatName(curr, part);
  const family = schemaFormatFamily(curr.formats?.[part]?.format);
  if (schemaFormatFamily(target.formats?.[part]?.format) !== family) {
    if (seen.has(`${part}/format`)) return { findings: [], incompatible: true };
    seen.add(`${part}/format`);
    const finding = report(
      ctx,
      'message-schema-format-changed',
      `Message ${label}: the ${part} schema format changed from \`${before}\` to \`${after}\`: consumers decode the ${part} with the old format.`,
      curr.location,
      'Keep the format, or publish the new format as a new version of the event beside the old one.',
      formatPointer(curr, part),
    );
    return { findings: finding ? [finding] : [], incompatible: true };
  }
  if (canonical(target[part]) === canonical(curr[part])) return none;
  if (family === 'avro') return checkAvro(ctx, target, curr, part, label, mode, seen);
  if (seen.has(`${part}/format`)) return none;
  seen.add(`${part}/format`);
  report(
    ctx,
    'message-schema-not-compared',
    `Message ${label}: the ${part} schema (\`${after}\`) changed, but contractkit compares only AsyncAPI Schema, JSON Schema and Avro schemas; this change was not checked.`,
    curr.location,
    'Check the change with a tool for this format, then accept it here with an ignore entry or an `x-contractkit-allow-breaking` note.',
    schemaPointer(curr, part),
  );
  return none;
}

function checkAvro(ctx: AsyncDiffContext, target: EventMessage, curr: EventMessage, part: SchemaPart, label: string, mode: CompatibilityMode, seen: Set<string>): { findings: Finding[]; incompatible: boolean } {
  const findings: Finding[] = [];
  const broken = checkAvroCompatibility(target[part], curr[part], mode);
  for (const d of broken) {
    const key = `${part}/${d.type}/${d.path.join('.')}/${d.direction}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const field = d.path.length ? `field \`${d.path.join('.')}\`` : 'the schema';
    const who = d.direction === 'backward' ? 'the new schema cannot read events written with the earlier one' : 'consumers on the earlier schema cannot read the new events';
    const finding = reportAs(
      ctx,
      d.type,
      'error',
      `Message ${label}, Avro ${part} ${field}: ${d.message} — ${who} (\`${mode}\` compatibility).`,
      curr.location,
      d.type === 'READER_FIELD_MISSING_DEFAULT_VALUE' ? 'Give the field a `default`, so readers fill it in when the writer did not write it.' : 'Make the change compatible under Avro schema resolution, or publish a new event version.',
      schemaPointer(curr, part),
    );
    if (finding) findings.push(finding);
  }
  return { findings, incompatible: broken.length > 0 };
}
