/**
 * Following a schema's local `$ref` (`#/…`) to what it names, inside the
 * contract the schema lives in. Schemas in the model keep their `$ref`s (an
 * OpenAPI component pointing at another, a saga's `data` pointing into its
 * own `definitions`, a payload pointing under `components`), and a ref may
 * point anywhere in the document; this is the one way generators follow
 * them, so the raw `document` stays behind the contracts layer (generators
 * never read it: test/generators/core/no-document-reads.test.ts).
 */
import type { AsyncApiContract, Contract, JsonSchema, OpenApiContract, SagaContract } from './types.js';

/** A contract whose schemas carry JSON Pointer `$ref`s into its own document. */
export type SchemaRefContract = OpenApiContract | AsyncApiContract | SagaContract;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Decodes a `#/a/b~1c` pointer into segments (percent-encoding and `~1`/`~0` escapes undone; empty segments dropped, as refs are written loosely). */
export function pointerParts(ref: string): string[] {
  return ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      let t = s;
      try {
        t = decodeURIComponent(s);
      } catch {
        // a malformed escape is kept as written: the ref then dangles instead of crashing the run
      }
      return t.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

/** The schema a local `#/…` ref points to in `document`; undefined for other refs, dangling pointers and non-schema values. */
export function resolveLocalRef(document: unknown, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = document;
  for (const p of pointerParts(ref)) node = isObj(node) || Array.isArray(node) ? (node as Obj)[p] : undefined;
  return isObj(node) || typeof node === 'boolean' ? (node as JsonSchema) : undefined;
}

/** Whether `contract` is of a kind whose schemas `$ref` into its document (OpenAPI, AsyncAPI, saga). */
export function hasSchemaRefs(contract: Contract | undefined): contract is SchemaRefContract {
  return contract !== undefined && (contract.kind === 'openapi' || contract.kind === 'asyncapi' || contract.kind === 'saga');
}

/** The schema the local ref `ref` (`#/components/schemas/Order`, `#` for the whole document) names in `contract`; undefined when it dangles or names no schema. */
export function schemaAtRef(contract: SchemaRefContract, ref: string): JsonSchema | undefined {
  return resolveLocalRef(contract.document, ref);
}

/**
 * {@link schemaAtRef} for a contract of any kind, or none (a saga names a
 * contract that did not load): undefined for kinds without JSON Schemas
 * (proto, GraphQL).
 */
export function resolveSchemaRef(contract: Contract | undefined, ref: string): JsonSchema | undefined {
  return hasSchemaRefs(contract) ? schemaAtRef(contract, ref) : undefined;
}
