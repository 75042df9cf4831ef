/**
 * Property checks of generated codecs against protobuf-es: random messages
 * (fast-check, built from the descriptors: every scalar type over its whole
 * range, non-ASCII and lone-surrogate strings, oneofs, maps, lists, unwrapped
 * wrappers, Struct as JSON, unknown fields of every wire type) must encode to
 * the bytes of `toBinary`, and bytes (encodings, two encodings concatenated,
 * which exercises merging, and mutated encodings) must decode to what
 * `fromBinary` gives, deep and strict, `$unknown` included; where protobuf-es
 * throws, the codec must throw too.
 */
import fc from 'fast-check';
import { create, fromBinary, ScalarType, toBinary, type DescField, type DescMessage, type Message } from '@bufbuild/protobuf';
import { isWrapperDesc } from '@bufbuild/protobuf/wkt';
import { expect } from 'vitest';
import type { MessageCodec } from '@contractkit/runtime/protobuf';
import { varint } from './codec-wire-cases.js';

const MAX_DEPTH = 3;
const I32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const U32 = { min: 0, max: 2 ** 32 - 1 };
const I64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const U64 = { min: 0n, max: 2n ** 64n - 1n };

const small = fc.integer({ min: -3, max: 300 });
const int = (range: { min: number; max: number }) => fc.oneof(small.filter((n) => n >= range.min), fc.integer(range));
const big = (range: { min: bigint; max: bigint }) => fc.oneof(fc.bigInt({ min: range.min < 0n ? -3n : 0n, max: 300n }), fc.bigInt(range));
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ minLength: 100, maxLength: 400 }));

function scalar(type: ScalarType, asString: boolean): fc.Arbitrary<unknown> {
  const s64 = (a: fc.Arbitrary<bigint>) => (asString ? a.map(String) : a);
  switch (type) {
    case ScalarType.DOUBLE:
      return fc.double();
    case ScalarType.FLOAT:
      return fc.float();
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return int(I32);
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return int(U32);
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return s64(big(I64));
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return s64(big(U64));
    case ScalarType.BOOL:
      return fc.boolean();
    case ScalarType.STRING:
      return text;
    case ScalarType.BYTES:
      return fc.uint8Array({ maxLength: 300 });
  }
}

function mapKey(type: ScalarType): fc.Arbitrary<string> {
  switch (type) {
    case ScalarType.STRING:
      return fc.string({ maxLength: 12 });
    case ScalarType.BOOL:
      return fc.constantFrom('true', 'false');
    default:
      return (scalar(type, true) as fc.Arbitrary<unknown>).map(String);
  }
}

const enumValue = (field: { enum: { values: readonly { number: number }[] } }) =>
  fc.oneof(fc.constantFrom(...field.enum.values.map((v) => v.number)), fc.integer({ min: -2, max: 1000 }));

const json: fc.Arbitrary<unknown> = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3, noNullPrototype: true });

function singular(field: DescField, depth: number): fc.Arbitrary<unknown> | undefined {
  if (field.fieldKind === 'scalar') return scalar(field.scalar, field.longAsString);
  if (field.fieldKind === 'enum') return enumValue(field);
  if (field.fieldKind !== 'message') return undefined;
  if (field.message.typeName === 'google.protobuf.Struct' && field.parent.typeName !== 'google.protobuf.Value') return json;
  if (!field.oneof && isWrapperDesc(field.message)) {
    const inner = field.message.fields[0]!;
    return scalar((inner as { scalar: ScalarType }).scalar, false);
  }
  return depth < MAX_DEPTH ? initOf(field.message, depth + 1) : undefined;
}

function valueOf(field: DescField, depth: number): fc.Arbitrary<unknown> | undefined {
  switch (field.fieldKind) {
    case 'list': {
      const item =
        field.listKind === 'scalar'
          ? scalar(field.scalar, field.longAsString)
          : field.listKind === 'enum'
            ? enumValue(field)
            : field.message.typeName === 'google.protobuf.Struct' && field.parent.typeName !== 'google.protobuf.Value'
              ? json
              : depth < MAX_DEPTH
                ? initOf(field.message, depth + 1)
                : undefined;
      return item ? fc.array(item, { maxLength: depth === 0 ? 6 : 3 }) : undefined;
    }
    case 'map': {
      const value =
        field.mapKind === 'scalar'
          ? scalar(field.scalar, false)
          : field.mapKind === 'enum'
            ? enumValue(field)
            : field.message.typeName === 'google.protobuf.Struct'
              ? json
              : depth < MAX_DEPTH
                ? initOf(field.message, depth + 1)
                : undefined;
      return value ? fc.dictionary(mapKey(field.mapKey), value, { maxKeys: 4, noNullPrototype: true }) : undefined;
    }
    default:
      return singular(field, depth);
  }
}

