/**
 * Runs every active rule over a loaded model and returns one list of findings:
 * Redocly-visitor rules (ours and Redocly's own) per OpenAPI document, buf's
 * rules per proto module, and model rules (proto, events, sagas) once over
 * the whole model.
 */
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Finding, Severity } from '../../contracts/finding.js';
import type { ContractModel, OpenApiContract } from '../../contracts/model/types.js';
import { contractsOfKind } from '../../contracts/model/types.js';
import type { LoadOptions } from '../../contracts/load/types.js';
import { openApiReadOf } from '../../contracts/openapi/load.js';
import { runRedoclyLint } from './redocly/run.js';
import { redoclyRulesForPreset } from './redocly/presets.js';
import type { ConfiguredRedoclyRule } from './redocly/plugin.js';
import { runBufLint } from './proto/buf-lint.js';
import { withSagaContracts } from '../../contracts/saga/resolve.js';
import type { LintSettings } from './settings.js';
import { runModelRule } from './run-model-rule.js';
import type { ModelRule, RedoclyRule } from './rule.js';

/** buf rule ids are UPPER_SNAKE_CASE; anything else that is not ours is taken as Redocly's. */
const isBufId = (id: string) => /^[A-Z0-9_]+$/.test(id);

/** Lints `model` with `settings`. Never throws for a problem in a contract. */
export async function lintModel(model: ContractModel, settings: LintSettings, options: LoadOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  const redoclyRules = settings.active.filter((a): a is typeof a & { rule: RedoclyRule } => a.rule.engine === 'redocly');
  const modelRules = settings.active.filter((a): a is typeof a & { rule: ModelRule } => a.rule.engine === 'model');
  const preset = redoclyRulesForPreset(settings.preset);
  const foreignRedocly = Object.fromEntries(
    Object.entries(settings.foreign)
      .filter(([id]) => !isBufId(id))
      .map(([id, s]) => [id, s === 'warning' || s === 'info' ? 'warn' : s]),
  ) as Record<string, 'error' | 'warn' | 'off'>;

  const jobs: Promise<Finding[]>[] = [];
  for (const contract of contractsOfKind(model, 'openapi')) {
    jobs.push(lintOpenApi(contract, redoclyRules, { ...preset.redoclyRules, ...foreignRedocly }, preset.redoclyExtends, options.rootDir));
  }
  for (const contract of contractsOfKind(model, 'proto')) {
    jobs.push(runBufLint(contract).then((fs) => applyForeignSeverities(fs, settings.foreign)));
  }
  if (modelRules.length > 0) {
    jobs.push(
      (async () => {
        const withRefs = contractsOfKind(model, 'saga').length > 0 ? await withSagaContracts(model, options) : model;
        const out: Finding[] = [];
        for (const { rule, severity, options: ruleOptions } of modelRules) {
          try {
            out.push(...runModelRule(rule, withRefs, { options: ruleOptions, severity }));
          } catch (err) {
            // a rule that throws on an odd document is a bug: report it, keep the run going
            out.push({
              ruleId: 'internal-error',
              severity: 'error',
              kind: rule.kind,
              file: model.contracts[0]?.file ?? options.cwd,
              line: 1,
              column: 1,
              message: `Rule ${rule.id} failed: ${(err as Error).message}`,
              hint: 'This is a contractkit bug; please report it with the contract. Turn the rule off meanwhile.',
            });
          }
        }
        return out;
      })(),
    );
  }
  for (const result of await Promise.all(jobs)) findings.push(...result);
  return findings;
}

async function lintOpenApi(
  contract: OpenApiContract,
  rules: ConfiguredRedoclyRule[],
  redoclyRules: Record<string, 'error' | 'warn' | 'off'>,
  redoclyExtends: string[],
  rootDir: string,
): Promise<Finding[]> {
  const read = openApiReadOf(contract);
  return runRedoclyLint({
    ...(read ? { document: read.document, externalRefResolver: read.resolver, resolvedRefMap: await read.refs() } : { source: undefined, absoluteRef: contract.file }),
    kind: 'openapi',
    rules,
    redoclyExtends,
    redoclyRules,
    redoclyConfigPath: findRedoclyConfig(contract.file, rootDir),
  });
}

/** A `redocly.yaml` between the contract and the repository root decides Redocly's own rules, as `redocly lint` would. */
function findRedoclyConfig(file: string, rootDir: string): string | undefined {
  let dir = dirname(file);
  for (;;) {
    for (const name of ['redocly.yaml', '.redocly.yaml']) if (existsSync(join(dir, name))) return join(dir, name);
    if (dir === rootDir || dirname(dir) === dir || !dir.startsWith(rootDir)) return undefined;
    dir = dirname(dir);
  }
}

function applyForeignSeverities(findings: Finding[], foreign: Record<string, Severity | 'off'>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const s = foreign[f.ruleId];
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}
