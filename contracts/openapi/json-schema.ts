/**
 * OpenAPI schemas as JSON Schema for ajv: 3.0 `nullable` and boolean
 * `exclusiveMinimum`/`exclusiveMaximum` converted, OpenAPI-only keywords
 * dropped, local `$ref`s pointed at the document added under {@link DOC_ID}.
 * Shared by the REST client's standalone validators and the mock server's
 * request and response checks.
 */

/** The id the whole contract (its `refTargets`) is added to ajv under, so `#/…` refs keep resolving. */
export const DOC_ID = 'contractkit:contract';

/** OpenAPI formats without a JSON Schema meaning: accepted as is. */
export const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

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

