/**
 * Schema-generated samples, seeded: json-schema-faker (0.6, no dependencies)
 * with its own seeded random source, so one seed gives the same bodies on
 * every run and another seed other (still valid) bodies. It was picked over
 * openapi-sampler because that one has no randomness at all (`--seed` would
 * mean nothing) and fills strings with fixed words that ignore `pattern`;
 * json-schema-faker honours `pattern`, bounds, `format` and `enum`. Every
 * sample is still checked against the contract by the caller.
 */
import { generateSync, type JsonSchema as FakerSchema } from 'json-schema-faker';
import type { JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { DOC_ID, toJsonSchema } from '../../contracts/openapi/json-schema.js';
import { refTargets } from '../../contracts/openapi/local-ref.js';

/** Makes sample values for the schemas of one contract. */
export interface Sampler {
  /**
   * A sample of `schema`; `salt` varies it per operation so two operations with one schema need not answer the same value.
   * `allOptionals` fills every optional property (a `oneOf` whose branches differ only in optional members needs them to tell the branches apart).
   */
  sample(schema: JsonSchema, salt: string, allOptionals?: boolean): unknown;
}

/** A 32-bit FNV-1a hash of `text`, to turn the seed and a salt into one generator seed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** The {@link Sampler} of `contract` with `seed`. */
export function createSampler(contract: OpenApiContract, seed: number): Sampler {
  const v30 = !/^3\.1|^3\.2/.test(contract.specVersion);
  // json-schema-faker resolves `#/…` refs against the root schema it is given: the ref targets ride along on every root
  const targets = localRefs(toJsonSchema(refTargets(contract), v30)) as Record<string, unknown>;
  const roots = new WeakMap<object, FakerSchema>();
  const rootOf = (schema: JsonSchema): FakerSchema => {
    if (typeof schema === 'boolean') return schema;
    let root = roots.get(schema);
    if (!root) {
      const converted = localRefs(toJsonSchema(schema, v30));
      root = (converted && typeof converted === 'object' ? { ...targets, ...converted } : converted) as FakerSchema;
      roots.set(schema, root);
    }
    return root;
  };
  return {
    sample(schema, salt, allOptionals = false) {
      return generateSync(rootOf(schema), {
        seed: hash32(`${seed}:${salt}`),
        maxDepth: 10,
        maxDefaultItems: 3,
        optionalsProbability: 0.7,
        alwaysFakeOptionals: allOptionals,
        minDateTime: '2024-01-01T00:00:00Z',
        maxDateTime: '2026-12-31T00:00:00Z',
      });
    },
  };
}

/**
 * `value` with the refs {@link toJsonSchema} prefixed with {@link DOC_ID} made local (`#/…`) again, and each `oneOf`
 * sampled as an `anyOf`: json-schema-faker 0.6.3 answers `{}` for a `oneOf` of objects (seen on Spotify's
 * `items: { oneOf: [Artist, Track] }`), while its `anyOf` picks a branch. The caller still checks the sample
 * against the real `oneOf` and tries another salt when it matches two branches.
 */
function localRefs(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll(`"${DOC_ID}#`, '"#'), (_key, node: unknown) => {
    if (!node || typeof node !== 'object' || Array.isArray(node) || !Array.isArray((node as Record<string, unknown>).oneOf)) return node;
    const { oneOf, ...rest } = node as Record<string, unknown>;
    return { ...rest, anyOf: oneOf };
  });
}
