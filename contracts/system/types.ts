/**
 * The system map: the services of a system, what each offers, which events
 * each sends and receives, and which sagas call what — derived from every
 * contract of a run by {@link buildSystemMap}. Plain data, deterministic
 * order (sorted by id), so renderers give byte-identical output.
 */
import type { Finding } from '../finding.js';
import type { JsonSchema, SourceRef } from '../model/types.js';

/** Where a service's name came from (documented in docs/map.md). */
export type ServiceOrigin = 'x-service' | 'proto-package' | 'graphql-subgraph' | 'title' | 'contract-name';

/** One service (application) of the system. */
export interface MapService {
  /** Stable id, kebab-case (`orders`). */
  id: string;
  /** The name shown. */
  name: string;
  /** The contracts that describe it (config names), sorted. */
  contracts: string[];
  origin: ServiceOrigin;
  description?: string;
  /** AsyncAPI servers (`rabbitmq: amqp rabbitmq.acme-shop.test:5672`) and OpenAPI server URLs. */
  servers: string[];
}

/** The kinds of synchronous operation a service offers. */
export type MapOperationKind = 'rest' | 'rpc' | 'graphql';

/** A synchronous operation a service offers (REST operation, gRPC method, GraphQL root field). */
export interface MapOperation {
  /** `rest:orders-api:createOrder`, `rpc:payments.v1.PaymentService/Charge`, `graphql:orders:Query.order`. */
  id: string;
  kind: MapOperationKind;
  service: string;
  contract: string;
  /** `createOrder`, `Charge`, `Query.order`. */
  name: string;
  /** `POST /api/v1/orders`, `/payments.v1.PaymentService/Charge`, `order(id: ID!): Order`. */
  signature: string;
  summary?: string;
  deprecated: boolean;
  /** Saga ids whose steps call it (as a step or a compensation), sorted. */
  calledBy: string[];
  location: SourceRef;
}

/** One message (version) of an event. */
export interface MapEventMessage {
  /** Message id in the AsyncAPI documents. */
  id: string;
  version?: number;
  contentType?: string;
  payload?: JsonSchema;
}

/** Which service sends or receives an event, through which operation. */
export interface MapEventUse {
  service: string;
  contract: string;
  operation: string;
  /** True when the event is the operation's reply (AsyncAPI 3.0 `reply`). */
  reply: boolean;
  location: SourceRef;
}

/** An event (or command, or reply) on the wire, keyed as the event rules key it: event type, else message id. */
export interface MapEvent {
  /** `event:<key>`. */
  id: string;
  key: string;
  /** Channel addresses it travels on, sorted. */
  addresses: string[];
  /** Every version seen, sorted by version then id. */
  messages: MapEventMessage[];
  producers: MapEventUse[];
  consumers: MapEventUse[];
  /** Saga ids that send it or wait for it, sorted. */
  usedBy: string[];
  /** Where its messages and channels are defined in each document (for placing findings on it), sorted. */
  sources: SourceRef[];
}

/** What a saga step calls, resolved to the map when it can be. */
export interface MapSagaCall {
  /** `REST orders.createOrder`, `gRPC payments.v1.PaymentService/Charge`, `event reserveInventory → inventoryReserved`, `local x`. */
  label: string;
  /** Ids of the operations or events it reaches (empty for a local call or one that does not resolve). */
  targets: string[];
  /** Services it reaches, sorted. */
  services: string[];
}

export interface MapSagaStep {
  name: string;
  pivot: boolean;
  call: MapSagaCall;
  compensate?: MapSagaCall;
}

/** A saga and what its steps call. */
export interface MapSaga {
  /** `saga:<id>`. */
  id: string;
  saga: string;
  version: number;
  contract: string;
  description?: string;
  /** The service that runs it (see docs/map.md), when one is known. */
  service?: string;
  steps: MapSagaStep[];
  location: SourceRef;
}

/** A directed edge of the map between two services (or a saga and a service). */
export interface MapEdge {
  from: string;
  to: string;
  /** `event`: producer to consumer; `call`: saga to the service it calls; `runs`: service to the saga it runs. */
  kind: 'event' | 'call' | 'runs';
  /** Event keys or operation names along the edge, sorted. */
  labels: string[];
}

/** The whole system. */
export interface SystemMap {
  services: MapService[];
  operations: MapOperation[];
  events: MapEvent[];
  sagas: MapSaga[];
  /** Service-to-service (and saga-to-service) edges, derived from the above. */
  edges: MapEdge[];
  /** What nobody produces or consumes, and saga calls that reach nothing. */
  findings: Finding[];
}
