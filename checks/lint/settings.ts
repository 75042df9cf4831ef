/**
 * Effective rule settings: the preset, then the user's per-rule severities and
 * options from contractkit.yaml. Options are validated against each rule's
 * schema; a broken option is a config error at its line (exit 2).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { Severity } from '../../contracts/finding.js';
import { ConfigError } from '../../contracts/errors.js';
import { schemaErrorsToFindings } from '../../contracts/source/schema-errors.js';
import type { Config } from '../../contracts/config/types.js';
import { findRule, LINT_RULES, presetSeverity } from './catalogue.js';
import type { LintRule } from './rule.js';
import { asyncapiOptionsFromConfig } from './asyncapi/index.js';

/** A rule that runs, with its severity and merged options. */
export interface ActiveRule {
  rule: LintRule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** What the runner needs to know beyond the rules of the catalogue. */
export interface LintSettings {
  active: ActiveRule[];
  /** Severities (or `off`) for rules that are not ours: Redocly's and buf's ids. */
  foreign: Record<string, Severity | 'off'>;
  preset: Config['lint']['preset'];
}

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });
const validators = new Map<string, ValidateFunction>();

/** Resolves the config's lint section against the catalogue. @throws ConfigError for a bad option. */
export function resolveLintSettings(config: Config): LintSettings {
  const lint = config.lint;
  const derived = asyncapiOptionsFromConfig(lint);
  const active: ActiveRule[] = [];
  for (const rule of LINT_RULES) {
    const user = lint.rules[rule.id];
    const setting = user?.severity ?? presetSeverity(rule, lint.preset);
    const options = { ...(rule.defaultOptions ?? {}), ...(derived[rule.id] ?? {}), ...(user?.options ?? {}) };
    if (user?.options && rule.optionsSchema) validateOptions(rule, options, config);
    if (setting === 'off') continue;
    active.push({ rule, severity: setting, options });
  }
  const foreign: LintSettings['foreign'] = {};
  for (const [id, setting] of Object.entries(lint.rules)) {
    if (!findRule(id) && setting.severity) foreign[id] = setting.severity;
  }
  return { active, foreign, preset: lint.preset };
}

function validateOptions(rule: LintRule, options: Record<string, unknown>, config: Config): void {
  let validate = validators.get(rule.id);
  if (!validate) validators.set(rule.id, (validate = ajv.compile(rule.optionsSchema!)));
  if (validate(options)) return;
  const findings = schemaErrorsToFindings(validate.errors ?? [], config.file ?? '', 'config', 'config/invalid-rule-options', `options of ${rule.id}`).map((f) => ({
    ...f,
    pointer: `/lint/rules/${rule.id}/options${f.pointer ?? ''}`,
    message: `${rule.id}: ${f.message}`,
    hint: f.hint ?? `See docs/rules/${rule.id}.md for the options of this rule.`,
  }));
  throw new ConfigError(`Invalid options for ${rule.id}`, findings);
}
