/**
 * Deterministic protobuf samples: every field of a message filled from a
 * hash of the seed and the field's full name (strings, numbers, the first
 * non-zero enum value, nested messages to depth 3, one list element, the
 * first member of each oneof), built with protobuf-es `create()` so the
 * message is well-formed for its descriptor.
 */
import { create, ScalarType, type DescField, type DescMessage, type Message } from '@bufbuild/protobuf';
import { hash32 } from '../openapi/samples.js';

const MAX_DEPTH = 3;

/** A scalar value for `type`, from `n`. */
function scalar(type: ScalarType, n: number, name: string): unknown {
  switch (type) {
    case ScalarType.STRING:
      return `${name}-${n % 10000}`;
    case ScalarType.BOOL:
      return n % 2 === 0;
    case ScalarType.BYTES:
      return new Uint8Array([n & 0xff, (n >>> 8) & 0xff]);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return (n % 100000) / 100;
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return BigInt(n % 100000);
    default:
      return n % 1000;
  }
}

/** The sample value of one field (for a list or map field: of one element). */
function valueOf(field: DescField, seed: number, depth: number): unknown {
  const n = hash32(`${seed}:${field.parent.typeName}.${field.name}`);
  const kind = field.fieldKind === 'list' ? field.listKind : field.fieldKind === 'map' ? field.mapKind : field.fieldKind;
  if (kind === 'scalar') return scalar((field as { scalar: ScalarType }).scalar, n, field.name);
  if (kind === 'enum') {
    const values = (field as { enum: { values: { number: number }[] } }).enum.values;
    return (values.find((v) => v.number !== 0) ?? values[0])?.number ?? 0;
  }
  if (depth >= MAX_DEPTH) return undefined;
  return sampleMessage((field as { message: DescMessage }).message, seed, depth + 1);
}

/** A sample message of `desc`. */
export function sampleMessage(desc: DescMessage, seed: number, depth = 0): Message {
  const init: Record<string, unknown> = {};
  for (const field of desc.fields) {
    if (field.oneof) continue;
    const value = valueOf(field, seed, depth);
    if (value === undefined) continue;
    if (field.fieldKind === 'list') init[field.localName] = [value];
    else if (field.fieldKind === 'map') init[field.localName] = field.mapKey === ScalarType.STRING ? { key: value } : {};
    else init[field.localName] = value;
  }
  for (const oneof of desc.oneofs) {
    const first = oneof.fields[0];
    const value = first ? valueOf(first, seed, depth) : undefined;
    if (first && value !== undefined) init[oneof.localName] = { case: first.localName, value };
  }
  return create(desc, init as never);
}
