/**
 * Small pieces the generated codecs call for what is not a plain field:
 * unknown fields (kept in `$unknown` and written back, extensions included,
 * as protobuf-es keeps them), map keys and the recursion limit.
 */
import type { UnknownField } from '@bufbuild/protobuf';
import type { ProtoReader } from './reader.js';
import type { ProtoWriter } from './writer.js';

/** protobuf-es's default recursion limit of `fromBinary`. */
export const RECURSION_LIMIT = 100;

interface WithUnknown {
  $unknown?: UnknownField[] | undefined;
}

/**
 * Reads the field of `tag` that the message does not know into `unknown` (a
 * new list when undefined) and returns the list. The decoder keeps it in a
 * local and sets `$unknown` at the end, as protobuf-es does: a closed enum's
 * unknown value in a message that has no `$unknown` yet is then replaced by
 * the other unknown fields (protobuf-es's behaviour, kept so that both decode
 * alike).
 */
export function readUnknown(r: ProtoReader, unknown: UnknownField[] | undefined, tag: number, depth: number): UnknownField[] {
  const no = tag >>> 3;
  const wireType = tag & 7;
  const data = r.skip(wireType, no, RECURSION_LIMIT - depth);
  (unknown ??= []).push({ no, wireType, data });
  return unknown;
}

/** A closed enum's value that is not one of its values: kept as an unknown varint field on the message, as protobuf-es does. */
export function unknownEnum(message: WithUnknown, no: number, wireType: number, value: number): void {
  const bytes: number[] = [];
  if (value >= 0) {
    while (value > 0x7f) {
      bytes.push((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes.push(value);
  } else {
    for (let i = 0; i < 9; i++) {
      bytes.push((value & 127) | 128);
      value >>= 7;
    }
    bytes.push(1);
  }
  (message.$unknown ??= []).push({ no, wireType, data: new Uint8Array(bytes) });
}

/** Writes the unknown fields back, after the known ones. */
export function writeUnknown(w: ProtoWriter, unknown: readonly UnknownField[]): void {
  for (let i = 0; i < unknown.length; i++) {
    const u = unknown[i]!;
    w.tag(((u.no << 3) | u.wireType) >>> 0);
    w.raw(u.data);
  }
}

/** The error of a message nested past the recursion limit. */
export function tooDeep(typeName: string): never {
  throw new Error(`cannot decode message ${typeName} from binary: maximum recursion depth of ${RECURSION_LIMIT} reached`);
}

/** Sets a map entry (a key `__proto__` included). */
export function setEntry(record: Record<string, unknown>, key: string | number | bigint | boolean, value: unknown): void {
  const k = String(key);
  if (k === '__proto__') Object.defineProperty(record, k, { value, writable: true, enumerable: true, configurable: true });
  else record[k] = value;
}

/** A bool map key from its object key (`"true"`, `"false"`; anything else is passed on, as protobuf-es does). */
export function boolKey(key: string): boolean {
  return key === 'true' ? true : key === 'false' ? false : (key as unknown as boolean);
}

/** A 32-bit integer map key from its object key. */
export function intKey(key: string): number {
  const n = Number.parseInt(key);
  return Number.isFinite(n) ? n : (key as unknown as number);
}

/** A 64-bit integer map key from its object key. */
export function bigintKey(key: string): bigint {
  try {
    return BigInt(key);
  } catch {
    return key as unknown as bigint;
  }
}
