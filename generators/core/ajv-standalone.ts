/**
 * ajv standalone code as the generated validators carry it: ajv-formats'
 * regular-expression formats (which standalone code inlines), ajv's helper
 * requires turned into the `ajvRuntime` helpers of `@contractkit/runtime`
 * (so a service needs no ajv of its own, and no CommonJS interop: under Node's
 * ESM the default import of `ajv/dist/runtime/*.js` is `module.exports`, not
 * the function), and typed exports.
 */
import type { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { fastFormats } from 'ajv-formats/dist/formats.js';

// a CommonJS module: under NodeNext its default import is `module.exports`, whose `default` is the function
const standaloneCode = standaloneModule.default;

/** The ajv helpers `@contractkit/runtime/http` and `/events` export as `ajvRuntime` (see runtime/src/events/ajv-runtime.ts). */
export const AJV_RUNTIME_HELPERS = ['equal', 'ucs2length', 'uri', 'validation_error'] as const;

/** Adds ajv-formats' formats that are regular expressions (standalone code inlines them; functions it cannot). */
export function addFastFormats(ajv: Ajv): void {
  for (const [name, f] of Object.entries(fastFormats)) {
    const re = f instanceof RegExp ? f : f && typeof f === 'object' && 'validate' in f && f.validate instanceof RegExp ? f.validate : undefined;
    if (re) ajv.addFormat(name, re);
  }
}

/**
 * The standalone module of `refs` (export name → schema id) as the body of a
 * generated `.ts` file: ajv's functions, each `export const name = fn`
 * rewritten by `typedExport`. When ajv's code calls a helper (string
 * lengths, deep equality for `const`, `enum` and `uniqueItems`) it asks
 * `importHelpers` for the local name of the imported `ajvRuntime` (the
 * file's import block holds the import).
 */
export function standaloneValidators(ajv: Ajv, refs: Record<string, string>, importHelpers: () => string, typedExport: (name: string, fn: string) => string): string {
  let code = standaloneCode(ajv, refs).replace(/require\("ajv\/dist\/runtime\/([a-z0-9_]+)"\)\.default/gi, (_m: string, name: string) => {
    if (!(AJV_RUNTIME_HELPERS as readonly string[]).includes(name)) throw new Error(`contractkit: ajv's standalone code needs its runtime helper "${name}", which @contractkit/runtime does not export`);
    return `${importHelpers()}.${name}`;
  });
  code = code.replace(/^export const ([A-Za-z_$][\w$]*) = ([A-Za-z_$][\w$]*);$/gm, (_m: string, name: string, fn: string) => typedExport(name, fn));
  code = code.replace(/^"use strict";\n/, '');
  return code;
}
