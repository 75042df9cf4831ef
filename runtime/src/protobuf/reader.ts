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
/** Strings up to this many bytes are decoded by {@link smallString} (beyond, `utf8Slice` is faster)... */
const SMALL_STRING = 16;
/** ...or, without `utf8Slice`, up to this many (TextDecoder costs more per call). */
const SMALL_STRING_NO_SLICE = 32;

const view64 = /* @__PURE__ */ new DataView(new ArrayBuffer(8));
// scratch for floats: the wire is little-endian; on a big-endian platform (s390x) the bytes go in reversed
const scratchF64 = /* @__PURE__ */ new Float64Array(1);
const scratch = /* @__PURE__ */ new Uint8Array(scratchF64.buffer);
const scratchF32 = /* @__PURE__ */ new Float32Array(scratchF64.buffer, 0, 1);
const BIG_ENDIAN = /* @__PURE__ */ new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

/** A protobuf binary reader over one buffer. */
export class ProtoReader {
  readonly buf: Uint8Array;
  /** The read position. */
  pos = 0;
  /** The end of the buffer. */
  readonly len: number;
  /** Low and high halves of the last {@link varint64}. */
  private lo = 0;
  private hi = 0;

  constructor(buf: Uint8Array) {
    this.buf = buf;
    this.len = buf.length;
  }

  /** The position after `n` more bytes, which must be inside the buffer. */
  private advance(n: number): number {
    const at = this.pos;
    if (at + n > this.len) throw new RangeError('premature EOF');
    this.pos = at + n;
    return at;
  }

  /** Throws when a read went past the end. */
  assertBounds(): void {
    if (this.pos > this.len) throw new RangeError('premature EOF');
  }

  /** A tag (`fieldNo << 3 | wireType`), checked as protobuf-es checks it. */
  tag(): number {
    // one byte with a field number and a known wire type: most tags (a defined byte means pos < len)
    const b = this.buf[this.pos]!;
    if (b < 0x80 && b >= 8 && (b & 7) < 6) {
      this.pos++;
      return b;
    }
    return this.tagSlow();
  }

