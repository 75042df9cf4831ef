/**
 * The whole rule catalogue: every contractkit lint rule of every kind, in
 * catalogue order. `contractkit rules` prints it; the runner resolves presets
 * and settings against it.
 */
import type { LintRule, PresetName, RuleSetting } from './rule.js';
import { openApiModelRules, openApiRules } from './openapi/index.js';
import { asyncapiRules } from './asyncapi/index.js';
import { protoLintRules } from './proto/index.js';
import { sagaRules } from './saga/index.js';
import { graphqlRules } from './graphql/index.js';

/** Every rule, OpenAPI first, then proto, AsyncAPI, sagas and GraphQL. */
export const LINT_RULES: readonly LintRule[] = [...openApiRules, ...openApiModelRules, ...protoLintRules, ...asyncapiRules, ...sagaRules, ...graphqlRules];

const byId = new Map(LINT_RULES.map((r) => [r.id, r]));

/** The rule with this id, if contractkit has one. */
export function findRule(id: string): LintRule | undefined {
  return byId.get(id);
}

/** The severity a preset gives a rule: its default in its presets (error in `strict`), `off` elsewhere. */
export function presetSeverity(rule: LintRule, preset: PresetName): RuleSetting {
  if (!rule.presets.includes(preset)) return 'off';
  return preset === 'strict' ? 'error' : rule.defaultSeverity;
}

/** Relative link of a rule's docs page. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
