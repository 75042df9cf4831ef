/**
 * @contractkit/runtime/protobuf: the wire writer and reader that code
 * generated with `codec: fast` (`<name>_codec.ts`) encodes and decodes
 * through, and the codec shape the gRPC runtime takes (`codecs` option).
 */
export { ProtoWriter, varintSize } from './writer.js';
export { ProtoReader } from './reader.js';
export { createCodec, encodeWith, type CodecMap, type MessageCodec, type ReadFn, type WriteFn } from './codec.js';
export {
  RECURSION_LIMIT,
  bigintKey,
  boolKey,
  intKey,
  readUnknown,
  setEntry,
  tooDeep,
  unknownEnum,
  writeUnknown,
} from './fields.js';
export { structToJson, structToMessage } from './struct-json.js';
