/**
 * Plain-language descriptions of schema differences, in terms of the
 * previous and the new schema whichever way the check ran.
 */
import type { CheckDirection } from './compatibility.js';
import type { SchemaDifference } from './json-schema-diff.js';

/** `payload.customer.email`, `headers`, `payload.lineItems[]`. */
export function fieldLabel(part: 'payload' | 'headers', path: readonly string[]): string {
  let label = part;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (seg === 'properties' && i + 1 < path.length) label += `.${path[++i]}`;
    else if (seg === 'items') label += '[]';
    else label += `/${seg}`;
  }
  return `\`${label}\``;
}

/**
 * What changed. A backward check compares (previous → new); a forward check
 * ran the other way (new → previous), so its difference names read from the
 * old reader's side: the words swap roles accordingly.
 */
export function describeDifference(d: SchemaDifference, direction: CheckDirection): string {
  const [orig, upd] = direction === 'backward' ? ['the previous schema', 'the new schema'] : ['the new schema', 'the previous schema'];
  const closed = '(`additionalProperties: false`)';
  switch (d.type) {
    case 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL':
      return `it is in ${orig} but not in ${upd}, whose content model is closed ${closed}`;
    case 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL':
      return `it is new in ${upd}, but ${orig} has an open content model, so its events may already carry it with any value`;
    case 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL':
      return `it is required in ${upd} (without a default) and not in ${orig}`;
    case 'REQUIRED_ATTRIBUTE_ADDED':
      return `it is required in ${upd} but optional in ${orig}`;
    case 'REQUIRED_ATTRIBUTE_REMOVED':
      return `it is optional in ${upd} but required in ${orig}`;
    case 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL':
      return `it is in ${orig} but not in ${upd}`;
    case 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL':
      return `an optional property new in ${upd}`;
    case 'TYPE_CHANGED':
      return `its type differs between ${orig} and ${upd}`;
    case 'TYPE_NARROWED':
      return `it is a number in ${orig} but an integer in ${upd}`;
    case 'TYPE_EXTENDED':
      return `it is an integer in ${orig} and any number in ${upd}`;
    case 'ENUM_ARRAY_NARROWED':
      return `${upd} allows fewer values than ${orig}`;
    case 'ENUM_ARRAY_CHANGED':
      return `${upd} allows other values than ${orig}`;
    case 'ENUM_ARRAY_EXTENDED':
      return `${upd} allows more values than ${orig}`;
    case 'ADDITIONAL_PROPERTIES_REMOVED':
      return `${upd} is closed ${closed} while ${orig} is not`;
    case 'ADDITIONAL_PROPERTIES_ADDED':
      return `${upd} is open while ${orig} was closed`;
    case 'SCHEMA_ADDED':
      return `${upd} has a schema where ${orig} has none`;
    case 'SCHEMA_REMOVED':
      return `${upd} has no schema where ${orig} has one`;
    default: {
      const words = d.type.toLowerCase().replace(/_/g, ' ');
      return `${words} (${orig} → ${upd})`;
    }
  }
}
