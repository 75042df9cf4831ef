/**
 * The protobuf binary writer that `codec: fast` code writes through: one
 * preallocated buffer that grows by doubling, length prefixes by fork/join
 * (one byte reserved, widened in place when a payload reaches 128 bytes, as
 * protobuf-es's BinaryWriter does), varint fast paths, and UTF-8 with an
 * ASCII fast path and `TextEncoder.encodeInto` for the rest.
 *
 * Values are checked the way protobuf-es checks them (an int32 field holding
 * 1.5 throws instead of writing other bytes); the checks sit behind the fast
 * path, so valid values pay one comparison.
 */
import { assertFloat32, halves, int32Of, invalid, split64, uint32Of } from './scalars.js';

const encoder = /* @__PURE__ */ new TextEncoder();
/** Strings up to this many UTF-16 units are encoded by the JS loop; longer ones by encodeInto. */
const ASCII_LOOP_MAX = 48;

/** Bytes of `value` (an unsigned 32-bit integer) as a varint. */
export function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

const split = /* @__PURE__ */ new DataView(new ArrayBuffer(8));

/** Bytes of the slab {@link ProtoWriter.finish} copies small messages into (Node's Buffer pool is 8 KB too). */
const SLAB_SIZE = 8192;
/** Messages up to this size are copied into the slab; larger ones get their own buffer. */
const POOLED_MAX = SLAB_SIZE >>> 1;
let slab = /* @__PURE__ */ new Uint8Array(SLAB_SIZE);
let slabUsed = 0;

