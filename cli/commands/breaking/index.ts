/**
 * `contractkit breaking [paths..] --against <git ref | directory | file>`:
 * what this change breaks for existing clients and consumers.
 */
import { join, relative } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { Finding, Severity } from '../../../contracts/finding.js';
import { compareContracts, type ContractPair } from '../../../checks/breaking/compare.js';
import '../../../checks/breaking/engines.js';
import { createBreakingSuppressor, DEFAULT_BREAKING_IGNORE_FILE } from '../../../checks/breaking/suppress.js';
import { UsageError } from '../../../contracts/errors.js';
import { resolveSides, type Sides } from './previous-side.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import type { ContractSpec } from '../../../contracts/load/types.js';
import { runAction } from '../../run.js';
import { EXIT, exitCodeFor, printFindings } from '../../report.js';
import type { CommandContext, GlobalArgs } from '../../context.js';

interface BreakingArgs extends GlobalArgs {
  paths: string[];
  against?: string;
  level?: Severity;
}

/** The `breaking` command. */
export const breakingCommand: CommandModule<GlobalArgs, BreakingArgs> = {
  command: 'breaking [paths..]',
  describe: 'Report changes that break existing clients or consumers',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'Contracts to check (default: the config\'s contracts)' })
      .option('against', { type: 'string', describe: 'Git ref (origin/main, a tag, HEAD~1, .git#branch=main), directory or file holding the previous version' })
      .option('level', { choices: ['error', 'warning', 'info'] as const, describe: 'Lowest level reported; info gives a full changelog (default warning)' }) as Argv<BreakingArgs>,
  handler: (args) =>
    runAction(args, async (ctx) => {
      const against = args.against ?? ctx.config.breaking.against;
      if (!against) throw new UsageError('breaking: say what to compare against: --against origin/main (a git ref, directory or file), or `breaking.against` in contractkit.yaml.');
      const sides = resolveSides(ctx, args.paths, against);
      try {
        const [cur, prev] = await Promise.all([loadContracts(sides.current, ctx.loadOptions), loadContracts(sides.previous, { ...ctx.loadOptions, rootDir: sides.root })]);
        const prevFindings = sides.restore(prev.findings).map((f) => ({ ...f, message: `In the previous version (${against}): ${f.message}` }));
        if (!cur.usable || !prev.usable) {
          // never "no breaking changes" because one side failed to load
          printFindings([...cur.findings, ...prevFindings], ctx, 'breaking');
          return EXIT.usage;
        }
        if (!sides.pairs.some((p) => p.current !== undefined && p.previous !== undefined)) {
          // nothing was compared: never "no problems found"
          printFindings([nothingCompared(ctx, sides, against)], ctx, 'breaking');
          return EXIT.usage;
        }
        const pairs: ContractPair[] = sides.pairs.map((p) => ({
          name: (p.current !== undefined ? sides.current[p.current] : sides.previous[p.previous!])!.name,
          current: p.current === undefined ? undefined : cur.bySpec[p.current],
          previous: p.previous === undefined ? undefined : prev.bySpec[p.previous],
        }));
        const specs = sides.pairs.map((p) => (p.current !== undefined ? sides.current[p.current] : sides.previous[p.previous!])!);
        const level = args.level ?? ctx.config.breaking.level ?? 'warning';
        // built before comparing: engines drop accepted findings before their versioning rules count breaking changes
        const suppressor = createBreakingSuppressor({
          files: pairs.flatMap((p) => p.current?.files ?? []),
          ignoreFile: ctx.config.breaking.ignoreFile ?? join(ctx.config.dir, DEFAULT_BREAKING_IGNORE_FILE),
          level,
        });
        const suppress = (fs: Finding[]): Finding[] => suppressor.filter(sides.restore(fs));
        const compared: Finding[] = [];
        // per-contract settings (`contracts.<name>.breaking`) override the global ones
        for (const group of groupBySettings(specs, pairs)) {
          compared.push(
            ...(await compareContracts(group.pairs, {
              level,
              minSunsetDays: ctx.config.breaking.minSunsetDays,
              compatibility: group.settings.compatibility ?? ctx.config.breaking.compatibility,
              protoCategory: group.settings.protoCategory ?? ctx.config.breaking.protoCategory,
              suppress,
            })),
          );
        }
        const findings = [...compared, ...suppressor.extras()];
        printFindings(findings, ctx, 'breaking');
        return exitCodeFor(findings, ctx.failOn);
      } finally {
        sides.dispose();
      }
    }),
};

/**
 * The finding when no contract has a previous version to compare with: a
 * wrong `--against`, or contracts that are all new. Exit 2, never a pass.
 */
function nothingCompared(ctx: CommandContext, sides: Sides, against: string): Finding {
  const rel = (p: string) => relative(ctx.cwd, p) || '.';
  const list = (specs: ContractSpec[]) => (specs.length ? specs.map((s) => `${rel(s.path)} (${s.kind})`).join(', ') : 'none');
  return {
    ruleId: 'breaking-nothing-compared',
    severity: 'error',
    kind: 'config',
    file: sides.current[0]?.path ?? ctx.cwd,
    line: 1,
    column: 1,
    message: `Nothing was compared: no contract has a previous version in ${against}. Current: ${list(sides.current)}; previous: ${list(sides.previous.map((s) => ({ ...s, path: sides.shownPath(s.path) })))}.`,
    hint: 'Point --against at the previous version of the same contracts (a git ref, the directory or file that held them). If every contract is new in this change, there is nothing it can break: skip the breaking check for this change.',
  };
}

interface SettingsGroup {
  settings: { compatibility?: string; protoCategory?: string };
  pairs: ContractPair[];
}

/** Pairs grouped by their contract's own breaking settings, in order, so each group is compared once. */
function groupBySettings(specs: ContractSpec[], pairs: ContractPair[]): SettingsGroup[] {
  const groups = new Map<string, SettingsGroup>();
  pairs.forEach((pair, i) => {
    const settings = (specs[i] as { breaking?: SettingsGroup['settings'] }).breaking ?? {};
    const key = `${settings.compatibility ?? ''}\u0000${settings.protoCategory ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { settings, pairs: [] }));
    group.pairs.push(pair);
  });
  return [...groups.values()];
}
