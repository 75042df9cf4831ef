/**
 * Builds the `ck` Redocly plugin from our rule definitions.
 *
 * Redocly only runs a plugin rule handed over in code when its key already
 * carries the plugin prefix (`ck/path-no-verbs`); an unprefixed key is
 * configured but silently never run. Every visitor function is wrapped so a
 * rule that throws on an odd document becomes an `internal-error` finding
 * instead of aborting the whole lint.
 */
import type { Plugin, UserContext } from '@redocly/openapi-core';
import type { RedoclyRule } from '../rule.js';
import type { Severity } from '../../../contracts/finding.js';

/** The plugin id; our rule keys inside Redocly are `ck/<id>`. */
export const PLUGIN_ID = 'ck';

/** Rule id of the finding reported when one of our rules throws. */
export const INTERNAL_ERROR_RULE_ID = 'internal-error';

/** One of our rules, configured for a run. */
export interface ConfiguredRedoclyRule {
  rule: RedoclyRule;
  severity: Severity;
  options?: Record<string, unknown>;
}

/** `path-no-verbs` → `ck/path-no-verbs`. */
export function prefixedRuleId(id: string): string {
  return `${PLUGIN_ID}/${id}`;
}

/** `ck/path-no-verbs` → `path-no-verbs`; undefined for Redocly's own ids. */
export function unprefixedRuleId(id: string): string | undefined {
  return id.startsWith(`${PLUGIN_ID}/`) ? id.slice(PLUGIN_ID.length + 1) : undefined;
}

/** The plugin object plus the rule settings to put in the Redocly config. */
export interface BuiltPlugin {
  plugin: Plugin;
  ruleSettings: Record<string, 'error' | 'warn'>;
}

/** Builds the plugin: each rule under every spec it declares, options bound in a closure (defaults under the user's). */
export function buildPlugin(rules: readonly ConfiguredRedoclyRule[]): BuiltPlugin {
  const byType: Record<string, Record<string, () => Record<string, unknown>>> = {};
  const ruleSettings: Record<string, 'error' | 'warn'> = {};
  for (const { rule, severity, options } of rules) {
    const key = prefixedRuleId(rule.id);
    const merged = { ...(rule.defaultOptions ?? {}), ...(options ?? {}) };
    const factory = () => guardVisitor(rule.visitor(merged), rule.id);
    for (const spec of rule.specs) (byType[spec] ??= {})[key] = factory;
    // Redocly knows only error and warn; `info` is restored from our own settings when mapping.
    ruleSettings[key] = severity === 'error' ? 'error' : 'warn';
  }
  return { plugin: { id: PLUGIN_ID, rules: byType } as unknown as Plugin, ruleSettings };
}

/** Wraps every enter/leave function of a (possibly nested) visitor so a throw becomes a finding. */
function guardVisitor(visitor: Record<string, unknown>, ruleId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(visitor)) {
    if (typeof value === 'function') {
      out[key] = key === 'skip' ? value : guardFn(value as VisitFn, ruleId);
    } else if (value && typeof value === 'object') {
      out[key] = guardVisitor(value as Record<string, unknown>, ruleId);
    } else {
      out[key] = value;
    }
  }
  return out;
}

type VisitFn = (node: unknown, ctx: UserContext, ...rest: unknown[]) => void;

function guardFn(fn: VisitFn, ruleId: string): VisitFn {
  return (node, ctx, ...rest) => {
    try {
      fn(node, ctx, ...rest);
    } catch (error) {
      ctx.report({
        ruleId: INTERNAL_ERROR_RULE_ID,
        forceSeverity: 'warn',
        message: `Rule \`${ruleId}\` failed on this node: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'This is a contractkit bug, not a problem in your contract; please report it with this node. Other rules ran normally.',
      } as Parameters<UserContext['report']>[0]);
    }
  };
}
