/**
 * A generator's options (`generate: [{ target, out, options }]` in
 * contractkit.yaml) are checked against the JSON Schema the generator
 * declares (`optionsSchema`), with ajv, before it runs. A bad option is a
 * GeneratorOptionsError whose findings point into the options object
 * (`/dateType`); the CLI places them at the option's line in the config.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { GeneratorOptionsError, generatorOptionsFindings } from './options-error.js';

export { GeneratorOptionsError } from './options-error.js';

/** A JSON Schema of an options object. */
export type OptionsSchema = Record<string, unknown> & { type: 'object' };

// verbose: the findings then name the nearest allowed key or value ("did you mean")
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap<OptionsSchema, ValidateFunction>();

/** Checks `options` against `schema`. @throws GeneratorOptionsError listing every problem. */
export function validateGeneratorOptions(target: string, schema: OptionsSchema, options: Record<string, unknown>): void {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  if (validate(options)) return;
  const findings = generatorOptionsFindings(target, validate.errors ?? []);
  const first = findings[0]?.message ?? `${target}: the options do not match the generator's schema`;
  throw new GeneratorOptionsError(target, `Invalid options for the ${target} target: ${first.replace(`${target}: `, '')}`, findings);
}
