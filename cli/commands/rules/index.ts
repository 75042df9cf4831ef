/**
 * `contractkit rules`: the lint rule catalogue with ids, kinds, default
 * severities and presets (`--format json` for tooling).
 */
import type { Argv, CommandModule } from 'yargs';
import { LINT_RULES, presetSeverity, ruleDocPath } from '../../../checks/lint/catalogue.js';
import type { PresetName } from '../../../checks/lint/rule.js';
import { runAction } from '../../run.js';
import { EXIT } from '../../report.js';
import type { GlobalArgs } from '../../context.js';

const PRESETS: PresetName[] = ['minimal', 'recommended', 'strict'];

/** The `rules` command. */
export const rulesCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'rules',
  describe: 'List the lint rules with their severities and presets',
  builder: (y: Argv<GlobalArgs>) => y,
  handler: (args) =>
    runAction(args, async (ctx) => {
      const rows = LINT_RULES.map((r) => ({
        id: r.id,
        kind: r.kind,
        defaultSeverity: r.defaultSeverity,
        presets: Object.fromEntries(PRESETS.map((p) => [p, presetSeverity(r, p)])),
        description: r.description,
        docs: ruleDocPath(r.id),
      }));
      if (ctx.format === 'json') {
        ctx.out(JSON.stringify({ version: 1, rules: rows }, null, 2));
        return EXIT.clean;
      }
      const idWidth = Math.max(...rows.map((r) => r.id.length));
      ctx.out(`${'rule'.padEnd(idWidth)}  kind      minimal  recommended  strict   description`);
      for (const r of rows) {
        ctx.out(
          `${r.id.padEnd(idWidth)}  ${r.kind.padEnd(8)}  ${String(r.presets.minimal).padEnd(7)}  ${String(r.presets.recommended).padEnd(11)}  ${String(r.presets.strict).padEnd(7)}  ${r.description}`,
        );
      }
      ctx.out(
        "\nAlso run, under their own ids: Redocly's structural rules for OpenAPI (its minimal / recommended / recommended-strict sets, or your redocly.yaml) and buf's lint rules for proto (STANDARD, or your buf.yaml).",
      );
      return EXIT.clean;
    }),
};
