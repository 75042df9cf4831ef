/**
 * The ContractModel: one normalized view of every contract in a run.
 *
 * Generators and contractkit's own rules read this model, never the raw
 * documents. Names follow the specs' own objects. Every element keeps a
 * {@link SourceRef} so a finding about it can be printed at line:column.
 */
import type { ContractKind } from '../finding.js';
import type { GraphQLContract } from './graphql.js';
import type { ResolvedStepCalls, SagaReferences } from './saga-references.js';

export type * from './graphql.js';
export type * from './saga-references.js';

/** Where an element comes from: a file plus a JSON pointer (YAML/JSON) or a proto source path. */
export interface SourceRef {
  /** Absolute path. */
  file: string;
  /** JSON pointer into the file's document, for YAML and JSON sources. */
  pointer?: string;
  /** 1-based line/column when the loader knows them directly (proto). */
  line?: number;
  column?: number;
}

/** A JSON Schema (OpenAPI 3.x Schema Object, AsyncAPI payload schema) kept as plain data. */
export type JsonSchema = Record<string, unknown> | boolean;

/** What every loaded contract has. */
export interface ContractBase {
  /** Name from the config (`orders-api`) or derived from the file name. */
  name: string;
  kind: ContractKind;
  /** Absolute path of the entry file (or the proto root directory, or a GraphQL subgraph's folder). */
  file: string;
  /** Files the contract was read from (entry plus every `$ref`'d or imported file). */
  files: string[];
}

// ---------------------------------------------------------------- OpenAPI

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export interface HttpParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  deprecated: boolean;
  description?: string;
  schema?: JsonSchema;
  location: SourceRef;
}

export interface HttpMediaType {
  /** `application/json`, `multipart/form-data`, … */
  mediaType: string;
  schema?: JsonSchema;
  /** The media type's `example`, if written. */
  example?: unknown;
  /** The named `examples` (each Example Object's `value`, `$ref`s followed; `externalValue`-only ones left out), in document order. */
  examples?: Record<string, unknown>;
  location: SourceRef;
}

export interface HttpRequestBody {
  required: boolean;
  description?: string;
  content: HttpMediaType[];
  location: SourceRef;
}

export interface HttpHeader {
  name: string;
  required: boolean;
  schema?: JsonSchema;
  location: SourceRef;
}

export interface HttpResponse {
  /** `200`, `4XX`, `default`. */
  status: string;
  description?: string;
  headers: HttpHeader[];
  content: HttpMediaType[];
  location: SourceRef;
}

/** How a collection operation pages, as far as the contract says. */
export type PaginationStyle = 'cursor' | 'offset' | 'page' | 'link' | 'none';

/** The query parameters that steer an operation's paging (contracts/openapi/pagination.ts names them). */
export interface HttpPaging {
  /** The cursor parameter (`cursor`, `pageToken`, `*_token`), whatever the style. */
  cursorParam?: string;
  /** The offset parameter (`offset`, `skip`), in the `offset` style. */
  offsetParam?: string;
  /** The page-number parameter (`page`), in the `page` style. */
  pageParam?: string;
  /** The page-size parameter (`limit`, `per_page`, …). */
  limitParam?: string;
}

export interface HttpOperation {
  /** The `operationId` as written, if any. */
  operationId?: string;
  method: HttpMethod;
  /** Path template as written (`/api/v1/orders/{orderId}`). */
  path: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  /** Path-level and operation-level parameters merged (operation wins). */
  parameters: HttpParameter[];
  requestBody?: HttpRequestBody;
  responses: HttpResponse[];
  /** Security requirement objects in effect (operation-level or inherited). */
  security: Record<string, string[]>[];
  pagination: PaginationStyle;
  /** The query parameters that steer the paging. */
  paging: HttpPaging;
  /** True when the operation answers 202 Accepted (asynchronous request/response). */
  async: boolean;
  /** The header parameter carrying the idempotency key (`Idempotency-Key`, `X-Idempotency-Key`), when declared. */
  idempotencyKey?: HttpParameter;
  /** `x-` extensions on the operation. */
  extensions: Record<string, unknown>;
  location: SourceRef;
}

export interface HttpSchema {
  name: string;
  schema: JsonSchema;
  location: SourceRef;
}

