/**
 * The error of options that do not match a generator's `optionsSchema`, and
 * the findings it carries, apart from the validator (./options-schema.ts) so
 * the CLI can recognise it and the config loader can word a target's option
 * problems the same way, without importing ajv on a run that generates nothing.
 */
import type { ErrorObject } from 'ajv';
import { UsageError } from '../../contracts/errors.js';
import type { Finding } from '../../contracts/finding.js';
import { schemaErrorsToFindings } from '../../contracts/source/schema-errors.js';

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

/** The docs page describing a target's options (`docs/rest-client.md`; the saga target's is `docs/sagas.md`). */
export function targetDocsPage(target: string): string {
  return `docs/${target === 'saga' ? 'sagas' : target}.md`;
}

/**
 * Findings for ajv errors of a target's options (instance paths relative to
 * the options object), worded `<target>: …` with the docs page as the hint.
 */
export function generatorOptionsFindings(target: string, errors: readonly ErrorObject[]): Finding[] {
  return schemaErrorsToFindings(errors, '', 'config', 'config/invalid-generator-options', `options of the ${target} target`).map((f) => ({
    ...f,
    message: `${target}: ${f.message}`,
    hint: f.hint ?? `See the options of the ${target} target in ${targetDocsPage(target)}.`,
  }));
}
