/**
 * The error of options that do not match a generator's `optionsSchema`, apart
 * from the validator (./options-schema.ts) so the CLI can recognise it without
 * importing ajv on a run that generates nothing.
 */
import { UsageError } from '../../contracts/errors.js';

/** Options that do not match a generator's `optionsSchema`; each finding's pointer is inside the options object. */
export class GeneratorOptionsError extends UsageError {
  constructor(
    readonly target: string,
    message: string,
    findings: ConstructorParameters<typeof UsageError>[1],
  ) {
    super(message, findings);
  }
}
