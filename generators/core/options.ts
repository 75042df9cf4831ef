/**
 * Reading a generator's options (`generate: [{ target, out, options }]` in
 * contractkit.yaml): a bad value is a UsageError that names the generator,
 * the option and what is allowed.
 */
import { UsageError } from '../../contracts/errors.js';

/** The value of option `key`, one of `allowed`, or `fallback` when it is not set. */
export function pickOption<T extends string>(generator: string, raw: Record<string, unknown>, key: string, allowed: readonly T[], fallback: T): T {
  const v = raw[key];
  if (v === undefined) return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${generator}: option \`${key}\` is ${JSON.stringify(v)}; use one of ${allowed.map((a) => `'${a}'`).join(', ')} (default '${fallback}').`);
}
