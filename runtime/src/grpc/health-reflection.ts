/**
 * The standard health (`grpc.health.v1.Health`) and reflection
 * (`grpc.reflection.v1` and `v1alpha`) services, from `grpc-health-check` and
 * `@grpc/reflection` (optional peer dependencies, loaded only here).
 * Reflection is fed from a buf image (or any FileDescriptorSet), or from the
 * descriptors embedded in protoc-gen-es output.
 */
import { create, toBinary, type DescFile, type DescService } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import type * as grpc from '@grpc/grpc-js';

/** Serving status of the health service. */
export type ServingStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING';

/** Controls the health service added by {@link addHealthService}. */
export interface HealthControl {
  /** Sets the status of a service (`''` is the whole server). Watchers are notified. */
  setStatus(service: string, status: ServingStatus): void;
}

async function optional<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    throw new Error(`${name} is needed for this helper: npm install ${name}`, { cause: e });
  }
}

/**
 * Adds `grpc.health.v1.Health` to `server`. `statuses` defaults to the whole
 * server (`''`) serving; set each service's status as it becomes ready.
 */
export async function addHealthService(server: grpc.Server, statuses: Record<string, ServingStatus> = { '': 'SERVING' }): Promise<HealthControl> {
  const { HealthImplementation } = await optional('grpc-health-check', () => import('grpc-health-check'));
  const health = new HealthImplementation(statuses);
  health.addToServer(server);
  return { setStatus: (service, status) => health.setStatus(service, status) };
}

/** The descriptors reflection describes. */
export type ReflectionSource = Uint8Array | readonly (DescService | DescFile)[];

/** A FileDescriptorSet (binary) of `files` and everything they import, dependencies first. */
export function descriptorSetOf(items: readonly (DescService | DescFile)[]): Uint8Array {
  const seen = new Set<DescFile>();
  const ordered: DescFile[] = [];
  const visit = (f: DescFile) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const d of f.dependencies) visit(d);
    ordered.push(f);
  };
  for (const item of items) visit(item.kind === 'service' ? item.file : item);
  return toBinary(FileDescriptorSetSchema, create(FileDescriptorSetSchema, { file: ordered.map((f) => f.proto) }));
}

/**
 * Adds server reflection (v1 and v1alpha) to `server`, describing `source`:
 * the bytes of a buf image / FileDescriptorSet (`buf build -o image.binpb`), or
 * services and files from protoc-gen-es output.
 */
export async function addReflectionService(server: grpc.Server, source: ReflectionSource): Promise<void> {
  const { ReflectionService } = await optional('@grpc/reflection', () => import('@grpc/reflection'));
  const protoLoader = await optional('@grpc/proto-loader', () => import('@grpc/proto-loader'));
  const bytes = source instanceof Uint8Array ? source : descriptorSetOf(source);
  const definition = protoLoader.loadFileDescriptorSetFromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  new ReflectionService(definition).addToServer(server);
}
