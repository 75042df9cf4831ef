/**
 * @contractkit/runtime/saga: a durable saga orchestrator independent of
 * transports. Define a saga's steps ({@link defineSaga}), run it on a store
 * (PostgreSQL, embedded PGlite, or in-memory) with {@link createSagaRuntime}.
 */
export { backoffMs, defineSaga, idempotencyKey, SagaDefinitionError, type SagaDefinition, type SagaDefinitionInit, type SagaRetryPolicy, type SagaStepContext, type SagaStepDefinition } from './define.js';
export { describeError, fromGrpcError, fromHttpError, isNonRetryable, NonRetryableError, StepTimeoutError } from './errors.js';
export type { SagaEvent, SagaEventHandler, SagaEventType } from './events.js';
export { ACTIVE_STATUSES, emptyCounts, SAGA_STATUSES, sagaKind, type SagaInstance, type SagaInstanceInit, type SagaInstanceUpdate, type SagaListFilter, type SagaStatus, type SagaStore } from './store.js';
export { createMemorySagaStore, type MemorySagaStoreOptions } from './memory-store.js';
export { MIGRATIONS_TABLE, qualified, SAGA_MIGRATIONS, sqlIdentifier, type SagaMigration, type SagaTableNames } from './migrations.js';
export { createSqlSagaStore, migrateSagaTables, rowToInstance, type SqlRunner } from './sql-store.js';
export { createPgSagaStore, pgRunner, type PgPoolLike, type PgSagaStoreOptions } from './pg-store.js';
export { createPGliteSagaStore, pgliteRunner, type PGliteLike, type PGliteSagaStoreOptions } from './pglite-store.js';
export { openSagaStore } from './open-store.js';
export { DatabaseUnavailableError, isPgConnectionError, pgConnectionError, pgTarget, SagaStoreUnavailableError, type StoreKind } from './pg-errors.js';
export { createSagaRuntime, type SagaRuntime, type SagaRuntimeOptions, type SagaStartResult } from './runtime.js';
export { sagaEventId, SAGA_EVENT_ID_NAMESPACE, uuidV5 } from './event-id.js';
export { createReplyInbox, SagaReplyFailedError, type ReplyEnvelope, type ReplyExpectation, type ReplyInbox, type ReplyInboxOptions } from './replies.js';
export { createSagaLifecyclePublisher, SAGA_LIFECYCLE_ADDRESS, SAGA_LIFECYCLE_EVENT_TYPES, sagaLifecycleEnvelope, type SagaLifecyclePayload, type SagaLifecyclePublisherOptions } from './lifecycle-publisher.js';
