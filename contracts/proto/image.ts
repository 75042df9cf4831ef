/**
 * Decoding a buf image (a FileDescriptorSet with buf's per-file extension).
 */
import { createFileRegistry, fromBinary, type FileRegistry } from '@bufbuild/protobuf';
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { FileDescriptorSetSchema, type FileDescriptorProto, type FileDescriptorSet } from '@bufbuild/protobuf/wkt';

/** Field number of buf's `ImageFileExtension` on FileDescriptorProto (`buf.alpha.image.v1`). */
const BUF_IMAGE_FILE_EXTENSION = 8042;
/** `ImageFileExtension.is_import`. */
const IS_IMPORT = 1;

/** A decoded image. */
export interface DecodedImage {
  set: FileDescriptorSet;
  registry: FileRegistry;
}

// decoded once per image: the loader and then the generator (and checks) ask for the same bytes
const decoded = new WeakMap<Uint8Array, DecodedImage>();

/**
 * Decodes image bytes (once: the same bytes give the same decoded image, which
 * callers only read); throws when they are not a complete FileDescriptorSet
 * (imports included).
 */
export function decodeImage(bytes: Uint8Array): DecodedImage {
  let image = decoded.get(bytes);
  if (!image) {
    const set = fromBinary(FileDescriptorSetSchema, bytes);
    image = { set, registry: createFileRegistry(set) };
    decoded.set(bytes, image);
  }
  return image;
}

/**
 * Whether buf marked `file` as an import (a dependency such as
 * `google/protobuf/timestamp.proto`, not a file of the module itself).
 * protobuf-es keeps the extension as an unknown field, decoded here by hand.
 * Undefined when the image has no buf extension (a plain descriptor set).
 */
export function isImportFile(file: FileDescriptorProto): boolean | undefined {
  const ext = file.$unknown?.find((f) => f.no === BUF_IMAGE_FILE_EXTENSION && f.wireType === WireType.LengthDelimited);
  if (!ext) return undefined;
  // Unknown length-delimited data keeps its length prefix.
  const reader = new BinaryReader(new BinaryReader(ext.data).bytes());
  let isImport = false;
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === IS_IMPORT && wireType === WireType.Varint) isImport = reader.bool();
    else reader.skip(wireType, no);
  }
  return isImport;
}
