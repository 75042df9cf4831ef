/**
 * The rest-client generator's options (`generate: [{ target: rest-client,
 * out, options: { dateType, int64, validate, target, completion } }]` in contractkit.yaml).
 */
import { UsageError } from '../../contracts/errors.js';
import { parseCompletionSpec } from '../../contracts/openapi/async-status.js';
import type { CompletionSpec } from '../../runtime/src/http/completion.js';
import { pickOption } from '../core/options.js';
import type { OptionsSchema } from '../core/options-schema.js';
import type { TypedValueOptions } from './revival.js';

/** Options of the rest-client generator. */
export interface RestClientOptions extends TypedValueOptions {
  /** Validate request bodies before sending and success bodies after decoding (ajv, compiled at generation time). */
  validate: boolean;
  /**
   * `ts` (default): TypeScript sources. `js+dts`: JavaScript with declaration files beside it (as protoc-gen-es's
   * `target=js+dts`); a project with `skipLibCheck` then type-checks the client's declarations without checking them.
   */
  target: 'ts' | 'js+dts';
  /**
   * How the status bodies of 202 operations tell done from failed
   * (`{ field, done, failed?, result?, error? }`), for an API whose vocabulary the
   * contract does not spell out; an operation's `x-contractkit-completion` wins.
   */
  completion?: CompletionSpec;
}

/** JSON Schema of the options, validated before the generator runs (the values' meanings are checked again by {@link parseRestClientOptions}). */
export const REST_CLIENT_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dateType: { enum: ['string', 'Date'], description: '`date-time` strings as `string` (default) or revived as `Date`.' },
    int64: { enum: ['number', 'string', 'bigint'], description: 'How `int64` values are typed (default `number`).' },
    validate: { type: 'boolean', description: 'Validate request and success bodies with ajv.' },
    target: { enum: ['ts', 'js+dts'], description: 'TypeScript sources, or JavaScript with declaration files.' },
    completion: { type: 'object', description: 'How 202 status bodies tell done from failed: `{ field, done, failed?, result?, error? }`.' },
  },
} as const satisfies OptionsSchema;

/** The defaults: `date-time` as string, `int64` as number, no validation. */
export const DEFAULT_OPTIONS: RestClientOptions = { dateType: 'string', int64: 'number', validate: false, target: 'ts' };

/** Reads and checks the options; unknown keys and bad values are UsageErrors that say what is allowed. */
export function parseRestClientOptions(raw: Record<string, unknown> = {}): RestClientOptions {
  const known = ['dateType', 'int64', 'validate', 'target', 'completion'];
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length) throw new UsageError(`rest-client: unknown option(s) ${unknown.map((k) => `\`${k}\``).join(', ')}; the options are dateType ('string' | 'Date'), int64 ('number' | 'string' | 'bigint'), validate (true | false), target ('ts' | 'js+dts') and completion ({ field, done, failed }).`);
  if (raw.validate !== undefined && typeof raw.validate !== 'boolean') throw new UsageError(`rest-client: option \`validate\` is ${JSON.stringify(raw.validate)}; use true or false.`);
  const options: RestClientOptions = {
    dateType: pickOption('rest-client', raw, 'dateType', ['string', 'Date'] as const, 'string'),
    int64: pickOption('rest-client', raw, 'int64', ['number', 'string', 'bigint'] as const, 'number'),
    validate: raw.validate === true,
    target: pickOption('rest-client', raw, 'target', ['ts', 'js+dts'] as const, 'ts'),
  };
  if (raw.completion !== undefined) {
    const completion = parseCompletionSpec(raw.completion);
    if (typeof completion === 'string') throw new UsageError(`rest-client: option \`completion\`: ${completion}.`);
    options.completion = completion;
  }
  return options;
}
