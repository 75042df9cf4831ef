/**
 * `contractkit breaking [paths..] --against <git ref | directory | file>`:
 * what this change breaks for existing clients and consumers.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { Finding, Severity } from '../../../checks/finding.js';
import { compareContracts, type ContractPair } from '../../../checks/breaking/compare.js';
import '../../../checks/breaking/engines.js';
import { createBreakingSuppressor, DEFAULT_BREAKING_IGNORE_FILE } from '../../../checks/breaking/suppress.js';
import { UsageError } from '../../../contracts/errors.js';
import { checkoutRef, mapFindingsBack, type RefTree } from '../../../contracts/git/at-ref.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import type { ContractSpec } from '../../../contracts/load/types.js';
import { runAction } from '../../run.js';
import { EXIT, exitCodeFor, printFindings } from '../../report.js';
import { selectContracts } from '../../select-contracts.js';
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
      .option('against', { type: 'string', describe: 'Git ref (origin/main, a tag, HEAD~1), directory or file holding the previous version' })
      .option('level', { choices: ['error', 'warning', 'info'] as const, describe: 'Lowest level reported; info gives a full changelog (default warning)' }) as Argv<BreakingArgs>,
  handler: (args) =>
    runAction(args, async (ctx) => {
      const against = args.against ?? ctx.config.breaking.against;
      if (!against) throw new UsageError('breaking: say what to compare against: --against origin/main (a git ref, directory or file), or `breaking.against` in contractkit.yaml.');
      const current = selectContracts(ctx, args.paths);
      const previous = previousSide(ctx, current, against);
      try {
        const [cur, prev] = await Promise.all([loadContracts(current, ctx.loadOptions), loadContracts(previous.specs, { ...ctx.loadOptions, rootDir: previous.root })]);
        const prevFindings = previous.restore(prev.findings).map((f) => ({ ...f, message: `In the previous version (${against}): ${f.message}` }));
        if (!cur.usable || !prev.usable) {
          // never "no breaking changes" because one side failed to load
          printFindings([...cur.findings, ...prevFindings], ctx, 'breaking');
          return EXIT.usage;
        }
        const pairs: ContractPair[] = current.map((spec, i) => ({
          name: spec.name,
          current: cur.bySpec[i],
          previous: previous.index[i] === undefined ? undefined : prev.bySpec[previous.index[i]!],
        }));
        const level = args.level ?? ctx.config.breaking.level ?? 'warning';
        // built before comparing: engines drop accepted findings before their versioning rules count breaking changes
        const suppressor = createBreakingSuppressor({
          files: pairs.flatMap((p) => p.current?.files ?? []),
          ignoreFile: ctx.config.breaking.ignoreFile ?? join(ctx.config.dir, DEFAULT_BREAKING_IGNORE_FILE),
          level,
        });
        const suppress = (fs: Finding[]): Finding[] => suppressor.filter(previous.restore(fs));
        const compared: Finding[] = [];
        // per-contract settings (`contracts.<name>.breaking`) override the global ones
        for (const group of groupBySettings(current, pairs)) {
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
        previous.dispose();
      }
    }),
};

interface PreviousSide {
  /** Specs of the contracts that exist in the previous version. */
  specs: ContractSpec[];
  /** For each current spec, the index of its previous version in `specs` (undefined: it is new). */
  index: (number | undefined)[];
  root: string;
  /** Points findings about the previous tree back at the paths users know. */
  restore(findings: Finding[]): Finding[];
  dispose(): void;
}

function previousSide(ctx: CommandContext, current: ContractSpec[], against: string): PreviousSide {
  const asPath = resolve(ctx.cwd, against);
  if (existsSync(asPath) && statSync(asPath).isFile()) {
    if (current.length !== 1) throw new UsageError(`breaking: --against ${against} is a file, so name exactly one contract to compare with it (${current.length} selected).`);
    return fromMapping(current, () => asPath, ctx.loadOptions.rootDir, () => {});
  }
  if (existsSync(asPath) && statSync(asPath).isDirectory() && !looksLikeRef(against)) {
    // same relative layout under the directory as under the working directory
    return fromMapping(current, (p) => join(asPath, relative(ctx.cwd, p)), asPath, () => {});
  }
  const tree: RefTree = checkoutRef(against, ctx.cwd);
  return fromMapping(current, (p) => tree.mapPath(p), tree.dir, () => tree.dispose(), (fs) => mapFindingsBack(fs, tree));
}

function looksLikeRef(s: string): boolean {
  return /^(origin\/|refs\/|HEAD)/.test(s);
}

function fromMapping(
  current: ContractSpec[],
  map: (p: string) => string,
  root: string,
  dispose: () => void,
  restore: (findings: Finding[]) => Finding[] = (fs) => fs,
): PreviousSide {
  const specs: ContractSpec[] = [];
  const index = current.map((c) => {
    const path = map(c.path);
    if (!existsSync(path)) return undefined;
    specs.push({ ...c, path });
    return specs.length - 1;
  });
  return { specs, index, root, dispose, restore };
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
