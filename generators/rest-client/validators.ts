/**
 * The `validate` option: request and response validators compiled at
 * generation time with ajv's standalone code (no ajv and no schema
 * compilation at run time). OpenAPI 3.0 schemas are converted to JSON Schema
 * first (`nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`); 3.1
 * documents use ajv's 2020-12 class. The contract is added whole under one id,
 * so `$ref`s keep resolving.
 */
import { Ajv, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { fastFormats } from 'ajv-formats/dist/formats.js';
import type { JsonSchema, OpenApiContract } from '../../contracts/model/types.js';

// a CommonJS module: under NodeNext its default import is `module.exports`, whose `default` is the function
const standaloneCode = standaloneModule.default;

/** One validator to export: its name and the schema it checks. */
export interface ValidatorSpec {
  name: string;
  schema: JsonSchema;
}

const DOC_ID = 'contractkit:contract';
// OpenAPI formats without a JSON Schema meaning: accepted as is
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];
// keywords ajv must not see: annotations it would reject and OpenAPI-only members
const DROP = new Set(['discriminator', 'xml', 'externalDocs', 'example', '$schema', '$id']);

/** OpenAPI schema → JSON Schema: 3.0 `nullable` and boolean exclusive bounds; drops OpenAPI-only keywords. */
export function toJsonSchema(node: unknown, v30: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, v30));
  if (!node || typeof node !== 'object') return node;
  const src = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    if (DROP.has(k) || k.startsWith('x-')) continue;
    // member maps: their keys are names, not keywords
    if ((k === 'properties' || k === 'patternProperties' || k === '$defs' || k === 'definitions' || k === 'schemas') && v && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toJsonSchema(s, v30)]));
    } else out[k] = toJsonSchema(v, v30);
  }
  if (typeof out.$ref === 'string' && out.$ref.startsWith('#')) out.$ref = DOC_ID + out.$ref;
  if (v30) {
    if (out.nullable === true) {
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      if (typeof out.$ref === 'string' || Array.isArray(out.allOf) || Array.isArray(out.oneOf) || Array.isArray(out.anyOf)) {
        const rest = { ...out };
        delete rest.nullable;
        return { anyOf: [rest, { type: 'null' }] };
      }
    }
    delete out.nullable;
    for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else if (typeof out[flag] === 'boolean') delete out[flag];
    }
  }
  return out;
}

/** The standalone module (`validators.ts`): one exported `ValueCheck` per spec. */
export function compileValidators(contract: OpenApiContract, specs: readonly ValidatorSpec[]): string {
  const v30 = /^3\.0/.test(contract.specVersion);
  const options: Options = { code: { source: true, esm: true, lines: true }, strict: false, logger: false, allErrors: false };
  const ajv = v30 ? new Ajv(options) : new Ajv2020(options);
  for (const [name, f] of Object.entries(fastFormats)) {
    const re = f instanceof RegExp ? f : f && typeof f === 'object' && 'validate' in f && f.validate instanceof RegExp ? f.validate : undefined;
    if (re) ajv.addFormat(name, re);
  }
  for (const name of OPENAPI_FORMATS) if (!ajv.formats[name]) ajv.addFormat(name, true);
  const doc = toJsonSchema({ components: (contract.document as Record<string, unknown>).components ?? {}, paths: (contract.document as Record<string, unknown>).paths ?? {} }, v30) as Record<string, unknown>;
  ajv.addSchema({ ...doc, $id: DOC_ID }, undefined, undefined, false);
  const refs: Record<string, string> = {};
  for (const s of specs) {
    const id = `contractkit:${s.name}`;
    ajv.addSchema({ ...(toJsonSchema(s.schema, v30) as object), $id: id }, undefined, undefined, false);
    refs[s.name] = id;
  }
  let code = standaloneCode(ajv, refs);
  const helpers = new Map<string, string>();
  code = code.replace(/require\("ajv\/dist\/runtime\/([a-z0-9]+)"\)\.default/gi, (_m: string, name: string) => {
    const local = `ajvRuntime_${name}`;
    helpers.set(local, `ajv/dist/runtime/${name}.js`);
    return local;
  });
  const imports = [...helpers].map(([local, from]) => `import ${local} from '${from}';\n`).join('');
  code = code.replace(/^export const ([A-Za-z_$][\w$]*) = ([A-Za-z_$][\w$]*);$/gm, (_m: string, name: string, fn: string) => `export const ${name}: ValueCheck = ajvCheck(${fn});`);
  code = code.replace(/^"use strict";\n/, '');
  return [
    '// Generated by contractkit. Do not edit: regenerate instead.',
    "// ajv standalone validators of request and response bodies, compiled ahead of time (the `validate` option): ajv's JavaScript,",
    '// kept in a .ts file so tsc compiles it with the rest; type-checking is off for this file only, and its exports are typed.',
    '// @ts-nocheck',
    "import { ajvCheck, type ValueCheck } from '@contractkit/runtime/http';",
    `${imports}${code}`,
    '',
  ].join('\n');
}
