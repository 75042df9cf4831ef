/**
 * The protobuf binary reader that `codec: fast` code reads through. It reads
 * as protobuf-es's BinaryReader does (the same checks and errors: bounds,
 * tags, varints, groups, strict UTF-8 where the field asks for it), with a
 * tag read that returns a number instead of a pair, varint fast paths, 64-bit
 * integers built without a DataView when they fit in 32 bits, and strings
 * decoded by a small-string loop, by Node's `utf8Slice` where there is one,
 * else TextDecoder.
 */

const WIRE_END_GROUP = 4;

const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { ignoreBOM: true });
let strictDecoder: TextDecoder | undefined;
type Utf8Slice = (this: Uint8Array, start: number, end: number) => string;
// Node's native UTF-8 slice: replaces invalid sequences with U+FFFD like TextDecoder, keeps a BOM, and is much cheaper per call
const utf8Slice: Utf8Slice | undefined =
  typeof Buffer === 'function' ? (Buffer.prototype as unknown as { utf8Slice?: Utf8Slice }).utf8Slice : undefined;
/** Strings up to this many bytes are decoded by the JS loop. */
const SMALL_STRING = 16;

const view64 = /* @__PURE__ */ new DataView(new ArrayBuffer(8));

/** A protobuf binary reader over one buffer. */
export class ProtoReader {
  readonly buf: Uint8Array;
  /** The read position. */
  pos = 0;
  /** The end of the buffer. */
  readonly len: number;
  private dataView: DataView | undefined;
  /** Low and high halves of the last {@link varint64}. */
  private lo = 0;
  private hi = 0;

  constructor(buf: Uint8Array) {
    this.buf = buf;
    this.len = buf.length;
  }

