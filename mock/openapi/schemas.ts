/**
 * One ajv instance per contract for the mock: request parameters and bodies
 * are checked against the contract, and so are the samples the mock answers
 * with. The contract's `components` and `paths` are added under one id so
 * `$ref`s resolve; each schema is compiled once, on first use.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { DOC_ID, OPENAPI_FORMATS, toJsonSchema } from '../../contracts/openapi/json-schema.js';
import { refTargets } from '../../contracts/openapi/local-ref.js';

// ajv-formats is CommonJS: under Node's ESM its default import is module.exports (flagged __esModule)
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv, o: { mode: 'fast' }) => Ajv;

/** A schema problem with the JSON Pointer of the value it is about. */
export interface SchemaProblem {
  /** Pointer into the checked value (`/lineItems/0/quantity`, `` for the whole value). */
  pointer: string;
  message: string;
}

/** Checks values against the schemas of one contract. */
export interface SchemaChecker {
  /** The problems of `value` against `schema` (empty when valid). */
  check(schema: JsonSchema, value: unknown): SchemaProblem[];
}

/** Words one ajv error, naming the property for `required` and `additionalProperties`. */
function problemOf(e: ErrorObject): SchemaProblem {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return { pointer: `${e.instancePath}/${String(p.missingProperty)}`, message: `required property '${String(p.missingProperty)}' is missing` };
  if (e.keyword === 'additionalProperties') return { pointer: `${e.instancePath}/${String(p.additionalProperty)}`, message: `property '${String(p.additionalProperty)}' is not allowed` };
  return { pointer: e.instancePath, message: e.message ?? e.keyword };
}

/** The {@link SchemaChecker} of `contract` (3.0 schemas converted, 3.1 with ajv's 2020-12 class). */
export function schemaChecker(contract: OpenApiContract): SchemaChecker {
  const v30 = !/^3\.1|^3\.2/.test(contract.specVersion);
  const options = { strict: false, logger: false as const, allErrors: true, validateFormats: true };
  const ajv = v30 ? new Ajv(options) : new Ajv2020(options);
  addFormats(ajv as Ajv, { mode: 'fast' });
  for (const name of OPENAPI_FORMATS) if (!ajv.formats[name]) ajv.addFormat(name, true);
  ajv.addSchema({ ...(toJsonSchema(refTargets(contract), v30) as object), $id: DOC_ID }, undefined, undefined, false);
  const compiled = new WeakMap<object, ValidateFunction>();
  return {
    check(schema, value) {
      if (typeof schema === 'boolean') return schema ? [] : [{ pointer: '', message: 'no value is allowed here' }];
      let validate = compiled.get(schema);
      if (!validate) {
        validate = ajv.compile(toJsonSchema(schema, v30) as object);
        compiled.set(schema, validate);
      }
      return validate(value) ? [] : (validate.errors ?? []).map(problemOf);
    },
  };
}
