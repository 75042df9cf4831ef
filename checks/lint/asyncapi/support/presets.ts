/**
 * Preset tables for a list of rules: which rules each preset turns on and at
 * what severity. `minimal` and `recommended` run their members at the rule's
 * default severity; `strict` runs every rule at `error`.
 */
import type { Severity } from '../../../../contracts/finding.js';
import type { LintRule, PresetName } from '../../rule.js';

/** Rule id → severity, per preset. Rules absent from a preset's table are off in it. */
export type PresetTable = Record<PresetName, Record<string, Severity>>;

/** Builds the preset table of `rules` from their `presets` and `defaultSeverity`. */
export function presetTable(rules: readonly LintRule[]): PresetTable {
  const table: PresetTable = { minimal: {}, recommended: {}, strict: {} };
  for (const rule of rules) {
    if (rule.presets.includes('minimal')) table.minimal[rule.id] = rule.defaultSeverity;
    if (rule.presets.includes('recommended')) table.recommended[rule.id] = rule.defaultSeverity;
    if (rule.presets.includes('strict')) table.strict[rule.id] = 'error';
  }
  return table;
}
