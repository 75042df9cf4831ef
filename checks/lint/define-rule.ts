/**
 * `defineRule()`: a lint rule whose options are typed from its options
 * schema. The schema is written once, `as const` in place; `json-schema-to-ts`
 * derives the options type from it, the defaults are checked against that
 * type, and `visitor(options)` / `check(model, ctx)` receive the options typed
 * (defaults merged under the user's, so every defaulted option is present).
 * What comes out is a plain {@link LintRule}, as the registry and the
 * settings (which validate user options against the same schema with ajv) take it.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ModelRule, ModelRuleContext, RedoclyRule } from './rule.js';

type Meta<R> = Omit<R, 'optionsSchema' | 'defaultOptions' | 'visitor' | 'check'>;

/** The options type `json-schema-to-ts` derives from a schema written `as const`. */
export type SchemaOptions<S> = S extends JSONSchema ? FromSchema<S> : never;

/** The options a rule's code sees: the schema's type, with the members that have defaults present (as the defaults are typed). */
export type RuleOptions<S, D> = SchemaOptions<S> & D;

/** A Redocly rule definition with typed options. */
export type RedoclyRuleDefinition<S, D> = Meta<RedoclyRule> & {
  optionsSchema: S;
  defaultOptions: D;
  visitor: (options: NoInfer<RuleOptions<S, D>>) => Record<string, unknown>;
};

/** A model rule definition with typed options. */
export type ModelRuleDefinition<S, D> = Meta<ModelRule> & {
  optionsSchema: S;
  defaultOptions: D;
  check: (model: Parameters<ModelRule['check']>[0], ctx: Omit<ModelRuleContext, 'options'> & { options: NoInfer<RuleOptions<S, D>> }) => void;
};

/** Defines a Redocly-walker rule (`engine: 'redocly'`) whose `visitor` gets options typed from `optionsSchema`. */
export function defineRule<S, D extends SchemaOptions<S>>(rule: RedoclyRuleDefinition<S, D>): RedoclyRule;
/** Defines a model rule (`engine: 'model'`) whose `check` gets options typed from `optionsSchema`. */
export function defineRule<S, D extends SchemaOptions<S>>(rule: ModelRuleDefinition<S, D>): ModelRule;
export function defineRule(rule: Meta<RedoclyRule> | Meta<ModelRule>): RedoclyRule | ModelRule {
  // the options were validated against the schema before the rule sees them (checks/lint/settings.ts): the types only say so
  return rule as RedoclyRule | ModelRule;
}