/** A Server Object (Swagger 2.0: `schemes` × `host` + `basePath`). */
export interface HttpServer {
  url: string;
  description?: string;
  /** Server variables by name (`{region}` in the URL), with their defaults as text. */
  variables?: Record<string, { default?: string; enum?: string[]; description?: string }>;
}

/** A Tag Object: the name operations group by, and what the group is. */
export interface HttpTag {
  name: string;
  description?: string;
}

/** A part of a document the loader skipped because it is not of the shape it must have. */
export interface UnreadablePart {
  /** JSON pointer of the part in the contract's main file. */
  pointer: string;
  message: string;
  hint: string;
}

export interface OpenApiContract extends ContractBase {
  kind: 'openapi';
  /** `2.0`, `3.0.3`, `3.1.0`, … as written in `swagger`/`openapi`. */
  specVersion: string;
  title: string;
  /** `info.version`. */
  apiVersion: string;
  servers: HttpServer[];
  /** Top-level `tags` with their descriptions, in document order. */
  tags: HttpTag[];
  /** `components.schemas` (or `definitions` for Swagger 2.0), refs left as `$ref`. */
  schemas: HttpSchema[];
  securitySchemes: Record<string, Record<string, unknown>>;
  operations: HttpOperation[];
  /** Parts of the document the loader could not read (a `paths` or an operation that is not an object) and skipped. */
  unreadable: UnreadablePart[];
  /** The bundled document (all files merged, internal `$ref`s kept), for rules and generators that need the raw shape. */
  document: Record<string, unknown>;
}

// ---------------------------------------------------------------- Protocol Buffers

export type RpcMethodKind = 'unary' | 'server_streaming' | 'client_streaming' | 'bidi_streaming';
export type RpcIdempotency = 'unknown' | 'no_side_effects' | 'idempotent';

export interface RpcMethod {
  name: string;
  /** `/orders.v1.OrderService/GetOrder`. */
  path: string;
  kind: RpcMethodKind;
  /** Fully-qualified message names. */
  input: string;
  output: string;
  idempotency: RpcIdempotency;
  deprecated: boolean;
  location: SourceRef;
}

export interface RpcService {
  /** `orders.v1.OrderService`. */
  fullName: string;
  name: string;
  package: string;
  /** Proto file path relative to the module root (`orders/v1/orders.proto`). */
  protoFile: string;
  methods: RpcMethod[];
  location: SourceRef;
}

export interface RpcField {
  name: string;
  number: number;
  jsonName: string;
  /** `scalar`, `message`, `enum`, `map`, `list`. */
  fieldKind: string;
  /** Scalar type name or fully-qualified message/enum name. */
  type: string;
  oneof?: string;
  optional: boolean;
  location: SourceRef;
}

export interface RpcMessage {
  fullName: string;
  name: string;
  package: string;
  protoFile: string;
  fields: RpcField[];
  location: SourceRef;
}

export interface RpcEnum {
  fullName: string;
  values: { name: string; number: number }[];
  location: SourceRef;
}

export interface ProtoContract extends ContractBase {
  kind: 'proto';
  /** Directory holding `buf.yaml`, or the plain directory of `.proto` files. */
  root: string;
  /**
   * Absolute `.proto` files or directories below the root the contract is
   * restricted to (buf `--path`); empty for the whole root.
   */
  targets: string[];
  /** True when the root has a `buf.yaml`. */
  bufModule: boolean;
  /** The encoded buf image (FileDescriptorSet with source info, imports included). */
  image: Uint8Array;
  /** Proto files of the module itself (not imports), relative to the root. */
  protoFiles: string[];
  /**
   * The files or directories (relative to the root) the build was restricted
   * to, like `buf build --path`; undefined when the whole root was built.
   */
  paths?: readonly string[];
  /** Absolute paths of the imported files found in the tree (not the well-known types buf brings): inputs of a restricted build. */
  importFiles: string[];
  services: RpcService[];
  messages: RpcMessage[];
  enums: RpcEnum[];
}

// ---------------------------------------------------------------- AsyncAPI

export interface EventChannel {
  id: string;
  /** Address, possibly with parameters (`orders.{orderId}.placed`). */
  address: string;
  parameters: { name: string; description?: string; location: SourceRef }[];
  bindings: Record<string, unknown>;
  /** `x-` extensions of the channel (parser bookkeeping left out). */
  extensions?: Record<string, unknown>;
  location: SourceRef;
}

