/**
 * The shape of a lint rule. One file per rule, named by its id
 * (`checks/lint/openapi/path-no-verbs.ts`), each with a test and a docs page
 * `docs/rules/<id>.md`.
 */
import type { ContractKind, Finding, Severity } from '../../contracts/finding.js';
import type { ContractModel } from '../../contracts/model/types.js';
import type { PresetName } from '../../contracts/config/types.js';

export type { PresetName } from '../../contracts/config/types.js';

/** A rule's configured severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** Everything a rule has in common, whatever it runs on. */
export interface RuleMeta {
  /** Stable id users write in configs and ignores (`path-no-verbs`). */
  id: string;
  kind: Exclude<ContractKind, 'config'>;
  /** One sentence: what the rule asks for. */
  description: string;
  defaultSeverity: Severity;
  /** Presets the rule is in; `strict` holds every rule of `recommended`, which holds every rule of `minimal`. */
  presets: PresetName[];
  /** JSON Schema of the rule's options (validated with ajv; a bad option is a config error, exit 2). */
  optionsSchema?: Record<string, unknown>;
  /** Default options, merged under the user's. */
  defaultOptions?: Record<string, unknown>;
}

/**
 * A rule that runs inside Redocly's walker (OpenAPI and AsyncAPI documents):
 * `visitor(options)` returns a Redocly visitor (`{ Operation: { enter(node, ctx) { ctx.report(...) } } }`);
 * locations come from Redocly's `ctx.location`, so findings point at the file the node is written in.
 */
export interface RedoclyRule extends RuleMeta {
  engine: 'redocly';
  /** Which Redocly rule type the visitor is for. */
  specs: ('oas2' | 'oas3' | 'async2' | 'async3')[];
  visitor: (options: Record<string, unknown>) => Record<string, unknown>;
}

/** A rule over the whole ContractModel (cross-document checks, proto descriptors, sagas). */
export interface ModelRule extends RuleMeta {
  engine: 'model';
  check: (model: ContractModel, ctx: ModelRuleContext) => void;
}

/** What a model rule gets to report with. */
export interface ModelRuleContext {
  options: Record<string, unknown>;
  severity: Severity;
  report: (finding: Omit<Finding, 'ruleId' | 'severity' | 'kind'> & { kind?: Finding['kind'] }) => void;
}

export type LintRule = RedoclyRule | ModelRule;
