/**
 * google.protobuf.Struct as protobuf-es holds it in a field (outside
 * google.protobuf.Value): a JSON object. The codecs convert it to the Struct
 * message and back exactly as protobuf-es's reflection does
 * (wktStructToReflect / wktStructToLocal), so a Struct field is read and
 * written by the generated Struct codec.
 */
import type { JsonObject, JsonValue } from '@bufbuild/protobuf';
import type { ListValue, Struct, Value } from '@bufbuild/protobuf/wkt';
import { setEntry } from './fields.js';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The Struct message of a JSON object (anything else gives an empty Struct, as in protobuf-es). */
export function structToMessage(json: unknown): Struct {
  const struct: Struct = { $typeName: 'google.protobuf.Struct', fields: {} };
  if (isObject(json)) for (const k of Object.keys(json)) setEntry(struct.fields, k, valueToMessage(json[k]));
  return struct;
}

function valueToMessage(json: unknown): Value {
  const value: Value = { $typeName: 'google.protobuf.Value', kind: { case: undefined } };
  switch (typeof json) {
    case 'number':
      value.kind = { case: 'numberValue', value: json };
      break;
    case 'string':
      value.kind = { case: 'stringValue', value: json };
      break;
    case 'boolean':
      value.kind = { case: 'boolValue', value: json };
      break;
    case 'object':
      if (json === null) value.kind = { case: 'nullValue', value: 0 };
      else if (Array.isArray(json)) {
        const list: ListValue = { $typeName: 'google.protobuf.ListValue', values: json.map(valueToMessage) };
        value.kind = { case: 'listValue', value: list };
      } else value.kind = { case: 'structValue', value: structToMessage(json) };
      break;
  }
  return value;
}

/** The JSON object of a Struct message. */
export function structToJson(struct: Struct): JsonObject {
  const json: JsonObject = {};
  for (const k of Object.keys(struct.fields)) setEntry(json, k, valueToJson(struct.fields[k]!));
  return json;
}

function valueToJson(value: Value): JsonValue {
  switch (value.kind.case) {
    case 'structValue':
      return structToJson(value.kind.value);
    case 'listValue':
      return value.kind.value.values.map(valueToJson);
    case 'nullValue':
    case undefined:
      return null;
    default:
      return value.kind.value;
  }
}