/** Writes an unsigned 32-bit varint at `pos` and returns the position after it. */
function varint32At(buf: Uint8Array, pos: number, v: number): number {
  while (v > 0x7f) {
    buf[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[pos++] = v;
  return pos;
}

/** Writes a 64-bit varint from its unsigned 32-bit halves at `pos` and returns the position after it. */
function varint64At(buf: Uint8Array, pos: number, lo: number, hi: number): number {
  while (hi !== 0) {
    buf[pos++] = (lo & 0x7f) | 0x80;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  return varint32At(buf, pos, lo >>> 0);
}

/** A reusable protobuf binary writer. */
export class ProtoWriter {
  /** The buffer; bytes [0, pos) are written. */
  buf: Uint8Array;
  /** The write position. */
  pos = 0;
  private view: DataView;
  private readonly forks: number[] = [];

  constructor(initialSize = 1024) {
    this.buf = new Uint8Array(initialSize);
    this.view = new DataView(this.buf.buffer);
  }

  /** Forgets what was written (the buffer is kept for the next message). */
  reset(): void {
    this.pos = 0;
    this.forks.length = 0;
  }

  /** Drops a buffer grown past `maxBytes` (after a huge message), so it does not stay pinned. */
  shrink(maxBytes: number, size = 4096): void {
    if (this.buf.length <= maxBytes) return;
    this.buf = new Uint8Array(size);
    this.view = new DataView(this.buf.buffer);
  }

  /**
   * A copy of the bytes written. Up to {@link POOLED_MAX} bytes the copy is a
   * view into a shared slab of {@link SLAB_SIZE} bytes, as Node's
   * `Buffer.allocUnsafe` pools small buffers: a `slice` of its own
   * ArrayBuffer per small message was a third of the time of encoding a
   * 162-byte message (and most of its garbage). Slab bytes handed out are never
   * written again; a full slab is left to the views that hold it.
   */
  finish(): Uint8Array {
    const n = this.pos;
    if (n > POOLED_MAX) return this.buf.slice(0, n);
    if (slabUsed + n > SLAB_SIZE) {
      slab = new Uint8Array(SLAB_SIZE);
      slabUsed = 0;
    }
    const at = slabUsed;
    const out = slab.subarray(at, at + n);
    const buf = this.buf;
    // short copies by a loop (no subarray view to build for set), longer ones by set
    if (n <= 32) for (let i = 0; i < n; i++) out[i] = buf[i]!;
    else out.set(buf.subarray(0, n));
    // the next message starts 8-byte aligned, as in Node's pool
    slabUsed = (at + n + 7) & ~7;
    return out;
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** A varint the generated code knows to be a valid uint32 (tags, lengths): no checks. */
  tag(value: number): void {
    this.ensure(5);
    this.pos = varint32At(this.buf, this.pos, value);
  }

  /** Starts a length-delimited part (a message, a packed list, a map entry); end it with {@link join}. */
  fork(): void {
    this.ensure(1);
    this.forks.push(this.pos++);
  }

  /** Ends the last {@link fork}: writes its length, widening the prefix when the payload has 128 bytes or more. */
  join(): void {
    this.closeLength(this.forks.pop()!);
  }

  /** Writes the length of the bytes after the one byte reserved at `start`. */
  private closeLength(start: number): void {
    const len = this.pos - start - 1;
    if (len < 0x80) {
      this.buf[start] = len;
      return;
    }
    const size = varintSize(len);
    this.ensure(size - 1);
    this.buf.copyWithin(start + size, start + 1, this.pos);
    this.pos = start;
    this.tag(len);
    this.pos += len;
  }

  /** Raw bytes (unknown fields). */
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  uint32(value: number): void {
    if (value >>> 0 !== value) value = uint32Of(value);
    if (value < 0x80) {
      this.ensure(1);
      this.buf[this.pos++] = value;
    } else this.tag(value);
  }

  int32(value: number): void {
    if ((value | 0) !== value) value = int32Of(value);
    if (value >= 0) {
      if (value < 0x80) {
        this.ensure(1);
        this.buf[this.pos++] = value;
      } else this.tag(value);
      return;
    }
    // negative: sign-extended to 64 bits, ten bytes
    this.ensure(10);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < 9; i++) {
      buf[pos++] = (value & 0x7f) | 0x80;
      value >>= 7;
    }
    buf[pos++] = 1;
    this.pos = pos;
  }

  sint32(value: number): void {
    if ((value | 0) !== value) value = int32Of(value);
    this.tag(((value << 1) ^ (value >> 31)) >>> 0);
  }

  bool(value: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = value ? 1 : 0;
  }

  fixed32(value: number): void {
    if (value >>> 0 !== value) value = uint32Of(value);
    this.ensure(4);
    this.view.setUint32(this.pos, value, true);
    this.pos += 4;
  }

  sfixed32(value: number): void {
    if ((value | 0) !== value) value = int32Of(value);
    this.ensure(4);
    this.view.setInt32(this.pos, value, true);
    this.pos += 4;
  }

  float(value: number): void {
    if (typeof value !== 'number' || (!Number.isFinite(Math.fround(value)) && Number.isFinite(value))) value = assertFloat32(value);
    this.ensure(4);
    this.view.setFloat32(this.pos, value, true);
    this.pos += 4;
  }

  double(value: number): void {
    if (typeof value !== 'number') value = Number(value);
    this.ensure(8);
    this.view.setFloat64(this.pos, value, true);
    this.pos += 8;
  }

  /** A 64-bit varint as two 32-bit halves. */
  private varint64(lo: number, hi: number): void {
    this.ensure(10);
    this.pos = varint64At(this.buf, this.pos, lo, hi);
  }

  int64(value: bigint | string | number): void {
    split64(value, false);
    this.varint64(halves.lo, halves.hi);
  }

  uint64(value: bigint | string | number): void {
    split64(value, true);
    this.varint64(halves.lo, halves.hi);
  }

  sint64(value: bigint | string | number): void {
    split64(value, false);
    const lo = halves.lo;
    const hi = halves.hi;
    const sign = hi >> 31;
    this.varint64(((lo << 1) ^ sign) >>> 0, (((hi << 1) | (lo >>> 31)) ^ sign) >>> 0);
  }

  fixed64(value: bigint | string | number): void {
    split64(value, true);
    this.fixed64Halves(halves.lo, halves.hi);
  }

  sfixed64(value: bigint | string | number): void {
    split64(value, false);
    this.fixed64Halves(halves.lo, halves.hi);
  }

  private fixed64Halves(lo: number, hi: number): void {
    this.ensure(8);
    this.view.setUint32(this.pos, lo, true);
    this.view.setUint32(this.pos + 4, hi, true);
    this.pos += 8;
  }

  // Packed lists: length prefix and values in one loop over local buffer and position (the values are checked as one by one).

  /** A packed list of int32 (length prefix included). */
  int32s(a: readonly number[]): void {
    const n = a.length;
    this.ensure(n * 10 + 5);
    const buf = this.buf;
    const start = this.pos;
    let pos = start + 1;
    for (let i = 0; i < n; i++) {
      let v = a[i]!;
      if ((v | 0) !== v) v = int32Of(v);
      if (v >= 0) pos = varint32At(buf, pos, v);
      else {
        for (let k = 0; k < 9; k++) {
          buf[pos++] = (v & 0x7f) | 0x80;
          v >>= 7;
        }
        buf[pos++] = 1;
      }
    }
    this.pos = pos;
    this.closeLength(start);
  }

  /** A packed list of uint32 or sint32 (`zigzag`). */
  uint32s(a: readonly number[], zigzag = false): void {
    const n = a.length;
    this.ensure(n * 5 + 5);
    const buf = this.buf;
    const start = this.pos;
    let pos = start + 1;
    for (let i = 0; i < n; i++) {
      let v = a[i]!;
      if (zigzag) {
        if ((v | 0) !== v) v = int32Of(v);
        v = ((v << 1) ^ (v >> 31)) >>> 0;
      } else if (v >>> 0 !== v) v = uint32Of(v);
      pos = varint32At(buf, pos, v);
    }
    this.pos = pos;
    this.closeLength(start);
  }

  /** A packed list of sint32. */
  sint32s(a: readonly number[]): void {
    this.uint32s(a, true);
  }

  /** A packed list of int64, uint64 (`unsigned`) or sint64 (`zigzag`). */
  int64s(a: readonly (bigint | string | number)[], unsigned = false, zigzag = false): void {
    const n = a.length;
    this.ensure(n * 10 + 5);
    const buf = this.buf;
    const start = this.pos;
    let pos = start + 1;
    for (let i = 0; i < n; i++) {
      const v = a[i]!;
      let lo: number;
      let hi: number;
      // in range (BigInt.asIntN/asUintN(64) compile to 64-bit operations): split by the DataView, inline
      if (typeof v === 'bigint' && (unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v)) === v) {
        split.setBigInt64(0, v, true);
        lo = split.getUint32(0, true);
        hi = split.getUint32(4, true);
      } else {
        split64(v, unsigned);
        lo = halves.lo;
        hi = halves.hi;
      }
      if (zigzag) {
        const sign = hi >> 31;
        const l = ((lo << 1) ^ sign) >>> 0;
        hi = (((hi << 1) | (lo >>> 31)) ^ sign) >>> 0;
        lo = l;
      }
      pos = varint64At(buf, pos, lo, hi);
    }
    this.pos = pos;
    this.closeLength(start);
  }

  /** A packed list of uint64. */
  uint64s(a: readonly (bigint | string | number)[]): void {
    this.int64s(a, true);
  }

  /** A packed list of sint64. */
  sint64s(a: readonly (bigint | string | number)[]): void {
    this.int64s(a, false, true);
  }

  /** A packed list of doubles. */
  doubles(a: readonly number[]): void {
    const n = a.length;
    this.tag(n * 8);
    this.ensure(n * 8);
    const view = this.view;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const v = a[i]!;
      view.setFloat64(pos, typeof v === 'number' ? v : Number(v), true);
      pos += 8;
    }
    this.pos = pos;
  }

  /** Length-prefixed bytes. */
  bytes(value: Uint8Array): void {
    const len = value.length;
    if (typeof len !== 'number') invalid('bytes', value);
    this.tag(len);
    this.raw(value);
  }

  /** Length-prefixed UTF-8. */
  string(value: string): void {
    if (typeof value !== 'string') value = String(value);
    const len = value.length;
    if (len <= ASCII_LOOP_MAX) {
      // ASCII: one byte per unit, so the length prefix is known before the loop
      this.ensure(len + 1);
      const buf = this.buf;
      let pos = this.pos + 1;
      let i = 0;
      for (; i < len; i++) {
        const c = value.charCodeAt(i);
        if (c > 0x7f) break;
        buf[pos++] = c;
      }
      if (i === len) {
        buf[this.pos] = len;
        this.pos = pos;
        return;
      }
    }
    // At most 3 bytes per UTF-16 unit; guess the prefix from the unit count, move the bytes if the guess was short.
    const guess = varintSize(len);
    this.ensure(len * 3 + 5);
    const start = this.pos;
    const written = encoder.encodeInto(value, this.buf.subarray(start + guess)).written;
    const size = varintSize(written);
    if (size !== guess) this.buf.copyWithin(start + size, start + guess, start + guess + written);
    this.tag(written);
    this.pos += written;
  }
}
