/**
 * Build step (run by `npm run build` after tsc): compiles the JSON Schema of
 * contractkit.yaml ahead of time with ajv's standalone code, so a CLI run
 * validates its config without compiling the schema first. That compile was
 * the largest cost of starting the CLI (about 40 ms of a cached `generate`).
 * `load-config.ts` falls back to compiling at run time when the file is
 * missing (sources run directly, e.g. under vitest).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { readPackageJson } from '../../contracts/source/package-files.js';
import { CONFIG_AJV_OPTIONS } from './load-config.js';

/** File name of the compiled validator, beside the built load-config.js. */
export const COMPILED_VALIDATOR = 'config-validator.cjs';

/** Standalone CommonJS source of the config validator. */
export function configValidatorSource(): string {
  const schema = readPackageJson<Record<string, unknown>>('schema', 'contractkit.schema.json');
  const ajv = new Ajv({ ...CONFIG_AJV_OPTIONS, code: { source: true } });
  return standaloneModule.default(ajv, ajv.compile(schema));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(fileURLToPath(new URL(COMPILED_VALIDATOR, import.meta.url)), configValidatorSource());
}
