/**
 * A message codec: `encode`/`decode` of one message type, specialised to its
 * fields by `contractkit generate grpc` with `codec: fast`, producing and
 * accepting the same protobuf-es message objects (and bytes) as
 * `toBinary`/`fromBinary`.
 */
import { ProtoReader } from './reader.js';
import { ProtoWriter } from './writer.js';

/** Encodes and decodes one message type. */
export interface MessageCodec<T = unknown> {
  /** The message's full name (`orders.v1.Order`). */
  readonly typeName: string;
  /** The message's bytes, as protobuf-es `toBinary` writes them. */
  encode(message: T): Uint8Array;
  /** The message, as protobuf-es `fromBinary` reads it. */
  decode(bytes: Uint8Array): T;
}

/** Codecs by message type name, as generated `_codec.ts` files export them. */
export type CodecMap = { readonly [typeName: string]: MessageCodec | undefined };

/** Writes the fields of a message (no tag, no length). */
export type WriteFn<T> = (message: T, w: ProtoWriter) => void;
/** Reads `len` bytes of fields into `message` (a message `depth` levels deep, counting itself) and returns it. */
export type ReadFn<T> = (r: ProtoReader, len: number, message: T, depth: number) => T;

// One writer for every encode: encoding is synchronous and never re-entered, so the buffer is reused.
const shared = new ProtoWriter(4096);
/** A writer buffer past this size is dropped after use, so one huge message does not pin memory. */
const KEEP_BYTES = 1 << 20;

/** Encodes with `write` through the shared writer. */
export function encodeWith<T>(write: WriteFn<T>, message: T): Uint8Array {
  const w = shared;
  w.reset();
  write(message, w);
  const bytes = w.finish();
  w.shrink(KEEP_BYTES);
  return bytes;
}

/** A codec from generated write, read and create functions. */
export function createCodec<T>(typeName: string, write: WriteFn<T>, read: ReadFn<T>, init: () => T): MessageCodec<T> {
  return {
    typeName,
    encode: (message) => encodeWith(write, message),
    decode: (bytes) => read(new ProtoReader(bytes), bytes.length, init(), 0),
  };
}
