/**
 * Following a local `$ref` (`#/…`) of an OpenAPI contract to the schema it
 * names. Generators reach targets outside `components/schemas` (a schema
 * written inline under `paths` and referenced from elsewhere) through this,
 * so the bundled document stays behind the contracts layer.
 */
import { pointerParts } from '../model/schema-refs.js';
import type { JsonSchema, OpenApiContract } from '../model/types.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema object a local `$ref` points at in the contract's bundled document, or undefined (pointer decoding shared with model/schema-refs.ts). */
export function localRefTarget(contract: OpenApiContract, ref: string): JsonSchema | undefined {
  let node: unknown = contract.document;
  for (const p of pointerParts(ref)) node = isObj(node) || Array.isArray(node) ? (node as Obj)[p] : undefined;
  return isObj(node) ? (node as JsonSchema) : undefined;
}

/**
 * The parts of the bundled document that local `$ref`s point into
 * (`components` and `paths`), for a JSON Schema validator that resolves the
 * refs itself (the REST client's ajv standalone validators).
 */
export function refTargets(contract: OpenApiContract): { components: unknown; paths: unknown } {
  return { components: contract.document.components ?? {}, paths: contract.document.paths ?? {} };
}
