/**
 * From protobuf-es descriptors to the ContractModel's RPC elements.
 */
import { ScalarType, type DescEnum, type DescField, type DescFile, type DescMessage, type DescService } from '@bufbuild/protobuf';
import { FeatureSet_FieldPresence, MethodOptions_IdempotencyLevel } from '@bufbuild/protobuf/wkt';
import type { RpcEnum, RpcField, RpcIdempotency, RpcMessage, RpcMethod, RpcService, SourceRef } from '../model/types.js';
import { fileOf, spanOf, type SourceDesc } from './source-info.js';

/** The RPC elements of a set of files. */
export interface NormalizedProto {
  services: RpcService[];
  messages: RpcMessage[];
  enums: RpcEnum[];
}

/** Maps a descriptor to where it is written. */
export type Locate = (desc: SourceDesc) => SourceRef;

/**
 * Creates a {@link Locate} that places descriptors at `absoluteFile(file)` with
 * the line and column of their SourceCodeInfo span.
 */
export function createLocate(absoluteFile: (file: DescFile) => string): Locate {
  return (desc) => {
    const file = absoluteFile(fileOf(desc));
    const span = spanOf(desc);
    return span ? { file, line: span.line, column: span.column } : { file };
  };
}

/** Normalizes services, messages (nested ones too, map entries left out) and enums of `files`, in file order. */
export function normalizeFiles(files: readonly DescFile[], locate: Locate): NormalizedProto {
  const out: NormalizedProto = { services: [], messages: [], enums: [] };
  for (const file of files) {
    for (const service of file.services) out.services.push(normalizeService(service, locate));
    for (const message of file.messages) collectMessage(message, locate, out);
    for (const e of file.enums) out.enums.push(normalizeEnum(e, locate));
  }
  return out;
}

/** Normalizes one service with its methods. */
export function normalizeService(service: DescService, locate: Locate): RpcService {
  const methods: RpcMethod[] = service.methods.map((m) => ({
    name: m.name,
    path: `/${service.typeName}/${m.name}`,
    kind: m.methodKind,
    input: m.input.typeName,
    output: m.output.typeName,
    idempotency: idempotencyOf(m.idempotency),
    deprecated: m.deprecated,
    location: locate(m),
  }));
  return {
    fullName: service.typeName,
    name: service.name,
    package: service.file.proto.package,
    protoFile: service.file.proto.name,
    methods,
    location: locate(service),
  };
}

function idempotencyOf(level: MethodOptions_IdempotencyLevel): RpcIdempotency {
  switch (level) {
    case MethodOptions_IdempotencyLevel.NO_SIDE_EFFECTS:
      return 'no_side_effects';
    case MethodOptions_IdempotencyLevel.IDEMPOTENT:
      return 'idempotent';
    default:
      return 'unknown';
  }
}

function collectMessage(message: DescMessage, locate: Locate, out: NormalizedProto): void {
  // Map entries are synthetic messages the compiler writes for `map<K, V>` fields.
  if (message.proto.options?.mapEntry) return;
  out.messages.push(normalizeMessage(message, locate));
  for (const nested of message.nestedMessages) collectMessage(nested, locate, out);
  for (const e of message.nestedEnums) out.enums.push(normalizeEnum(e, locate));
}

/** Normalizes one message's own fields (nested messages are separate entries). */
export function normalizeMessage(message: DescMessage, locate: Locate): RpcMessage {
  return {
    fullName: message.typeName,
    name: message.name,
    package: message.file.proto.package,
    protoFile: message.file.proto.name,
    fields: message.fields.map((f) => normalizeField(f, locate)),
    location: locate(message),
  };
}

/**
 * Normalizes a field. `type` is the scalar name (`string`, `int64`), the full
 * name of a message or enum, the element type of a list, or `map<K, V>`.
 * `optional` means explicit presence on a singular field: proto3 `optional`,
 * proto2 `optional`, message fields and oneof members (what generated code types as `?:`).
 */
export function normalizeField(field: DescField, locate: Locate): RpcField {
  const base = { name: field.name, number: field.number, jsonName: field.jsonName, location: locate(field) };
  switch (field.fieldKind) {
    case 'scalar':
    case 'enum':
    case 'message': {
      const type = field.fieldKind === 'scalar' ? scalarName(field.scalar) : (field.fieldKind === 'enum' ? field.enum : field.message).typeName;
      const oneof = field.oneof?.name;
      return {
        ...base,
        fieldKind: field.fieldKind,
        type,
        ...(oneof !== undefined ? { oneof } : {}),
        optional: field.presence === FeatureSet_FieldPresence.EXPLICIT,
      };
    }
    case 'list': {
      const type = field.listKind === 'scalar' ? scalarName(field.scalar) : (field.listKind === 'enum' ? field.enum : field.message).typeName;
      return { ...base, fieldKind: 'list', type, optional: false };
    }
    case 'map': {
      const value = field.mapKind === 'scalar' ? scalarName(field.scalar) : (field.mapKind === 'enum' ? field.enum : field.message).typeName;
      return { ...base, fieldKind: 'map', type: `map<${scalarName(field.mapKey)}, ${value}>`, optional: false };
    }
  }
}

/** `ScalarType.INT64` → `int64`, as written in .proto files. */
export function scalarName(scalar: ScalarType): string {
  return ScalarType[scalar].toLowerCase();
}

/** Normalizes an enum with its values. */
export function normalizeEnum(e: DescEnum, locate: Locate): RpcEnum {
  return {
    fullName: e.typeName,
    values: e.values.map((v) => ({ name: v.name, number: v.number })),
    location: locate(e),
  };
}
