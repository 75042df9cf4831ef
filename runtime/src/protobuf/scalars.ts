/**
 * The slow paths of the writer: values that are not already valid numbers of
 * their type are converted or rejected the way protobuf-es's BinaryWriter
 * does it (a numeric string is accepted, 1.5 in an int32 field is an error),
 * and 64-bit values split into two 32-bit halves.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const view = /* @__PURE__ */ new DataView(new ArrayBuffer(8));

/** Throws the error for a value that is not of the field's type. */
export function invalid(type: string, value: unknown): never {
  throw new Error(`invalid ${type}: ${typeof value === 'number' || typeof value === 'string' ? value : typeof value}`);
}

function numberOf(type: string, value: unknown): number {
  if (typeof value === 'string') return Number(value);
  if (typeof value !== 'number') invalid(type, value);
  return value as number;
}

/** `value` as a uint32, or throws. */
export function uint32Of(value: unknown): number {
  const n = numberOf('uint32', value);
  if (!Number.isInteger(n) || n > 0xffffffff || n < 0) invalid('uint32', n);
  return n;
}

/** `value` as an int32, or throws. */
export function int32Of(value: unknown): number {
  const n = numberOf('int32', value);
  if (!Number.isInteger(n) || n > 0x7fffffff || n < -0x80000000) invalid('int32', n);
  return n;
}

/** `value` as a float32 (NaN and infinities are valid; finite values beyond float32 are not), or throws. */
export function assertFloat32(value: unknown): number {
  let n: number;
  if (typeof value === 'string') {
    n = Number(value);
    if (Number.isNaN(n) && value !== 'NaN') invalid('float32', value);
  } else n = numberOf('float32', value);
  if (!Number.isFinite(Math.fround(n)) && Number.isFinite(n)) invalid('float32', n);
  return n;
}

/** The halves {@link split64} wrote: low and high 32 bits, unsigned. */
export const halves = { lo: 0, hi: 0 };

/** Splits a 64-bit integer (bigint, or a decimal string or number as protobuf-es accepts them) into {@link halves}. */
export function split64(value: bigint | string | number, unsigned: boolean): void {
  // a bigint in range: the range check is BigInt.asIntN/asUintN(64), which V8 compiles to plain 64-bit operations
  if (typeof value === 'bigint' && (unsigned ? BigInt.asUintN(64, value) : BigInt.asIntN(64, value)) === value) {
    view.setBigInt64(0, value, true);
    halves.lo = view.getUint32(0, true);
    halves.hi = view.getUint32(4, true);
    return;
  }
  const bi = typeof value === 'bigint' ? value : BigInt(value);
  if (unsigned ? bi > UINT64_MAX || bi < 0n : bi > INT64_MAX || bi < INT64_MIN) {
    throw new Error(`invalid ${unsigned ? 'uint64' : 'int64'}: ${value}`);
  }
  view.setBigInt64(0, BigInt.asIntN(64, bi), true);
  halves.lo = view.getUint32(0, true);
  halves.hi = view.getUint32(4, true);
}
