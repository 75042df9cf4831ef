/**
 * The grpc target's `codec` option: `fast` (the default: generated
 * `<name>_codec.ts` files whose codecs the service files hand to grpc-js) or
 * `protobuf-es` (`toBinary`/`fromBinary` on the wire, as before `fast` was
 * the default).
 */
import { UsageError } from '../../contracts/errors.js';

/** The codecs the generated services put on the wire. */
export type GrpcCodec = 'protobuf-es' | 'fast';

const CODECS: readonly GrpcCodec[] = ['protobuf-es', 'fast'];

/** Reads `codec` from the target's raw options. @throws UsageError for another value. */
export function readCodecOption(raw: Record<string, unknown>): GrpcCodec {
  const codec = raw.codec ?? 'fast';
  if (!CODECS.includes(codec as GrpcCodec)) {
    throw new UsageError(`grpc: option \`codec\` must be one of ${CODECS.join(', ')} (got ${JSON.stringify(codec)}).`);
  }
  return codec as GrpcCodec;
}