  private get view(): DataView {
    return (this.dataView ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength));
  }

  /** Throws when a read went past the end. */
  assertBounds(): void {
    if (this.pos > this.len) throw new RangeError('premature EOF');
  }

  /** A tag (`fieldNo << 3 | wireType`), checked as protobuf-es checks it. */
  tag(): number {
    const start = this.pos;
    const tag = this.uint32();
    const read = this.pos - start;
    if (read > 5 || (read === 5 && this.buf[this.pos - 1]! > 0x0f)) throw new Error('illegal tag: varint overflows uint32');
    if (tag < 8 || (tag & 7) > 5) throw new Error('illegal tag: field no ' + (tag >>> 3) + ' wire type ' + (tag & 7));
    return tag;
  }

  uint32(): number {
    const buf = this.buf;
    let b = buf[this.pos++]!;
    if (b < 0x80) {
      if (this.pos > this.len) throw new RangeError('premature EOF');
      return b;
    }
    let result = b & 0x7f;
    b = buf[this.pos++]!;
    result |= (b & 0x7f) << 7;
    if (b < 0x80) {
      this.assertBounds();
      return result;
    }
    b = buf[this.pos++]!;
    result |= (b & 0x7f) << 14;
    if (b < 0x80) {
      this.assertBounds();
      return result;
    }
    b = buf[this.pos++]!;
    result |= (b & 0x7f) << 21;
    if (b < 0x80) {
      this.assertBounds();
      return result;
    }
    b = buf[this.pos++]!;
    result |= (b & 0x0f) << 28;
    for (let n = 5; (b & 0x80) !== 0 && n < 10; n++) b = buf[this.pos++]!;
    if ((b & 0x80) !== 0) throw new Error('invalid varint');
    this.assertBounds();
    return result >>> 0;
  }

  int32(): number {
    return this.uint32() | 0;
  }

  sint32(): number {
    const z = this.uint32();
    return (z >>> 1) ^ -(z & 1);
  }

  bool(): boolean {
    const b = this.buf[this.pos]!;
    if (b < 0x80) {
      this.pos++;
      this.assertBounds();
      return b !== 0;
    }
    this.varint64();
    return this.lo !== 0 || this.hi !== 0;
  }

  /** Reads a 64-bit varint into the halves. */
  private varint64(): void {
    const buf = this.buf;
    let pos = this.pos;
    let lo = 0;
    let hi = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = buf[pos++]!;
      lo |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        this.pos = pos;
        this.assertBounds();
        this.lo = lo;
        this.hi = hi;
        return;
      }
    }
    const middle = buf[pos++]!;
    lo |= (middle & 0x0f) << 28;
    hi = (middle & 0x70) >> 4;
    if ((middle & 0x80) === 0) {
      this.pos = pos;
      this.assertBounds();
      this.lo = lo;
      this.hi = hi;
      return;
    }
    for (let shift = 3; shift <= 31; shift += 7) {
      const b = buf[pos++]!;
      hi |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        this.pos = pos;
        this.assertBounds();
        this.lo = lo;
        this.hi = hi;
        return;
      }
    }
    throw new Error('invalid varint');
  }

  private signed(lo: number, hi: number): bigint {
    // the common case: a value that fits in 32 bits (ids, counts, seconds before 2038)
    if (hi === 0 && lo >= 0) return BigInt(lo);
    view64.setInt32(0, lo, true);
    view64.setInt32(4, hi, true);
    return view64.getBigInt64(0, true);
  }

  private unsigned(lo: number, hi: number): bigint {
    if (hi === 0 && lo >= 0) return BigInt(lo);
    view64.setInt32(0, lo, true);
    view64.setInt32(4, hi, true);
    return view64.getBigUint64(0, true);
  }

  int64(): bigint {
    const b = this.buf[this.pos]!;
    if (b < 0x80) {
      this.pos++;
      this.assertBounds();
      return BigInt(b);
    }
    this.varint64();
    return this.signed(this.lo, this.hi);
  }

  uint64(): bigint {
    const b = this.buf[this.pos]!;
    if (b < 0x80) {
      this.pos++;
      this.assertBounds();
      return BigInt(b);
    }
    this.varint64();
    return this.unsigned(this.lo, this.hi);
  }

  sint64(): bigint {
    this.varint64();
    let lo = this.lo;
    let hi = this.hi;
    const s = -(lo & 1);
    lo = ((lo >>> 1) | ((hi & 1) << 31)) ^ s;
    hi = (hi >>> 1) ^ s;
    return this.signed(lo, hi);
  }

  fixed32(): number {
    return this.view.getUint32((this.pos += 4) - 4, true);
  }

  sfixed32(): number {
    return this.view.getInt32((this.pos += 4) - 4, true);
  }

  fixed64(): bigint {
    const lo = this.sfixed32();
    return this.unsigned(lo, this.sfixed32());
  }

  sfixed64(): bigint {
    const lo = this.sfixed32();
    return this.signed(lo, this.sfixed32());
  }

  float(): number {
    return this.view.getFloat32((this.pos += 4) - 4, true);
  }

  double(): number {
    return this.view.getFloat64((this.pos += 8) - 8, true);
  }

  /** Length-prefixed bytes: a view into the buffer, as protobuf-es returns it. */
  bytes(): Uint8Array {
    const len = this.uint32();
    const start = this.pos;
    this.pos += len;
    this.assertBounds();
    return this.buf.subarray(start, start + len);
  }

  /** Length-prefixed UTF-8; `strict` throws on invalid UTF-8 (proto3 and `utf8_validation = VERIFY`) instead of substituting U+FFFD. */
  string(strict: boolean): string {
    const len = this.uint32();
    const start = this.pos;
    const end = (this.pos += len);
    this.assertBounds();
    const buf = this.buf;
    if (len <= SMALL_STRING) {
      let s = '';
      for (let i = start; i < end; i++) {
        const c = buf[i]!;
        if (c > 0x7f) return decodeUtf8(buf, start, end, strict);
        s += String.fromCharCode(c);
      }
      return s;
    }
    return decodeUtf8(buf, start, end, strict);
  }

  /**
   * Skips one value of wire type `wireType` and returns its bytes (a view into
   * the buffer), as protobuf-es keeps unknown fields. Groups nest at most
   * `recursionLimit` deep.
   */
  skip(wireType: number, fieldNo: number, recursionLimit = 100): Uint8Array {
    const start = this.pos;
    switch (wireType) {
      case 0:
        while (this.buf[this.pos++]! & 0x80) {
          // continuation bytes
        }
        break;
      case 1:
        this.pos += 8;
        break;
      case 5:
        this.pos += 4;
        break;
      case 2: {
        const len = this.uint32();
        this.pos += len;
        break;
      }
      case 3:
        if (recursionLimit <= 0) throw new Error('maximum recursion depth reached');
        for (;;) {
          const t = this.tag();
          if ((t & 7) === WIRE_END_GROUP) {
            if (t >>> 3 !== fieldNo) throw new Error('invalid end group tag');
            break;
          }
          this.skip(t & 7, t >>> 3, recursionLimit - 1);
        }
        break;
      default:
        throw new Error('cant skip wire type ' + wireType);
    }
    this.assertBounds();
    return this.buf.subarray(start, this.pos);
  }
}

function decodeUtf8(buf: Uint8Array, start: number, end: number, strict: boolean): string {
  const text = utf8Slice ? utf8Slice.call(buf, start, end) : decoder.decode(buf.subarray(start, end));
  // U+FFFD in the result is either real text or a replaced invalid sequence: only then ask the fatal decoder
  if (strict && text.includes('\uFFFD')) {
    strictDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return strictDecoder.decode(buf.subarray(start, end));
  }
  return text;
}
