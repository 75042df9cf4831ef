/**
 * The runtime's wire writer and reader beside protobuf-es's BinaryWriter and
 * BinaryReader on random values: the same bytes for every scalar type (values
 * given as bigint, number or numeric string where protobuf-es takes them),
 * the same values read back, UTF-8 exactly as TextEncoder/TextDecoder (lone
 * surrogates, BOM, invalid sequences replaced, or rejected when strict), and
 * the same errors for values outside a type's range.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';
import { ProtoReader, ProtoWriter } from '@contractkit/runtime/protobuf';

type Method = 'int32' | 'uint32' | 'sint32' | 'fixed32' | 'sfixed32' | 'float' | 'double' | 'bool' | 'string' | 'bytes' | 'int64' | 'uint64' | 'sint64' | 'fixed64' | 'sfixed64';

const I64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const U64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const as64 = (a: fc.Arbitrary<bigint>) => fc.oneof(a, a.map(String), fc.integer({ min: -1000, max: 1000 }).filter((n) => n >= 0 || a !== U64));
const VALUES: Record<Method, fc.Arbitrary<unknown>> = {
  int32: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  uint32: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  sint32: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fixed32: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  sfixed32: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  float: fc.float(),
  double: fc.double(),
  bool: fc.boolean(),
  string: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', minLength: 40, maxLength: 200 })),
  bytes: fc.uint8Array({ maxLength: 300 }),
  int64: as64(I64),
  uint64: as64(U64),
  sint64: as64(I64),
  fixed64: as64(U64),
  sfixed64: as64(I64),
};

function theirs(method: Method, values: unknown[]): Uint8Array {
  const w = new BinaryWriter();
  for (const v of values) (w[method] as (x: unknown) => unknown).call(w, v);
  return w.finish();
}
function ours(method: Method, values: unknown[]): Uint8Array {
  const w = new ProtoWriter(8);
  for (const v of values) (w[method] as (x: unknown) => unknown).call(w, v);
  return w.finish();
}

describe('ProtoWriter and ProtoReader beside BinaryWriter and BinaryReader', () => {
  it.each(Object.keys(VALUES) as Method[])('%s: same bytes, same values read back', (method) => {
    fc.assert(
      fc.property(fc.array(VALUES[method], { maxLength: 20 }), (values) => {
        const bytes = theirs(method, values);
        expect(ours(method, values)).toEqual(bytes);
        const a = new ProtoReader(bytes);
        const b = new BinaryReader(bytes);
        while (b.pos < b.len) {
          const read = method === 'string' ? [a.string(true), b.string(true)] : [(a[method] as () => unknown).call(a), (b[method] as () => unknown).call(b)];
          expect(read[0]).toStrictEqual(read[1]);
        }
        expect(a.pos).toBe(b.pos);
      }),
      { numRuns: 200 },
    );
  });

  it('nested forks with payloads of every prefix size give the same bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 3 }), (sizes) => {
        const write = (w: { fork(): unknown; join(): unknown; bytes(b: Uint8Array): unknown }) => {
          for (const _ of sizes) w.fork();
          for (const s of sizes) {
            w.bytes(new Uint8Array(s).fill(7));
            w.join();
          }
        };
        const a = new ProtoWriter(4);
        write(a);
        const b = new BinaryWriter();
        write(b);
        expect(a.finish()).toEqual(b.finish());
      }),
      { numRuns: 30 },
    );
  });

  it('UTF-8 of random bytes: replaced like TextDecoder, or rejected when strict exactly when TextDecoder is fatal', () => {
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
    const fatal = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 17, maxLength: 200 }), fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s))), (payload) => {
        const framed = new Uint8Array([...ours('uint32', [payload.length]), ...payload]);
        expect(new ProtoReader(framed).string(false)).toBe(lenient.decode(payload));
        let expected: string | undefined;
        try {
          expected = fatal.decode(payload);
        } catch {
          expected = undefined;
        }
        if (expected === undefined) expect(() => new ProtoReader(framed).string(true)).toThrow();
        else expect(new ProtoReader(framed).string(true)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('short strings of every length up to 40, ASCII and with one non-ASCII byte at every position, read as TextDecoder reads them', () => {
    // the small-string path reads 8-byte chunks and a tail by length: every length and every position of the odd byte
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
    const fatal = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
    const payloads: Uint8Array[] = [];
    for (let len = 0; len <= 40; len++) {
      const ascii = Uint8Array.from({ length: len }, (_, i) => 0x21 + ((i * 7) % 94));
      payloads.push(ascii);
      for (let at = 0; at < len; at++) {
        for (const odd of [[0xc3, 0xa9], [0xff], [0x80], [0xe2, 0x82, 0xac]]) {
          const p = Uint8Array.from([...ascii.subarray(0, at), ...odd, ...ascii.subarray(at + odd.length)]).subarray(0, Math.max(len, at + odd.length));
          payloads.push(p);
        }
      }
    }
    for (const payload of payloads) {
      const framed = new Uint8Array([...ours('uint32', [payload.length]), ...payload, 0x41]);
      const r = new ProtoReader(framed);
      expect(r.string(false)).toBe(lenient.decode(payload));
      expect(r.pos).toBe(framed.length - 1);
      let strict: string | undefined;
      try {
        strict = fatal.decode(payload);
      } catch {
        strict = undefined;
      }
      if (strict === undefined) expect(() => new ProtoReader(framed).string(true)).toThrow();
      else expect(new ProtoReader(framed).string(true)).toBe(strict);
    }
  });

  it('64-bit varints of one to ten bytes, overlong ones included, read as BinaryReader reads them', () => {
    // int64/uint64 read varints of up to four bytes without the 64-bit halves: every length, at the boundaries
    const cases: number[][] = [];
    for (let n = 1; n <= 10; n++) {
      for (const fill of [0x00, 0x7f, 0x55]) {
        const bytes = Array.from({ length: n }, (_, i) => (i < n - 1 ? 0x80 | fill : n === 10 ? 1 : fill));
        cases.push(bytes, bytes.map((b, i) => (i === n - 1 ? 0 : b)));
      }
    }
    for (const bytes of cases) {
      for (const method of ['int64', 'uint64'] as const) {
        const framed = new Uint8Array([...bytes, 0x08]);
        const theirsReader = new BinaryReader(framed);
        const r = new ProtoReader(framed);
        expect(r[method]()).toBe(BigInt(theirsReader[method]()));
        expect(r.pos).toBe(theirsReader.pos);
      }
    }
    // cut short: both fail
    for (const bytes of [[0x80], [0x80, 0x80], [0x80, 0x80, 0x80], [0xff, 0xff, 0xff, 0xff]]) {
      expect(() => new BinaryReader(new Uint8Array(bytes)).int64()).toThrow();
      expect(() => new ProtoReader(new Uint8Array(bytes)).int64()).toThrow();
    }
  });

  it.each([
    ['int32', 1.5],
    ['int32', 2 ** 31],
    ['uint32', -1],
    ['fixed32', 2 ** 32],
    ['float', 1e39],
    ['int64', 2n ** 63n],
    ['uint64', -1n],
    ['int64', '1.5'],
    ['int32', 'x'],
  ] as [Method, unknown][])('%s(%s) throws as protobuf-es does', (method, value) => {
    expect(() => theirs(method, [value])).toThrow();
    expect(() => ours(method, [value])).toThrow();
  });

  it('finished messages keep their bytes while later ones are written (small ones share a slab, large ones do not)', () => {
    // finish() hands out views into a shared slab: a later message, a reset or a full slab must never touch them
    const w = new ProtoWriter(16);
    const kept: [Uint8Array, number[]][] = [];
    for (let i = 0; i < 3000; i++) {
      w.reset();
      const size = i % 97 === 0 ? 5000 + i : (i * 37) % 300;
      for (let k = 0; k < size; k++) w.raw(new Uint8Array([(i + k) & 0xff]));
      const bytes = w.finish();
      expect(bytes.length).toBe(size);
      kept.push([bytes, Array.from({ length: size }, (_, k) => (i + k) & 0xff)]);
    }
    for (const [bytes, expected] of kept) expect(Array.from(bytes)).toEqual(expected);
    // a view does not reach into its neighbours
    const a = kept[1]![0];
    expect(a.subarray(a.length).length).toBe(0);
  });

  it('numeric strings where protobuf-es accepts them', () => {
    for (const [method, value] of [['int32', '-5'], ['uint32', '7'], ['float', 'NaN'], ['double', '2.5']] as [Method, unknown][]) {
      expect(ours(method, [value]), `${method}(${String(value)})`).toEqual(theirs(method, [value]));
    }
  });
});
