/**
 * fast-check arbitraries of protobuf messages, drawn from the message
 * descriptor (protobuf-es reflection of the contract's buf image): scalars
 * by their wire type (the full 32- and 64-bit ranges, floats with NaN and
 * infinities, any UTF-8 string, bytes), enums by their declared values,
 * repeated fields and maps (a few entries), oneofs (one case or none),
 * nested messages to a depth, and the well-known types with the values their
 * own rules allow (a Timestamp within years 1 to 9999, a Duration within
 * ±10,000 years with nanos of the seconds' sign, an Any packing Empty), so a
 * provider that parses them is not handed an invalid one.
 */
import fc from 'fast-check';
import { create, fromJson, ScalarType, type DescEnum, type DescField, type DescMessage, type JsonObject, type JsonValue, type Message } from '@bufbuild/protobuf';
import { isWrapperDesc } from '@bufbuild/protobuf/wkt';

/** Nested messages below this depth are left unset (recursive types would otherwise never end). */
const MAX_DEPTH = 3;
/** Elements of a repeated field, entries of a map. */
const MAX_ELEMENTS = 3;

const INT32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const UINT32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const INT64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const UINT64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
// strings must be valid UTF-8 on the wire: whole code points, no lone surrogates
const STRING = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
// what google.protobuf.Struct / Value / ListValue can hold: JSON with finite numbers
const JSON_VALUE = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;
const JSON_OBJECT = fc.dictionary(fc.string({ maxLength: 8 }), JSON_VALUE, { maxKeys: 3 }) as fc.Arbitrary<JsonObject>;

/** The arbitrary of one scalar type (64-bit ones as bigint, as protobuf-es holds them). */
export function scalarArbitrary(type: ScalarType): fc.Arbitrary<unknown> {
  switch (type) {
    case ScalarType.STRING:
      return STRING;
    case ScalarType.BYTES:
      return fc.uint8Array({ maxLength: 16 });
    case ScalarType.BOOL:
      return fc.boolean();
    case ScalarType.DOUBLE:
      return fc.double();
    case ScalarType.FLOAT:
      return fc.float();
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return INT64;
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return UINT64;
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return UINT32;
    default:
      return INT32;
  }
}

/** A declared value of `desc` (the numbers the contract lists, nothing else). */
function enumArbitrary(desc: DescEnum): fc.Arbitrary<number> {
  return desc.values.length > 0 ? fc.constantFrom(...desc.values.map((v) => v.number)) : fc.constant(0);
}

/** Map keys in the form protobuf-es keeps them in an init object (a property name: decimal, `true`/`false`, the string). */
function mapKeyArbitrary(type: ScalarType): fc.Arbitrary<string> {
  if (type === ScalarType.STRING) return STRING;
  if (type === ScalarType.BOOL) return fc.boolean().map(String);
  return scalarArbitrary(type).map(String);
}

/** Well-known types whose fields have rules beyond their types. */
function wellKnown(desc: DescMessage): fc.Arbitrary<Message> | undefined {
  switch (desc.typeName) {
    case 'google.protobuf.Timestamp':
      // 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z
      return fc.record({ seconds: fc.bigInt({ min: -62135596800n, max: 253402300799n }), nanos: fc.integer({ min: 0, max: 999_999_999 }) }).map((v) => create(desc, v as never));
    case 'google.protobuf.Duration':
      return fc
        .record({ seconds: fc.bigInt({ min: -315576000000n, max: 315576000000n }), nanos: fc.integer({ min: 0, max: 999_999_999 }) })
        .map(({ seconds, nanos }) => create(desc, { seconds, nanos: seconds < 0n ? -nanos : nanos } as never));
    case 'google.protobuf.Value':
      return JSON_VALUE.map((v) => fromJson(desc, v));
    case 'google.protobuf.ListValue':
      return fc.array(JSON_VALUE, { maxLength: MAX_ELEMENTS }).map((v) => fromJson(desc, v));
    case 'google.protobuf.Struct':
      return JSON_OBJECT.map((v) => fromJson(desc, v));
    case 'google.protobuf.Any':
      // an Any a provider can unpack: google.protobuf.Empty (its encoding is empty)
      return fc.constant(create(desc, { typeUrl: 'type.googleapis.com/google.protobuf.Empty', value: new Uint8Array() } as never));
    default:
      return undefined;
  }
}

/** The arbitrary of one element of `field` (for a list or map: of one value). */
function elementArbitrary(field: DescField, depth: number): fc.Arbitrary<unknown> | undefined {
  const kind = field.fieldKind === 'list' ? field.listKind : field.fieldKind === 'map' ? field.mapKind : field.fieldKind;
  if (kind === 'scalar') {
    const arb = scalarArbitrary((field as { scalar: ScalarType }).scalar);
    // a 64-bit field with `jstype = JS_STRING` holds its value as a decimal string
    return (field as { longAsString?: boolean }).longAsString ? arb.map(String) : arb;
  }
  if (kind === 'enum') return enumArbitrary((field as { enum: DescEnum }).enum);
  const desc = (field as { message: DescMessage }).message;
  // protobuf-es holds a Struct as a plain JSON object (except inside a Value), and a singular
  // wrapper field outside a oneof as its scalar: draw them in that form
  if (desc.typeName === 'google.protobuf.Struct' && field.parent.typeName !== 'google.protobuf.Value') return JSON_OBJECT;
  if (field.fieldKind === 'message' && !field.oneof && isWrapperDesc(desc)) return scalarArbitrary(desc.fields[0]!.scalar!);
  if (depth >= MAX_DEPTH) return undefined;
  return messageArbitrary(desc, depth + 1);
}

/** The arbitrary of a field's value as an init property, or undefined when it is left out at this depth. */
function fieldArbitrary(field: DescField, depth: number): fc.Arbitrary<unknown> | undefined {
  const element = elementArbitrary(field, depth);
  if (!element) return undefined;
  if (field.fieldKind === 'list') return fc.array(element, { maxLength: MAX_ELEMENTS });
  if (field.fieldKind === 'map') {
    return fc.array(fc.tuple(mapKeyArbitrary(field.mapKey), element), { maxLength: MAX_ELEMENTS }).map((entries) => Object.fromEntries(entries));
  }
  // a message field, or a scalar with explicit presence (proto3 `optional`, proto2): set or not
  if (field.fieldKind === 'message' || field.presence !== 2 /* IMPLICIT */) return fc.option(element, { nil: undefined });
  return element;
}

/**
 * The arbitrary of a message of `desc`: every field drawn (message fields
 * and explicit-presence scalars sometimes unset), one case of each oneof or none.
 */
export function messageArbitrary(desc: DescMessage, depth = 0): fc.Arbitrary<Message> {
  const known = wellKnown(desc);
  if (known) return known;
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of desc.fields) {
    if (field.oneof) continue;
    const arb = fieldArbitrary(field, depth);
    if (arb) parts[field.localName] = arb;
  }
  for (const oneof of desc.oneofs) {
    const cases = oneof.fields.flatMap((f) => {
      const value = elementArbitrary(f, depth);
      return value ? [value.map((v) => ({ case: f.localName, value: v }))] : [];
    });
    if (cases.length > 0) parts[oneof.localName] = fc.option(fc.oneof(...cases), { nil: undefined });
  }
  return fc.record(parts).map((init) => {
    const defined = Object.fromEntries(Object.entries(init).filter(([, v]) => v !== undefined));
    return create(desc, defined as never);
  });
}