export interface EventMessage {
  /** Message id (component key or `messageId`). */
  id: string;
  /** `name` of the message, if set. */
  name?: string;
  title?: string;
  /** Event type from `x-event-type`, the payload's `eventType` const, or the message name. */
  eventType?: string;
  /** Major version from `x-event-version` or a `const` eventVersion. */
  version?: number;
  contentType?: string;
  /** `correlationId.location` (`$message.header#/correlation_id`), if the message declares one. */
  correlationId?: { location: string; description?: string };
  /** The payload schema (unwrapped from a Multi Format Schema Object); in the language `formats.payload` names, if set. */
  payload?: JsonSchema;
  headers?: JsonSchema;
  /**
   * Schema formats named in the document (`schemaFormat`), with where each
   * schema sits under the message (`/payload/schema`). Unset parts are
   * AsyncAPI Schema (JSON Schema).
   */
  formats?: { payload?: { format: string; pointer: string }; headers?: { format: string; pointer: string } };
  extensions: Record<string, unknown>;
  /** Message bindings by protocol (`kafka: { key }`, …). */
  bindings?: Record<string, unknown>;
  location: SourceRef;
}

export interface EventOperation {
  id: string;
  /** `summary` and `description` of the operation, as written. */
  summary?: string;
  description?: string;
  /** Normalized across 2.x and 3.0 (a 2.x `subscribe` is a send from the application's view). */
  action: 'send' | 'receive';
  channel: string;
  /** Ids of the messages the operation carries. */
  messages: string[];
  /**
   * Reply channel/messages (AsyncAPI 3.0 `reply`), if any. `messages` are the
   * reply's own, else its channel's (as the spec reads an empty list);
   * `address` is the runtime expression where the request carries the reply
   * address (`$message.header#/replyTo`), when the reply has one.
   */
  reply?: { channel?: string; messages: string[]; address?: { location: string; description?: string } };
  /** Operation bindings by protocol (`amqp: { deliveryMode }`, `mqtt: { qos, retain }`, `kafka: { groupId }`, …). */
  bindings?: Record<string, unknown>;
  /** `x-` extensions of the operation (parser bookkeeping left out). */
  extensions?: Record<string, unknown>;
  location: SourceRef;
}

export interface AsyncApiContract extends ContractBase {
  kind: 'asyncapi';
  specVersion: string;
  title: string;
  apiVersion: string;
  /** `defaultContentType`, if set. */
  defaultContentType?: string;
  channels: EventChannel[];
  operations: EventOperation[];
  messages: EventMessage[];
  /** The document as plain JSON (refs resolved by the parser). */
  document: Record<string, unknown>;
}

// ---------------------------------------------------------------- Sagas

/** What a saga step calls; exactly one form per step. */
export type SagaCall =
  | { openapi: string; operationId: string }
  | { grpc: string; method: string }
  | { asyncapi: string; send: string; reply?: string; failure?: string }
  | { local: string };

export interface SagaRetry {
  attempts: number | 'unlimited';
  delayMs: number;
  maxDelayMs?: number;
}

export interface SagaStep {
  name: string;
  call: SagaCall;
  compensate?: SagaCall;
  pivot: boolean;
  timeoutMs?: number;
  retry?: SagaRetry;
  location: SourceRef;
  /** What `call` and `compensate` lead to, set by `loadContracts` (contracts/saga/resolve.ts). */
  resolved?: ResolvedStepCalls;
}

export interface SagaContract extends ContractBase {
  kind: 'saga';
  /** Saga id (kebab-case). */
  saga: string;
  version: number;
  description?: string;
  /** Contract names the steps refer to → absolute paths. */
  contracts: Record<string, string>;
  data?: JsonSchema;
  timeoutMs?: number;
  steps: SagaStep[];
  document: Record<string, unknown>;
}

// ---------------------------------------------------------------- The model

export type Contract = OpenApiContract | ProtoContract | AsyncApiContract | SagaContract | GraphQLContract;

/** Every contract of a run, loaded once. */
export interface ContractModel {
  contracts: Contract[];
  /** With sagas: the contracts their steps call that the run did not list (set by `loadContracts`). */
  sagaReferences?: SagaReferences;
}

/** Contracts of one kind, typed. */
export function contractsOfKind<K extends Contract['kind']>(model: ContractModel, kind: K): Extract<Contract, { kind: K }>[] {
  return model.contracts.filter((c): c is Extract<Contract, { kind: K }> => c.kind === kind);
}