  private tagSlow(): number {
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
    // a defined byte was inside the buffer: no bounds check needed
    if (b < 0x80) return b;
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
      if ((b & 0x80) === 0) return this.ended(pos, lo, hi);
    }
    const middle = buf[pos++]!;
    lo |= (middle & 0x0f) << 28;
    hi = (middle & 0x70) >> 4;
    if ((middle & 0x80) === 0) return this.ended(pos, lo, hi);
    for (let shift = 3; shift <= 31; shift += 7) {
      const b = buf[pos++]!;
      hi |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return this.ended(pos, lo, hi);
    }
    throw new Error('invalid varint');
  }

  /** The end of a 64-bit varint: the position after it (checked) and its halves. */
  private ended(pos: number, lo: number, hi: number): void {
    this.pos = pos;
    this.assertBounds();
    this.lo = lo;
    this.hi = hi;
  }

  private signed(lo: number, hi: number): bigint {
    // the common cases: values within ±2^53 (ids, counts, seconds, milliseconds) are built from one exact double
    if (hi >= -0x200000 && hi < 0x200000) return BigInt(hi * 4294967296 + (lo >>> 0));
    view64.setInt32(0, lo, true);
    view64.setInt32(4, hi, true);
    return view64.getBigInt64(0, true);
  }

  private unsigned(lo: number, hi: number): bigint {
    if (hi >>> 0 < 0x200000) return BigInt((hi >>> 0) * 4294967296 + (lo >>> 0));
    view64.setInt32(0, lo, true);
    view64.setInt32(4, hi, true);
    return view64.getBigUint64(0, true);
  }

  /**
   * A varint of at most four bytes (below 2^28: most ids, counts and
   * timestamps in seconds) read without the 64-bit halves, and the position
   * past it; -1 with the position unchanged when it is longer.
   */
  private short(): number {
    const buf = this.buf;
    let pos = this.pos;
    // a byte past the end is undefined: it ends the loop and assertBounds throws
    let b = buf[pos++]!;
    let v = b & 0x7f;
    if (b >= 0x80) {
      b = buf[pos++]!;
      v |= (b & 0x7f) << 7;
      if (b >= 0x80) {
        b = buf[pos++]!;
        v |= (b & 0x7f) << 14;
        if (b >= 0x80) {
          b = buf[pos++]!;
          v |= (b & 0x7f) << 21;
          if (b >= 0x80) return -1;
        }
      }
    }
    this.pos = pos;
    this.assertBounds();
    return v;
  }

  int64(): bigint {
    const v = this.short();
    if (v >= 0) return BigInt(v);
    this.varint64();
    return this.signed(this.lo, this.hi);
  }

  uint64(): bigint {
    const v = this.short();
    if (v >= 0) return BigInt(v);
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

  // fixed-width values from the bytes (no DataView per reader); floats through a shared scratch buffer
  fixed32(): number {
    return this.sfixed32() >>> 0;
  }

  sfixed32(): number {
    const at = this.advance(4);
    const buf = this.buf;
    return buf[at]! | (buf[at + 1]! << 8) | (buf[at + 2]! << 16) | (buf[at + 3]! << 24);
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
    const at = this.advance(4);
    const buf = this.buf;
    if (BIG_ENDIAN) for (let i = 0; i < 4; i++) scratch[3 - i] = buf[at + i]!;
    else {
      scratch[0] = buf[at]!;
      scratch[1] = buf[at + 1]!;
      scratch[2] = buf[at + 2]!;
      scratch[3] = buf[at + 3]!;
    }
    return scratchF32[0]!;
  }

  double(): number {
    const at = this.advance(8);
    const buf = this.buf;
    if (BIG_ENDIAN) for (let i = 0; i < 8; i++) scratch[7 - i] = buf[at + i]!;
    else for (let i = 0; i < 8; i++) scratch[i] = buf[at + i]!;
    return scratchF64[0]!;
  }

  /**
   * A packed run of doubles (its length read here) appended to `a`. Like
   * protobuf-es, values are read while the position is before the run's end,
   * so a length that is not a multiple of 8 reads past it.
   */
  doubles(a: number[]): void {
    const len = this.uint32();
    const n = Math.ceil(len / 8);
    const at = this.advance(n * 8);
    const buf = this.buf;
    const view = new DataView(buf.buffer, buf.byteOffset + at, n * 8);
    let i = a.length;
    a.length = i + n;
    for (let k = 0; k < n; k++) a[i++] = view.getFloat64(k * 8, true);
  }

  /** A packed run of bools (its length read here) appended to `a`; one-byte values on the fast path. */
  bools(a: boolean[]): void {
    const end = this.uint32() + this.pos;
    const buf = this.buf;
    while (this.pos < end) {
      const b = buf[this.pos]!;
      if (b < 0x80) {
        this.pos++;
        a.push(b !== 0);
      } else a.push(this.bool());
    }
    this.assertBounds();
  }

  /** A packed run of floats appended to `a` (see {@link doubles}). */
  floats(a: number[]): void {
    const len = this.uint32();
    const n = Math.ceil(len / 4);
    const at = this.advance(n * 4);
    const buf = this.buf;
    const view = new DataView(buf.buffer, buf.byteOffset + at, n * 4);
    let i = a.length;
    a.length = i + n;
    for (let k = 0; k < n; k++) a[i++] = view.getFloat32(k * 4, true);
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
    if (len <= (utf8Slice ? SMALL_STRING : SMALL_STRING_NO_SLICE)) return smallString(this.buf, start, end, strict);
    return decodeUtf8(this.buf, start, end, strict);
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

/**
 * A short string: ASCII bytes turned into a string by `String.fromCharCode`
 * with up to eight arguments per call (no array per string, and at most two
 * calls for the lengths map keys and enum-like values usually have), anything
 * else by {@link decodeUtf8}. Measured against an array of char codes with
 * `fromCharCode.apply`, protobufjs's 8-byte chunks with a byte-by-byte tail
 * and `utf8Slice`, on 3-11 byte keys, this was the fastest both as values and
 * as object keys.
 */
function smallString(b: Uint8Array, start: number, end: number, strict: boolean): string {
  let s = '';
  let i = start;
  let c0: number, c1: number, c2: number, c3: number, c4: number, c5: number, c6: number;
  for (; i + 7 < end; i += 8) {
    c0 = b[i]!;
    c1 = b[i + 1]!;
    c2 = b[i + 2]!;
    c3 = b[i + 3]!;
    c4 = b[i + 4]!;
    c5 = b[i + 5]!;
    c6 = b[i + 6]!;
    const c7 = b[i + 7]!;
    if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) & 0x80) return decodeUtf8(b, start, end, strict);
    s += String.fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7);
  }
  // the tail (0-7 bytes) in one call; a non-ASCII byte breaks out to decodeUtf8 over the whole string
  switch (end - i) {
    case 0:
      return s;
    case 1:
      c0 = b[i]!;
      if (c0 & 0x80) break;
      return s + String.fromCharCode(c0);
    case 2:
      c0 = b[i]!;
      c1 = b[i + 1]!;
      if ((c0 | c1) & 0x80) break;
      return s + String.fromCharCode(c0, c1);
    case 3:
      c0 = b[i]!;
      c1 = b[i + 1]!;
      c2 = b[i + 2]!;
      if ((c0 | c1 | c2) & 0x80) break;
      return s + String.fromCharCode(c0, c1, c2);
    case 4:
      c0 = b[i]!;
      c1 = b[i + 1]!;
      c2 = b[i + 2]!;
      c3 = b[i + 3]!;
      if ((c0 | c1 | c2 | c3) & 0x80) break;
      return s + String.fromCharCode(c0, c1, c2, c3);
    case 5:
      c0 = b[i]!;
      c1 = b[i + 1]!;
      c2 = b[i + 2]!;
      c3 = b[i + 3]!;
      c4 = b[i + 4]!;
      if ((c0 | c1 | c2 | c3 | c4) & 0x80) break;
      return s + String.fromCharCode(c0, c1, c2, c3, c4);
    case 6:
      c0 = b[i]!;
      c1 = b[i + 1]!;
      c2 = b[i + 2]!;
      c3 = b[i + 3]!;
      c4 = b[i + 4]!;
      c5 = b[i + 5]!;
      if ((c0 | c1 | c2 | c3 | c4 | c5) & 0x80) break;
      return s + String.fromCharCode(c0, c1, c2, c3, c4, c5);
    default:
      c0 = b[i]!;
      c1 = b[i + 1]!;
      c2 = b[i + 2]!;
      c3 = b[i + 3]!;
      c4 = b[i + 4]!;
      c5 = b[i + 5]!;
      c6 = b[i + 6]!;
      if ((c0 | c1 | c2 | c3 | c4 | c5 | c6) & 0x80) break;
      return s + String.fromCharCode(c0, c1, c2, c3, c4, c5, c6);
  }
  return decodeUtf8(b, start, end, strict);
}
