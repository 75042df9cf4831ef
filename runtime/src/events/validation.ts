/**
 * Validators are ajv standalone functions generated ahead of time
 * (`contractkit generate events`): calling one compiles nothing.
 */

/** The shape of an ajv (standalone) validate function. */
export interface EventValidator {
  (value: unknown): boolean;
  errors?: { instancePath?: string; message?: string; params?: unknown }[] | null;
}

/** One version of one event type as a consumer or producer knows it. */
export interface EventVersionSpec {
  version: number;
  validate: EventValidator;
  /** What the validator checks: the whole envelope (the message payload schema is the envelope) or only `payload`. */
  validates: 'envelope' | 'payload';
}

/** Thrown by producers when an event does not match its schema; nothing was published. */
export class EventValidationError extends Error {
  constructor(
    message: string,
    readonly errors: string[],
  ) {
    super(message);
    this.name = 'EventValidationError';
  }
}

/** ajv errors as short lines: `/payload/total/amount must match pattern "..."`. */
export function describeErrors(validate: EventValidator): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`.trim());
}

/** Checks an envelope against a version spec; undefined when it is valid, else the problems. */
export function checkEvent(spec: EventVersionSpec, envelope: { payload: unknown }): string[] | undefined {
  const ok = spec.validate(spec.validates === 'envelope' ? envelope : envelope.payload);
  if (ok) return undefined;
  const errors = describeErrors(spec.validate);
  return spec.validates === 'payload' ? errors.map((e) => '/payload' + (e.startsWith('/ ') ? e.slice(1) : e)) : errors;
}

/**
 * Throws {@link EventValidationError} when `envelope` does not match `spec`:
 * the one check before an event leaves the process, whether it is published
 * now (producer) or stored for the relay (outbox).
 */
export function assertValidEvent(spec: EventVersionSpec, envelope: { eventType: string; eventVersion: number; payload: unknown }): void {
  const errors = checkEvent(spec, envelope);
  if (errors) throw new EventValidationError(`${envelope.eventType} v${envelope.eventVersion} is invalid: ${errors.join('; ')}`, errors);
}
