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
export const EVENT_NEEDS_NEW_VERSION_ID = 'event-breaking-needs-new-version' as const;

/** contractkit's own AsyncAPI breaking rules: id → default severity and what the rule reports (one sentence). */
export const ASYNCAPI_OWN_RULES = {
  'channel-removed': { severity: 'error', purpose: 'A channel was removed: its producers and consumers lose their address.' },
  'channel-address-changed': { severity: 'error', purpose: 'A channel kept its id but its address changed: producers and consumers bound to the old address miss each other.' },
  'channel-renamed': { severity: 'info', purpose: 'A channel id changed but its address did not (nothing changes on the wire; generated names do).' },
  'channel-added': { severity: 'info', purpose: 'A channel was added.' },
  'operation-removed': { severity: 'error', purpose: 'An operation was removed.' },
  'operation-renamed': { severity: 'warning', purpose: 'An operation id changed while its action, channel and messages did not (generated code names change).' },
  'operation-action-changed': { severity: 'error', purpose: 'An operation switched between send and receive.' },
  'operation-channel-changed': { severity: 'error', purpose: 'An operation moved to a channel with another address.' },
  'operation-message-removed': { severity: 'error', purpose: 'An operation no longer carries a message it carried.' },
  'operation-message-added': { severity: 'info', purpose: 'An operation carries a new message.' },
  'operation-reply-removed': { severity: 'error', purpose: 'An operation no longer declares its reply.' },
  'operation-added': { severity: 'info', purpose: 'An operation was added.' },
  'message-removed': { severity: 'error', purpose: 'A message (an event type at a version) is no longer declared.' },
  'message-renamed': { severity: 'warning', purpose: 'A message id changed while its event type and version did not (generated code names change).' },
  'message-event-type-changed': { severity: 'error', purpose: 'A message kept its id but its event type changed: consumers routing on the type no longer see it.' },
  'message-content-type-changed': { severity: 'error', purpose: 'A message\'s content type changed: consumers decode it with the wrong format.' },
  'message-schema-format-changed': { severity: 'error', purpose: 'A message\'s payload or headers moved to another schema format family (JSON Schema ↔ Avro, …): consumers decode it with the old format.' },
  'message-schema-not-compared': { severity: 'warning', purpose: 'A payload or headers schema changed in a format contractkit cannot compare (RAML, Protobuf, OpenAPI, …): the change was not checked.' },
  'message-added': { severity: 'info', purpose: 'A message was added.' },
  'message-version-added': { severity: 'info', purpose: 'A new major version of an event was declared beside the earlier ones.' },
  [EVENT_NEEDS_NEW_VERSION_ID]: { severity: 'error', purpose: 'An incompatible payload or header change under the same event version major: publish it as a new version (`x-event-version: N+1`) and add an upcaster.' },
} as const satisfies Record<string, { severity: Severity; purpose: string }>;

/** An own AsyncAPI breaking id (a typo in a `report()` call is a compile error). */
export type AsyncApiOwnId = keyof typeof ASYNCAPI_OWN_RULES;

/** Every id the AsyncAPI differ reports under: its own, Avro's incompatibility types and Confluent's JSON Schema difference types. */
export type AsyncApiBreakingId = AsyncApiOwnId | (typeof AVRO_INCOMPATIBILITY_TYPES)[number] | (typeof DIFFERENCE_TYPES)[number];

/** Default severity of each own (non-schema) rule. */
export const ASYNCAPI_LEVELS: ReadonlyMap<string, Severity> = new Map(Object.entries(ASYNCAPI_OWN_RULES).map(([id, rule]) => [id, rule.severity]));

/** Every AsyncAPI breaking rule. */
export const ASYNCAPI_BREAKING_RULES: readonly BreakingRule[] = [
  ...Object.entries(ASYNCAPI_OWN_RULES).map(([id, rule]) => ({ id, kind: 'asyncapi' as const, severity: rule.severity, description: rule.purpose, source: 'contractkit' as const })),
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
