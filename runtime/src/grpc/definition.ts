/**
 * The bridge from protobuf-es service descriptors (`GenService`, as
 * protoc-gen-es generates them) to grpc-js service definitions.
 */
import { create, fromBinary, isMessage, toBinary, type DescMessage, type DescMethod, type DescService, type MessageShape } from '@bufbuild/protobuf';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';

/**
 * Serializer for a message type. It accepts a message or a plain init object
 * (`{ orderId: '1' }`): `toBinary` needs `$typeName`, so init objects are
 * wrapped with `create()` first.
 */
export function createSerializer<Desc extends DescMessage>(schema: Desc): (value: unknown) => Buffer {
  return (value) => {
    const message = isMessage(value, schema) ? value : create(schema, value as never);
    const bytes = toBinary(schema, message);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}

/** Deserializer for a message type. */
export function createDeserializer<Desc extends DescMessage>(schema: Desc): (bytes: Buffer) => MessageShape<Desc> {
  return (bytes) => fromBinary(schema, bytes);
}

/** `/orders.v1.OrderService/GetOrder`. */
export function methodPath(method: DescMethod): string {
  return `/${method.parent.typeName}/${method.name}`;
}

const definitions = new WeakMap<DescMethod, MethodDefinition<unknown, unknown>>();

/** The grpc-js method definition of one method (memoized per descriptor). */
export function methodDefinition(method: DescMethod): MethodDefinition<unknown, unknown> {
  let def = definitions.get(method);
  if (!def) {
    const streams = { unary: [false, false], server_streaming: [false, true], client_streaming: [true, false], bidi_streaming: [true, true] }[
      method.methodKind
    ];
    def = {
      path: methodPath(method),
      requestStream: streams[0]!,
      responseStream: streams[1]!,
      requestSerialize: createSerializer(method.input),
      requestDeserialize: createDeserializer(method.input),
      responseSerialize: createSerializer(method.output),
      responseDeserialize: createDeserializer(method.output),
      originalName: method.localName,
    };
    definitions.set(method, def);
  }
  return def;
}

/** A grpc-js `ServiceDefinition` keyed by the methods' local (camelCase) names. */
export function serviceDefinition(service: DescService): ServiceDefinition {
  const def: Record<string, MethodDefinition<unknown, unknown>> = {};
  for (const method of service.methods) def[method.localName] = methodDefinition(method);
  return def as ServiceDefinition;
}
