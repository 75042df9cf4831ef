/**
 * Runs one model rule on a model and collects its findings: what the lint
 * runner does for a rule, minus config, ignores and positions. Rule tests use
 * it, and so can any caller that wants one rule's verdict.
 */
import type { Finding, Severity } from '../../contracts/finding.js';
import type { ContractModel } from '../../contracts/model/types.js';
import type { ModelRule } from './rule.js';

/** Options of {@link runModelRule}. */
export interface RunModelRuleOptions {
  /** Rule options, merged over the rule's `defaultOptions`. */
  options?: Record<string, unknown>;
  /** Severity to report at (default: the rule's default severity). */
  severity?: Severity;
}

/** Runs `rule` over `model` and returns its findings with ruleId, severity and kind filled in. */
export function runModelRule(rule: ModelRule, model: ContractModel, run: RunModelRuleOptions = {}): Finding[] {
  const severity = run.severity ?? rule.defaultSeverity;
  const findings: Finding[] = [];
  rule.check(model, {
    options: { ...(rule.defaultOptions ?? {}), ...(run.options ?? {}) },
    severity,
    report: (f) => findings.push({ ...f, ruleId: rule.id, severity, kind: f.kind ?? rule.kind }),
  });
  return findings;
}
