/**
 * The rest-server generator's options (`generate: [{ target: rest-server,
 * out, options: { responseValidators } }]` in contractkit.yaml).
 */
import type { OptionsSchema } from '../core/options-schema.js';

/** Options of the rest-server generator. */
export interface RestServerGenOptions {
  /** Generate response validators (for the server's `validateResponses` option); default true. */
  responseValidators: boolean;
}

/** JSON Schema of the options (checked before the generator runs; a bad option is exit 2 at its config line). */
export const REST_SERVER_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    responseValidators: { type: 'boolean', description: 'Generate response validators for the `validateResponses` server option (default true).' },
  },
} as const satisfies OptionsSchema;

/** The options with their defaults (already validated against the schema). */
export function parseRestServerOptions(raw: Record<string, unknown> = {}): RestServerGenOptions {
  return { responseValidators: raw.responseValidators !== false };
}
