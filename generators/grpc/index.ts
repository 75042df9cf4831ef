/**
 * The `grpc` generator: messages and enums through protoc-gen-es, and per
 * proto file with services a `<name>_grpc.ts` with typed handlers, register
 * functions and clients over `@contractkit/runtime/grpc` and `@grpc/grpc-js`.
 *
 * Options: `paths` (files or directories relative to the proto root, like
 * `buf generate --path`), `jsonTypes` (protoc-gen-es `json_types`), `codec`
 * (`fast`, the default: a `<name>_codec.ts` per file with encoders and
 * decoders specialised to each message, which the service files hand to
 * grpc-js; `protobuf-es`: `toBinary`/`fromBinary` on the wire).
 */
export { matchesPaths, type GrpcGeneratorOptions } from './options.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../contracts/errors.js';
import { contractsOfKind, type ProtoContract } from '../../contracts/model/types.js';
import { decodeImage, isImportFile } from '../../contracts/proto/image.js';
import { defineGenerator, type GeneratedFile } from '../core/registry.js';
import { generateMessages } from './messages.js';
import { GRPC_OPTIONS_SCHEMA, matchesPaths, readGrpcOptions, type GrpcGeneratorOptions } from './options.js';
import { loadProtoplugin } from './protoplugin.js';
import { buildCodecFile } from './codec-file.js';
import { readCodecOption, type GrpcCodec } from './codec-option.js';
import { planCodecs } from './codec-plan.js';
import { buildServiceFile } from './service-file.js';
import { checkSupport } from './support.js';

/** Generates messages and service stubs for one proto contract; `progress` hears of each phase. */
export async function generateGrpc(contract: ProtoContract, options: GrpcGeneratorOptions = {}, progress: (phase: string) => void = () => undefined): Promise<GeneratedFile[]> {
  const { set, registry } = decodeImage(contract.image);
  const own = new Set(set.file.filter((f) => isImportFile(f) !== true && matchesPaths(f.name, options.paths)).map((f) => f.name));
  if (own.size === 0) {
    throw new UsageError(
      `grpc: no proto file of ${contract.name} matches ${options.paths?.length ? `paths ${options.paths.join(', ')}` : 'the contract'}.`,
      [],
    );
  }
  const files = [...registry.files].filter((f) => own.has(f.proto.name));
  // without a package, service paths (`/Echo/Call`) and message names are not what any other
  // gRPC tool expects, and `lint` already says the package is missing: no faithful output
  const unpackaged = files.filter((f) => !f.proto.package);
  if (unpackaged.length > 0) {
    throw new UsageError(
      `grpc: ${unpackaged.map((f) => f.proto.name).join(', ')} ${unpackaged.length === 1 ? 'declares' : 'declare'} no package; nothing was written.`,
      unpackaged.map((f) => ({
        ruleId: 'grpc/missing-package',
        severity: 'error' as const,
        kind: 'proto' as const,
        file: protoFilePath(contract.file, f.proto.name),
        line: 1,
        column: 1,
        message: `${f.proto.name} declares no package; the grpc target generates only from files with a package (\`package shop.v1;\`).`,
        hint: 'Add a `package` statement matching the directory (buf lint PACKAGE_DEFINED), e.g. `package echo.v1;` in echo/v1/.',
      })),
    );
  }
  const problems = checkSupport(contract, files.flatMap((f) => f.services));
  if (problems.length > 0) {
    throw new UsageError(`grpc: ${contract.name} uses ${problems.length === 1 ? 'a feature' : 'features'} the generator does not support yet.`, problems);
  }
  const names = await loadProtoplugin();
  progress('messages');
  const messages = await generateMessages(contract, options);
  progress('services');
  // `fast` unless `protobuf-es` is asked for (also when called without readGrpcOptions)
  const codecPlan = options.codec !== 'protobuf-es' ? planCodecs(files, names) : undefined;
  const codecs = codecPlan ? codecPlan.files.map((entry) => buildCodecFile(entry, codecPlan, names, files)) : [];
  const services = files.filter((f) => f.services.length > 0).map((f) => buildServiceFile(f, names, files, codecPlan));
  return [...messages, ...codecs, ...services].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The registered `grpc` generator. */
export const grpcGenerator = defineGenerator({
  name: 'grpc',
  optionsSchema: GRPC_OPTIONS_SCHEMA,
  async generate(model, ctx) {
    const options = readGrpcOptions(ctx.options);
    const out: GeneratedFile[] = [];
    for (const contract of contractsOfKind(model, 'proto')) out.push(...(await generateGrpc(contract, options, ctx.progress)));
    return out;
  },
});

/** The file a descriptor came from: `name` under the proto root (the contract's file when it is one file). */
function protoFilePath(root: string, name: string): string {
  const underRoot = join(root, name);
  return existsSync(root) && statSync(root).isDirectory() && existsSync(underRoot) ? underRoot : root;
}
