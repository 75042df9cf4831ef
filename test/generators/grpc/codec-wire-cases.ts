/**
 * Binary cases after the protobuf conformance suite's binary tests (its
 * runner is not available here; see docs/grpc.md): wire encodings a decoder
 * must accept or reject, written as bytes against the fixture messages of
 * test/fixtures/grpc/codec. Each is decoded by the codec and by protobuf-es
 * (same result, or both throw), and what decodes is encoded again by both.
 */

/** One case: a message type, bytes, and whether protobuf-es accepts them. */
export interface WireCase {
  name: string;
  type: string;
  bytes: number[];
  valid: boolean;
}

/** The bytes of a varint of `n` (negative values as ten bytes). */
export const varint = (n: bigint): number[] => {
  const out: number[] = [];
  let v = BigInt.asUintN(64, n);
  while (v > 0x7fn) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
};
const tag = (no: number, wire: number) => varint(BigInt(no) * 8n + BigInt(wire));
const ld = (no: number, payload: number[]) => [...tag(no, 2), ...varint(BigInt(payload.length)), ...payload];
const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const nest = (levels: number): number[] => (levels === 0 ? [] : ld(1, nest(levels - 1)));

export const WIRE_CASES: WireCase[] = [
  { name: 'int32 as a ten-byte negative varint', type: 'codec.v1.Scalars', bytes: [...tag(1, 0), ...varint(-1n)], valid: true },
  { name: 'int32 from a varint past 32 bits (truncated)', type: 'codec.v1.Scalars', bytes: [...tag(1, 0), ...varint(2n ** 32n + 5n)], valid: true },
  { name: 'uint32 from a varint past 32 bits', type: 'codec.v1.Scalars', bytes: [...tag(3, 0), ...varint(2n ** 40n + 7n)], valid: true },
  { name: 'int64 extremes', type: 'codec.v1.Scalars', bytes: [...tag(2, 0), ...varint(-(2n ** 63n)), ...tag(4, 0), ...varint(2n ** 64n - 1n)], valid: true },
  { name: 'sint32 and sint64 zigzag extremes', type: 'codec.v1.Scalars', bytes: [...tag(5, 0), ...varint(2n ** 32n - 1n), ...tag(6, 0), ...varint(2n ** 64n - 1n)], valid: true },
  { name: 'bool from varint 2', type: 'codec.v1.Scalars', bytes: [...tag(13, 0), 2], valid: true },
  { name: 'bool from a multi-byte varint', type: 'codec.v1.Scalars', bytes: [...tag(13, 0), 0x80, 0x80, 0x01], valid: true },
  { name: 'float and double NaN, -0 and infinities', type: 'codec.v1.Scalars', bytes: [...tag(11, 5), 0, 0, 0xc0, 0x7f, ...tag(12, 1), 0, 0, 0, 0, 0, 0, 0, 0x80, ...tag(12, 1), 0, 0, 0, 0, 0, 0, 0xf0, 0xff], valid: true },
  { name: 'NaN with a payload and a signalling NaN', type: 'codec.v1.Scalars', bytes: [...tag(11, 5), 1, 0, 0x80, 0x7f, ...tag(12, 1), 1, 0, 0, 0, 0, 0, 0xf8, 0x7f], valid: true },
  // quiet NaNs: V8 silences a signalling NaN stored into a double array, in protobuf-es's lists as in ours (depending on the array's elements kind)
  { name: 'packed doubles and floats with NaN payloads', type: 'codec.v1.Repeated', bytes: [...ld(12, [1, 0, 0, 0, 0, 0, 0xf8, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0x80]), ...ld(11, [1, 0, 0xc0, 0x7f, 0, 0, 0x80, 0xff])], valid: true },
  { name: 'a packed double run whose length is not a multiple of 8', type: 'codec.v1.Repeated', bytes: [...ld(12, [0, 0, 0, 0, 0, 0, 0xf0]), 0x3f, ...tag(1, 0), 1], valid: true },
  { name: 'a packed float run past the end of the buffer', type: 'codec.v1.Repeated', bytes: [...tag(11, 2), 6, 0, 0, 0x80, 0x3f, 0, 0], valid: false },
  { name: 'last value of a scalar wins', type: 'codec.v1.Scalars', bytes: [...ld(14, utf8('first')), ...ld(14, utf8('second')), ...tag(1, 0), 1, ...tag(1, 0), 2], valid: true },
  { name: 'multi-byte field numbers (2047, 536870911)', type: 'codec.v1.Scalars', bytes: [...ld(2047, utf8('mid')), ...tag(536870911, 0), 9], valid: true },
  { name: 'non-ASCII, BOM and long strings', type: 'codec.v1.Scalars', bytes: [...ld(14, utf8('\uFEFFgrüße 🌍 ' + 'x'.repeat(300)))], valid: true },
  { name: 'invalid UTF-8 in a proto3 string is rejected', type: 'codec.v1.Scalars', bytes: ld(14, [0x61, 0xff, 0x62]), valid: false },
  { name: 'a lone surrogate encoded as UTF-8 is rejected in proto3', type: 'codec.v1.Scalars', bytes: ld(14, [0xed, 0xa0, 0x80]), valid: false },
  { name: 'invalid UTF-8 in a proto2 string is replaced', type: 'codec.v1.Proto2', bytes: ld(3, [0x61, 0xff, 0xc3, 0x62]), valid: true },
  { name: 'invalid UTF-8 in an editions string without validation is replaced', type: 'codec.v1.Editions', bytes: [...tag(4, 0), 1, ...ld(11, [0xe2, 0x82, 0x61, 0x80])], valid: true },
  { name: 'packed data for an unpacked field', type: 'codec.v1.Repeated', bytes: [...ld(18, [1, 2, ...varint(-5n)]), ...ld(19, [0, 0, 0, 0, 0, 0, 0xf0, 0x3f])], valid: true },
  { name: 'unpacked data for a packed field', type: 'codec.v1.Repeated', bytes: [...tag(1, 0), 7, ...tag(1, 0), 8, ...tag(12, 1), 0, 0, 0, 0, 0, 0, 0, 0x40], valid: true },
  { name: 'packed and unpacked mixed, in several runs', type: 'codec.v1.Repeated', bytes: [...ld(1, [1, 2]), ...tag(1, 0), 3, ...ld(1, [4]), ...ld(13, [1, 0, 2])], valid: true },
  { name: 'an empty packed run', type: 'codec.v1.Repeated', bytes: ld(1, []), valid: true },
  { name: 'a packed run past its end', type: 'codec.v1.Repeated', bytes: [...tag(1, 2), 5, 1, 2], valid: false },
  { name: 'a repeated message field twice appends', type: 'codec.v1.Repeated', bytes: [...ld(17, [8, 1]), ...ld(17, [8, 2])], valid: true },
  { name: 'a singular message field twice merges', type: 'codec.v1.Optionals', bytes: [...ld(10, [...tag(1, 0), 5, ...ld(14, utf8('a'))]), ...ld(10, [...tag(2, 0), 6, ...ld(14, utf8('b'))])], valid: true },
  { name: 'oneof: the last case wins', type: 'codec.v1.Oneofs', bytes: [...tag(1, 0), 5, ...ld(3, utf8('s')), ...tag(5, 0), 1], valid: true },
  { name: 'oneof: the same message case twice merges', type: 'codec.v1.Oneofs', bytes: [...ld(2, [...tag(1, 0), 1]), ...ld(2, [...tag(2, 0), 2])], valid: true },
  { name: 'oneof: another case then the message case starts afresh', type: 'codec.v1.Oneofs', bytes: [...ld(2, [...tag(1, 0), 1]), ...tag(1, 0), 3, ...ld(2, [...tag(2, 0), 2])], valid: true },
  { name: 'oneof: an unwrapped wrapper is a message there', type: 'codec.v1.Oneofs', bytes: ld(10, ld(1, utf8('w'))), valid: true },
  { name: 'wrappers: value merged, the wrapper\'s unknown fields dropped', type: 'codec.v1.WellKnown', bytes: [...ld(16, ld(1, utf8('a'))), ...ld(16, [...tag(9, 0), 1]), ...ld(10, [...tag(1, 0), 7])], valid: true },
  { name: 'wrappers: an empty wrapper is the zero value', type: 'codec.v1.WellKnown', bytes: [...ld(9, []), ...ld(17, [])], valid: true },
  { name: 'map entry without key or value', type: 'codec.v1.Maps', bytes: [...ld(14, []), ...ld(16, ld(1, utf8('k'))), ...ld(1, [...tag(2, 0), 5])], valid: true },
  { name: 'map entry with value before key and an unknown field', type: 'codec.v1.Maps', bytes: ld(14, [...ld(2, utf8('v')), ...tag(3, 0), 1, ...ld(1, utf8('k'))]), valid: true },
  { name: 'map: a duplicate key, the last wins', type: 'codec.v1.Maps', bytes: [...ld(14, [...ld(1, utf8('k')), ...ld(2, utf8('1'))]), ...ld(14, [...ld(1, utf8('k')), ...ld(2, utf8('2'))])], valid: true },
  { name: 'map: a message value given twice in one entry merges', type: 'codec.v1.Maps', bytes: ld(16, [...ld(1, utf8('k')), ...ld(2, [...tag(1, 0), 1]), ...ld(2, [...tag(2, 0), 2])]), valid: true },
  { name: 'map: int64, bool and key __proto__', type: 'codec.v1.Maps', bytes: [...ld(2, [...tag(1, 0), ...varint(-3n), ...tag(2, 0), 4]), ...ld(13, [...tag(1, 0), 1, ...tag(2, 0), 1]), ...ld(14, [...ld(1, utf8('__proto__')), ...ld(2, utf8('x'))])], valid: true },
  { name: 'unknown fields of every wire type are kept and written back', type: 'codec.v1.Scalars', bytes: [...tag(100, 0), 0x96, 0x01, ...tag(101, 1), 1, 2, 3, 4, 5, 6, 7, 8, ...ld(102, [1, 2, 3]), ...tag(103, 3), ...tag(1, 0), 1, ...tag(2, 3), ...tag(2, 4), ...tag(103, 4), ...tag(104, 5), 1, 2, 3, 4], valid: true },
  { name: 'unknown fields between known ones', type: 'codec.v1.Scalars', bytes: [...tag(1, 0), 1, ...tag(99, 0), 5, ...tag(2, 0), 2], valid: true },
  { name: 'closed enum: an unknown value goes to unknown fields', type: 'codec.v1.Proto2', bytes: [...tag(8, 0), 5], valid: true },
  { name: 'closed enum: an unknown value in a list is kept in the list', type: 'codec.v1.Proto2', bytes: [...tag(10, 0), 5, ...tag(10, 0), 1], valid: true },
  { name: 'closed enum in a oneof and an editions field', type: 'codec.v1.Editions', bytes: [...tag(4, 0), 1, ...tag(9, 0), 7, ...tag(9, 0), 2], valid: true },
  { name: 'proto2 group fields', type: 'codec.v1.Proto2', bytes: [...tag(15, 3), ...tag(16, 0), 3, ...tag(15, 4), ...tag(18, 3), ...tag(19, 0), 4, ...tag(18, 4), ...tag(18, 3), ...tag(18, 4)], valid: true },
  { name: 'a group twice merges', type: 'codec.v1.Proto2', bytes: [...tag(15, 3), ...tag(16, 0), 3, ...tag(15, 4), ...tag(15, 3), ...ld(17, utf8('b')), ...tag(15, 4)], valid: true },
  { name: 'editions delimited messages', type: 'codec.v1.Editions', bytes: [...tag(4, 0), 1, ...tag(5, 3), ...tag(4, 0), 2, ...tag(5, 4), ...tag(6, 3), ...tag(4, 0), 3, ...tag(6, 4)], valid: true },
  { name: 'a group whose end tag has another number', type: 'codec.v1.Proto2', bytes: [...tag(15, 3), ...tag(16, 0), 3, ...tag(14, 4)], valid: false },
  { name: 'a group without its end tag', type: 'codec.v1.Proto2', bytes: [...tag(15, 3), ...tag(16, 0), 3], valid: false },
  { name: 'an unknown group without its end tag', type: 'codec.v1.Scalars', bytes: [...tag(100, 3), ...tag(1, 0), 1], valid: false },
  { name: 'an end group tag outside a group', type: 'codec.v1.Scalars', bytes: tag(100, 4), valid: false },
  { name: 'extensions are unknown fields', type: 'codec.v1.Proto2', bytes: [...tag(100, 0), 42, ...ld(101, utf8('e'))], valid: true },
  { name: 'proto2 required field missing still decodes', type: 'codec.v1.Required', bytes: [...tag(1, 0), 1], valid: true },
  // protobuf-es reads a sub-message's last field to its own end even past the sub-message's length, then goes on in the parent
  { name: 'a sub-message whose last field runs past its length', type: 'codec.v1.Optionals', bytes: [...tag(10, 2), 2, ...tag(14, 2), 3, 0x61, 0x62, 0x63, ...tag(1, 0), 4], valid: true },
  { name: 'a Struct field whose last entry runs past its length', type: 'codec.v1.WellKnown', bytes: [...tag(6, 2), 2, ...tag(1, 2), 5, ...ld(1, utf8('a')), ...ld(2, []), ...tag(21, 0), 0], valid: true },
  { name: 'a truncated varint', type: 'codec.v1.Scalars', bytes: [...tag(1, 0), 0x80], valid: false },
  { name: 'a varint of eleven bytes', type: 'codec.v1.Scalars', bytes: [...tag(2, 0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], valid: false },
  { name: 'a length past the end', type: 'codec.v1.Scalars', bytes: [...tag(14, 2), 5, 0x61], valid: false },
  { name: 'a fixed64 past the end', type: 'codec.v1.Scalars', bytes: [...tag(8, 1), 1, 2, 3], valid: false },
  { name: 'wire type 6', type: 'codec.v1.Scalars', bytes: [0x0e, 0], valid: false },
  { name: 'wire type 7 on an unknown field', type: 'codec.v1.Scalars', bytes: [...varint(BigInt((90 << 3) | 7)), 0], valid: false },
  { name: 'field number 0', type: 'codec.v1.Scalars', bytes: [0x00, 0x01], valid: false },
  { name: 'a tag overflowing 32 bits', type: 'codec.v1.Scalars', bytes: [0x80, 0x80, 0x80, 0x80, 0x70, 0], valid: false },
  { name: 'a known field with another wire type', type: 'codec.v1.Scalars', bytes: [...tag(14, 0), 3, 0x61, 0x62, 0x63], valid: true },
  { name: 'nesting 99 deep', type: 'codec.v1.Recursive', bytes: nest(99), valid: true },
  { name: 'nesting past the recursion limit', type: 'codec.v1.Recursive', bytes: nest(101), valid: false },
];
