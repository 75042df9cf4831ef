/**
 * Durations as saga definitions write them: `200ms`, `5s`, `10m`, `1h`.
 */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** The pattern the saga JSON Schema uses too: a whole number and a unit. */
export const DURATION_PATTERN = /^([0-9]+)(ms|s|m|h)$/;

/**
 * Milliseconds of a duration string, or undefined when it is not one
 * (`parseDuration('5s') === 5000`, `parseDuration('5 sec') === undefined`).
 */
export function parseDuration(text: string): number | undefined {
  const m = DURATION_PATTERN.exec(text.trim());
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2]!]!;
  return Number.isSafeInteger(ms) ? ms : undefined;
}
