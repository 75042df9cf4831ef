/**
 * The grpc target's `codec` option: `protobuf-es` (the default:
 * `toBinary`/`fromBinary` on the wire) or `fast` (generated `<name>_codec.ts`
 * files whose codecs the service files hand to grpc-js).
 */
import { UsageError } from '../../contracts/errors.js';

/** The codecs the generated services put on the wire. */
export type GrpcCodec = 'protobuf-es' | 'fast';

const CODECS: readonly GrpcCodec[] = ['protobuf-es', 'fast'];

/** Reads `codec` from the target's raw options. @throws UsageError for another value. */
export function readCodecOption(raw: Record<string, unknown>): GrpcCodec {
  const codec = raw.codec ?? 'protobuf-es';
  if (!CODECS.includes(codec as GrpcCodec)) {
    throw new UsageError(`grpc: option \`codec\` must be one of ${CODECS.join(', ')} (got ${JSON.stringify(codec)}).`);
  }
  return codec as GrpcCodec;
}
