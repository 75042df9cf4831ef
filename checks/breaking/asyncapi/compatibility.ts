/**
 * Confluent Schema Registry's compatibility modes applied to message schemas.
 *
 * - `backward`: a reader on the new schema reads data written with the old
 *   one (consumers upgrade first) — `diff(old, new)` must be compatible.
 * - `forward`: a reader on the old schema reads data written with the new
 *   one (producers upgrade first) — `diff(new, old)` must be compatible.
 * - `full`: both. `none`: nothing is checked.
 * - `_transitive`: against every earlier version, not only the latest.
 */
import { diffJsonSchema, type SchemaDifference } from './json-schema-diff.js';

/** The modes, as Confluent spells them (lowercase). */
export const COMPATIBILITY_MODES = ['backward', 'forward', 'full', 'backward_transitive', 'forward_transitive', 'full_transitive', 'none'] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

/** Which way a failed check reads: `backward` = the new reader cannot read old events, `forward` = old readers cannot read new events. */
export type CheckDirection = 'backward' | 'forward';

/** A difference that breaks a check, with the direction that failed. */
export interface Incompatibility extends SchemaDifference {
  direction: CheckDirection;
}

/** True for a known mode (case-insensitive). */
export function isCompatibilityMode(value: unknown): value is CompatibilityMode {
  return typeof value === 'string' && (COMPATIBILITY_MODES as readonly string[]).includes(value.toLowerCase());
}

/** Normalizes `BACKWARD_TRANSITIVE` → `backward_transitive`; undefined for anything else. */
export function parseMode(value: unknown): CompatibilityMode | undefined {
  return isCompatibilityMode(value) ? (value.toLowerCase() as CompatibilityMode) : undefined;
}

/** The directions a mode checks. */
export function directionsOf(mode: CompatibilityMode): CheckDirection[] {
  const base = mode.replace('_transitive', '');
  if (base === 'backward') return ['backward'];
  if (base === 'forward') return ['forward'];
  if (base === 'full') return ['backward', 'forward'];
  return [];
}

/** True for the `_transitive` modes. */
export function isTransitive(mode: CompatibilityMode): boolean {
  return mode.endsWith('_transitive');
}

/**
 * Checks `next` against `earlier` under `mode`: the incompatible differences,
 * each once (a change that breaks both directions is reported as backward).
 */
export function checkCompatibility(earlier: unknown, next: unknown, mode: CompatibilityMode): Incompatibility[] {
  const out: Incompatibility[] = [];
  const seen = new Set<string>();
  for (const direction of directionsOf(mode)) {
    const diffs = direction === 'backward' ? diffJsonSchema(earlier, next) : diffJsonSchema(next, earlier);
    for (const d of diffs) {
      if (d.compatible) continue;
      const key = d.path.join('/');
      if (direction === 'forward' && seen.has(key)) continue;
      seen.add(key);
      out.push({ ...d, direction });
    }
  }
  return out;
}

/** Every difference old → new (named from the new reader's side), for the changelog. */
export function changesBetween(earlier: unknown, next: unknown): SchemaDifference[] {
  return diffJsonSchema(earlier, next);
}
