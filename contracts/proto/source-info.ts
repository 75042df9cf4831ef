/**
 * Proto source paths and their spans, from a file's SourceCodeInfo.
 *
 * A source path is the list of field numbers and indexes that leads from a
 * FileDescriptorProto to an element: `[4, 0, 2, 1]` is the second field of the
 * first message. buf keeps SourceCodeInfo in its images, so each element of the
 * model can be placed at its line and column.
 */
import type { DescEnum, DescEnumValue, DescField, DescFile, DescMessage, DescMethod, DescOneof, DescService } from '@bufbuild/protobuf';

// Field numbers of descriptor.proto, the steps of a source path.
const FILE_MESSAGE_TYPE = 4;
const FILE_ENUM_TYPE = 5;
const FILE_SERVICE = 6;
const MESSAGE_FIELD = 2;
const MESSAGE_NESTED_TYPE = 3;
const MESSAGE_ENUM_TYPE = 4;
const MESSAGE_ONEOF_DECL = 8;
const SERVICE_METHOD = 2;
const ENUM_VALUE = 2;

/** Elements that have a source path. */
export type SourceDesc = DescMessage | DescEnum | DescEnumValue | DescField | DescOneof | DescService | DescMethod;

/** A 1-based span in a proto file. */
export interface SourceSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The source path of `desc` inside its file (see descriptor.proto, `SourceCodeInfo.Location.path`). */
export function sourcePathOf(desc: SourceDesc): number[] {
  switch (desc.kind) {
    case 'message':
      return desc.parent
        ? [...sourcePathOf(desc.parent), MESSAGE_NESTED_TYPE, desc.parent.proto.nestedType.indexOf(desc.proto)]
        : [FILE_MESSAGE_TYPE, desc.file.proto.messageType.indexOf(desc.proto)];
    case 'enum':
      return desc.parent
        ? [...sourcePathOf(desc.parent), MESSAGE_ENUM_TYPE, desc.parent.proto.enumType.indexOf(desc.proto)]
        : [FILE_ENUM_TYPE, desc.file.proto.enumType.indexOf(desc.proto)];
    case 'enum_value':
      return [...sourcePathOf(desc.parent), ENUM_VALUE, desc.parent.proto.value.indexOf(desc.proto)];
    case 'field':
      return [...sourcePathOf(desc.parent), MESSAGE_FIELD, desc.parent.proto.field.indexOf(desc.proto)];
    case 'oneof':
      return [...sourcePathOf(desc.parent), MESSAGE_ONEOF_DECL, desc.parent.proto.oneofDecl.indexOf(desc.proto)];
    case 'service':
      return [FILE_SERVICE, desc.file.proto.service.indexOf(desc.proto)];
    case 'rpc':
      return [...sourcePathOf(desc.parent), SERVICE_METHOD, desc.parent.proto.method.indexOf(desc.proto)];
  }
}

/** Looks up spans by source path in one file. */
export interface SourceIndex {
  /** The span of the element at `path`, or undefined when the file has no source info for it. */
  spanOf(path: readonly number[]): SourceSpan | undefined;
}

const indexes = new WeakMap<DescFile, SourceIndex>();

/** The span index of `file`, built once per file from its SourceCodeInfo. */
export function sourceIndexOf(file: DescFile): SourceIndex {
  let index = indexes.get(file);
  if (!index) {
    index = createSourceIndex(file);
    indexes.set(file, index);
  }
  return index;
}

/** Builds a span index over `file.proto.sourceCodeInfo` (empty when the image has no source info). */
export function createSourceIndex(file: DescFile): SourceIndex {
  const spans = new Map<string, SourceSpan>();
  for (const loc of file.proto.sourceCodeInfo?.location ?? []) {
    const key = loc.path.join(',');
    // The first location for a path is the whole element; later ones (rare) are partial.
    if (spans.has(key) || loc.span.length < 3) continue;
    const [startLine, startCol, a, b] = loc.span;
    // Spans are 0-based: [line, col, endCol] on one line or [line, col, endLine, endCol].
    const span: SourceSpan =
      loc.span.length === 3
        ? { line: startLine + 1, column: startCol + 1, endLine: startLine + 1, endColumn: a + 1 }
        : { line: startLine + 1, column: startCol + 1, endLine: a + 1, endColumn: b + 1 };
    spans.set(key, span);
  }
  return { spanOf: (path) => spans.get(path.join(',')) };
}

/** The span of `desc` in its file, or undefined without source info. */
export function spanOf(desc: SourceDesc): SourceSpan | undefined {
  return sourceIndexOf(fileOf(desc)).spanOf(sourcePathOf(desc));
}

/** The file that declares `desc`. */
export function fileOf(desc: SourceDesc): DescFile {
  switch (desc.kind) {
    case 'message':
    case 'enum':
    case 'service':
      return desc.file;
    case 'enum_value':
    case 'field':
    case 'oneof':
    case 'rpc':
      return fileOf(desc.parent);
  }
}
