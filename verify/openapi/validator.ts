/**
 * Response bodies checked with ajv against the contract's schemas. The
 * bundled document is added once under an id, and each schema's local refs
 * (`#/components/…`) are pointed at it, so a schema is compiled where it is
 * used and every `$ref` resolves in the document it came from.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { isMarked } from './arbitrary.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const DOC_ID = 'urn:contractkit:verify:document';

/** Validates response values of one contract; compiles each schema once. */
export interface ResponseValidator {
  /** The ajv errors of `value` against `schema`, worded `/pointer message`; empty when valid. */
  errors(schema: JsonSchema, value: unknown): string[];
}

/** A validator for the responses of `contract` (OpenAPI 3.1 with JSON Schema 2020-12, 3.0 and 2.0 with draft-07 and `nullable`). */
export function createResponseValidator(contract: OpenApiContract): ResponseValidator {
  const v31 = /^3\.[1-9]/.test(contract.specVersion);
  const options = { strict: false, allErrors: true, validateSchema: false, validateFormats: true } as const;
  const ajv = (v31 ? new Ajv2020(options) : new Ajv(options)) as Ajv;
  addFormats(ajv);
  // a response never carries writeOnly properties, so they are not required in it
  ajv.addSchema({ ...(responseView(contract.document, contract.document) as Obj), $id: DOC_ID });
  const compiled = new Map<JsonSchema, ValidateFunction>();
  return {
    errors(schema, value) {
      let validate = compiled.get(schema);
      if (!validate) {
        validate = ajv.compile(responseView(contract.document, retarget(schema)) as Obj);
        compiled.set(schema, validate);
      }
      if (validate(value)) return [];
      return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`);
    },
  };
}

/** The schema with its local refs pointing into the document added under {@link DOC_ID}. */
function retarget(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(retarget);
  if (!isObj(schema)) return schema;
  const out: Obj = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${DOC_ID}${v}` : retarget(v);
  return out;
}

/** A copy of `node` where no object schema requires a property marked writeOnly. */
function responseView(document: unknown, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => responseView(document, n));
  if (!isObj(node)) return node;
  const out: Obj = {};
  for (const [k, v] of Object.entries(node)) out[k] = responseView(document, v);
  if (Array.isArray(node.required) && isObj(node.properties)) {
    const props = node.properties;
    out.required = node.required.filter((name) => !isMarked(document, props[String(name)] as JsonSchema, 'writeOnly'));
  }
  return out;
}
