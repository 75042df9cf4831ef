/**
 * Which of Redocly's own rules run with each of our presets.
 *
 * Redocly's rules run under their own ids (`operation-operationId-unique`), so
 * an existing `redocly.yaml` or `.redocly.lint-ignore.yaml` carries over.
 */
import type { PresetName } from '../rule.js';

/** Redocly rule severities as its config writes them. */
export type RedoclySeverity = 'error' | 'warn' | 'off';

/**
 * Rules that compile every example's schema with ajv. On GitHub's 13 MB
 * description they take about two thirds of Redocly's lint time (2.6 s of
 * 3.8 s measured here), so only the strict preset runs them.
 */
export const REDOCLY_EXAMPLE_RULES = [
  'no-invalid-media-type-examples',
  'no-invalid-schema-examples',
  'no-invalid-parameter-examples',
] as const;

/** Redocly's part of a lint run: the Redocly presets to extend and per-rule severities on top. */
export interface RedoclyRuleSelection {
  redoclyExtends: string[];
  redoclyRules: Record<string, RedoclySeverity>;
}

/**
 * Redocly's rules for one of our presets: `minimal` → Redocly `minimal`,
 * `recommended` → Redocly `recommended`, `strict` → `recommended-strict`;
 * example validation only in `strict`.
 */
export function redoclyRulesForPreset(preset: PresetName): RedoclyRuleSelection {
  const examplesOff = Object.fromEntries(REDOCLY_EXAMPLE_RULES.map((id) => [id, 'off' as const]));
  switch (preset) {
    case 'minimal':
      return { redoclyExtends: ['minimal'], redoclyRules: examplesOff };
    case 'recommended':
      return { redoclyExtends: ['recommended'], redoclyRules: examplesOff };
    case 'strict':
      return { redoclyExtends: ['recommended-strict'], redoclyRules: {} };
  }
}
