/**
 * The grpc target's options (`options:` in contractkit.yaml, `--path` on the
 * command line), read without loading the generator: the CLI uses `paths` to
 * build only the selected files.
 */
import { UsageError } from '../../contracts/errors.js';
import { readCodecOption, type GrpcCodec } from './codec-option.js';
import type { MessageOptions } from './messages.js';
import type { OptionsSchema } from '../core/options-schema.js';

/** Options of the grpc generator, from the config's `options:`. */
export interface GrpcGeneratorOptions extends MessageOptions {
  /** `fast` (the default): generated codecs (`<name>_codec.ts`) on the wire; `protobuf-es`: its `toBinary`/`fromBinary`. */
  codec?: GrpcCodec;
}

const PATHS = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }] };

/** JSON Schema of the options, validated before the generator runs. */
export const GRPC_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    paths: { ...PATHS, description: 'Proto files or directories relative to the proto root (like `buf generate --path`).' },
    path: { ...PATHS, description: 'The same as `paths`.' },
    jsonTypes: { type: 'boolean', description: 'protoc-gen-es `json_types`: JSON types of every message.' },
    codec: { enum: ['protobuf-es', 'fast'], description: '`fast` (the default): generated codecs on the wire; `protobuf-es`: its toBinary/fromBinary.' },
  },
} as const satisfies OptionsSchema;

/** Reads `paths` (or `path`; a string or a list, `./` and a trailing `/` dropped), `jsonTypes` and `codec`. @throws UsageError for a malformed `paths`. */
export function readGrpcOptions(raw: Record<string, unknown>): GrpcGeneratorOptions {
  const paths = raw.paths ?? raw.path;
  const list = paths === undefined ? undefined : Array.isArray(paths) ? paths : [paths];
  if (list && !list.every((p): p is string => typeof p === 'string' && p !== '')) {
    throw new UsageError('grpc: option `paths` must be a list of proto files or directories relative to the proto root (like `buf generate --path`).');
  }
  return { paths: list?.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '')), jsonTypes: raw.jsonTypes === true, codec: readCodecOption(raw) };
}

/** True when proto file `name` is selected by buf-style `paths` (a file, or a directory prefix). */
export function matchesPaths(name: string, paths: readonly string[] | undefined): boolean {
  if (!paths?.length) return true;
  return paths.some((p) => name === p || name.startsWith(p + '/'));
}