/** A random unknown field of any wire type, valid on the wire, with a number the message does not declare. */
function unknownField(desc: DescMessage): fc.Arbitrary<{ no: number; wireType: number; data: Uint8Array }> {
  const known = new Set(desc.fields.map((f) => f.number));
  return fc
    .tuple(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2 ** 29 - 1 })), fc.constantFrom(0, 1, 2, 3, 5), fc.bigInt(I64), fc.uint8Array({ maxLength: 20 }))
    .filter(([no]) => !known.has(no) && !(no >= 19000 && no <= 19999))
    .map(([no, wireType, n, bytes]) => {
      const data =
        wireType === 0 ? varint(n) : wireType === 1 ? [...bytes, 0, 0, 0, 0, 0, 0, 0, 0].slice(0, 8) : wireType === 5 ? [...bytes, 0, 0, 0, 0].slice(0, 4) : wireType === 2 ? [...varint(BigInt(bytes.length)), ...bytes] : varint(BigInt((no << 3) | 4));
      return { no, wireType, data: new Uint8Array(data) };
    });
}

/** A random init object of `desc` (for `create()`), with random unknown fields. */
export function initOf(desc: DescMessage, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const member of desc.members) {
    if (member.kind === 'oneof') {
      const cases = member.fields.flatMap((f) => {
        const v = singular(f, depth);
        return v ? [v.map((value) => ({ case: f.localName, value }))] : [];
      });
      if (cases.length) shape[member.localName] = fc.oneof(fc.constant({ case: undefined }), ...cases);
      continue;
    }
    const v = valueOf(member, depth);
    if (v) shape[member.localName] = v;
  }
  shape.$unknown = fc.array(unknownField(desc), { maxLength: 2 });
  return fc.record(shape, { requiredKeys: [] });
}

/** A message from an init object, its random unknown fields set as protobuf-es holds them. */
export function messageOf(schema: DescMessage, init: Record<string, unknown>): Message {
  const { $unknown, ...fields } = init;
  const message = create(schema, fields);
  if (Array.isArray($unknown) && $unknown.length > 0) message.$unknown = $unknown as never;
  return message;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
const outcome = (fn: () => unknown): Outcome => {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
};

/** The same outcome: equal results (deep, strict), or both throw. */
export function expectSame(ours: () => unknown, theirs: () => unknown, what: string): void {
  const a = outcome(ours);
  const b = outcome(theirs);
  if (!b.ok) {
    expect(a.ok, `${what}: protobuf-es threw ${String(b.error)}, the codec did not`).toBe(false);
    return;
  }
  if (!a.ok) throw new Error(`${what}: the codec threw where protobuf-es did not: ${String(a.error)}`);
  expect(a.value, what).toStrictEqual(b.value);
}

/** Checks one message type's codec against protobuf-es with `runs` random messages per property. */
export function checkCodec(schema: DescMessage, codec: MessageCodec, runs: number): void {
  const name = schema.typeName;
  const messages = initOf(schema).map((init) => messageOf(schema, init));
  fc.assert(
    fc.property(messages, (m) => {
      expectSame(() => codec.encode(m), () => toBinary(schema, m), `${name}: encode`);
    }),
    { numRuns: runs },
  );
  // a message protobuf-es cannot encode (a required field not set) gives no bytes
  const binary = (m: Message) => {
    const r = outcome(() => toBinary(schema, m));
    return r.ok ? (r.value as Uint8Array) : new Uint8Array(0);
  };
  const bytes = fc.oneof(
    messages.map(binary),
    fc.tuple(messages, messages).map(([a, b]) => new Uint8Array([...binary(a), ...binary(b)])),
    fc.tuple(messages, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([m, at, byte]) => {
      const b = binary(m);
      if (b.length > 0) b[at % b.length] = byte;
      return b;
    }),
    fc.tuple(messages, fc.nat()).map(([m, cut]) => {
      const b = binary(m);
      return b.subarray(0, b.length ? cut % b.length : 0);
    }),
    fc.uint8Array({ maxLength: 40 }),
  );
  fc.assert(
    fc.property(bytes, (b) => {
      expectSame(() => codec.decode(b), () => fromBinary(schema, b), `${name}: decode`);
    }),
    { numRuns: runs },
  );
}
