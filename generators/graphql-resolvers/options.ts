/**
 * Options of the `graphql-resolvers` target: how custom scalars are typed.
 * Values are a closed set of TypeScript types (never free text), so an option
 * can never put arbitrary code into the output.
 */
import { UsageError } from '../../contracts/errors.js';

/** The TypeScript types a custom scalar may be mapped to. */
export const SCALAR_TS_TYPES = ['string', 'number', 'boolean', 'bigint', 'unknown', 'Date', 'JsonValue'] as const;
export type ScalarTsType = (typeof SCALAR_TS_TYPES)[number];

/** Options after validation. */
export interface GraphqlResolversOptions {
  /** Custom scalar name → its TypeScript type (default `unknown`). */
  scalars?: Record<string, ScalarTsType>;
}

/** JSON schema of the options (checked by the CLI with ajv before the generator runs). */
export const GRAPHQL_RESOLVERS_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    scalars: { type: 'object', additionalProperties: { enum: [...SCALAR_TS_TYPES] } },
  },
} as const;

/** Reads validated options (ajv already ran; this narrows the type and guards direct callers). */
export function readGraphqlResolversOptions(raw: unknown): GraphqlResolversOptions {
  const o = (raw ?? {}) as { scalars?: Record<string, unknown> };
  for (const [name, t] of Object.entries(o.scalars ?? {})) {
    if (!(SCALAR_TS_TYPES as readonly unknown[]).includes(t)) {
      throw new UsageError(`graphql-resolvers: option scalars.${name} must be one of ${SCALAR_TS_TYPES.join(', ')} (got ${JSON.stringify(t)}); see docs/graphql.md.`);
    }
  }
  return o as GraphqlResolversOptions;
}
