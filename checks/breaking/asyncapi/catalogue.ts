/**
 * AsyncAPI breaking rules: contractkit's ids for channels, operations and
 * messages, and Confluent Schema Registry's difference names for payload and
 * header schema changes (severity there depends on the compatibility mode:
 * error when the mode's check fails, info otherwise).
 */
import type { Severity } from '../../../contracts/finding.js';
import type { BreakingRule } from '../rule.js';
import { AVRO_INCOMPATIBILITY_TYPES } from './avro-compatibility.js';
import { DIFFERENCE_TYPES } from './difference-types.js';

/** Id of the versioning rule. */
export const EVENT_NEEDS_NEW_VERSION_ID = 'event-breaking-needs-new-version';

const own: [id: string, severity: Severity, description: string][] = [
  ['channel-removed', 'error', 'A channel was removed: its producers and consumers lose their address.'],
  ['channel-address-changed', 'error', 'A channel kept its id but its address changed: producers and consumers bound to the old address miss each other.'],
  ['channel-renamed', 'info', 'A channel id changed but its address did not (nothing changes on the wire; generated names do).'],
  ['channel-added', 'info', 'A channel was added.'],
  ['operation-removed', 'error', 'An operation was removed.'],
  ['operation-renamed', 'warning', 'An operation id changed while its action, channel and messages did not (generated code names change).'],
  ['operation-action-changed', 'error', 'An operation switched between send and receive.'],
  ['operation-channel-changed', 'error', 'An operation moved to a channel with another address.'],
  ['operation-message-removed', 'error', 'An operation no longer carries a message it carried.'],
  ['operation-message-added', 'info', 'An operation carries a new message.'],
  ['operation-reply-removed', 'error', 'An operation no longer declares its reply.'],
  ['operation-added', 'info', 'An operation was added.'],
  ['message-removed', 'error', 'A message (an event type at a version) is no longer declared.'],
  ['message-renamed', 'warning', 'A message id changed while its event type and version did not (generated code names change).'],
  ['message-event-type-changed', 'error', 'A message kept its id but its event type changed: consumers routing on the type no longer see it.'],
  ['message-content-type-changed', 'error', 'A message\'s content type changed: consumers decode it with the wrong format.'],
  ['message-schema-format-changed', 'error', 'A message\'s payload or headers moved to another schema format family (JSON Schema ↔ Avro, …): consumers decode it with the old format.'],
  ['message-schema-not-compared', 'warning', 'A payload or headers schema changed in a format contractkit cannot compare (RAML, Protobuf, OpenAPI, …): the change was not checked.'],
  ['message-added', 'info', 'A message was added.'],
  ['message-version-added', 'info', 'A new major version of an event was declared beside the earlier ones.'],
  [EVENT_NEEDS_NEW_VERSION_ID, 'error', 'An incompatible payload or header change under the same event version major: publish it as a new version (`x-event-version: N+1`) and add an upcaster.'],
];

/** Default severity of each own (non-schema) rule. */
export const ASYNCAPI_LEVELS: ReadonlyMap<string, Severity> = new Map(own.map(([id, severity]) => [id, severity]));

/** Every AsyncAPI breaking rule. */
export const ASYNCAPI_BREAKING_RULES: readonly BreakingRule[] = [
  ...own.map(([id, severity, description]) => ({ id, kind: 'asyncapi' as const, severity, description, source: 'contractkit' as const })),
  ...AVRO_INCOMPATIBILITY_TYPES.map((id) => ({
    id,
    kind: 'asyncapi' as const,
    severity: 'error' as const,
    description: `Avro schema incompatibility ${id} (Avro's and Confluent Schema Registry's name): the message's compatibility mode rejects the change under Avro schema resolution.`,
    source: 'contractkit' as const,
  })),
  ...DIFFERENCE_TYPES.map((id) => ({
    id,
    kind: 'asyncapi' as const,
    severity: 'error' as const,
    description: `Confluent Schema Registry JSON Schema difference ${id}: an error when the message's compatibility mode rejects it, otherwise listed for the changelog.`,
    source: 'contractkit' as const,
  })),
];
