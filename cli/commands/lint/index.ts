/**
 * `contractkit lint [paths..]`: loads every contract once and reports load
 * problems and rule findings of all kinds in one report.
 */
import { dirname, join, relative, sep } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { Finding } from '../../../contracts/finding.js';
import { resolveLintSettings } from '../../../checks/lint/settings.js';
import { applyOverrides } from '../../../checks/lint/overrides.js';
import { createLintCache, inputHashes, watchedRoots } from '../../../checks/lint/cache.js';
import { applyIgnoreFile, readIgnoreFile } from '../../../checks/suppress/ignore-file.js';
import { applyBaseline, writeBaseline } from '../../../checks/suppress/baseline.js';
import { checkoutIndex, mapFindingsBack } from '../../../contracts/git/at-ref.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import type { ContractSpec } from '../../../contracts/load/types.js';
import { resolvePositions } from '../../../checks/report/resolve.js';
import { runAction } from '../../run.js';
import { EXIT, exitCodeFor, printFindings } from '../../report.js';
import { selectContracts } from '../../select-contracts.js';
import { toolVersion } from '../../version.js';
import type { CommandContext, GlobalArgs } from '../../context.js';

interface LintArgs extends GlobalArgs {
  paths: string[];
  staged: boolean;
  cache: boolean;
  'update-baseline': boolean;
}

/** The `lint` command. */
export const lintCommand: CommandModule<GlobalArgs, LintArgs> = {
  command: 'lint [paths..]',
  describe: 'Check contracts against the rule catalogue (all kinds, one report)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('paths', { type: 'string', array: true, default: [] as string[], describe: "Contract files or directories (default: the config's contracts, else the current directory)" })
      .option('staged', { type: 'boolean', default: false, describe: 'Lint the staged version of staged contracts (for pre-commit hooks)' })
      .option('cache', { type: 'boolean', default: true, describe: 'Answer unchanged runs from .contractkit-cache (--no-cache to bypass)' })
      .option('update-baseline', { type: 'boolean', default: false, describe: 'Record all current findings in the baseline; later runs report only new ones' }) as Argv<LintArgs>,
  handler: (args) =>
    runAction(args, async (ctx) => {
      const settings = resolveLintSettings(ctx.config);
      const selected = selectContracts(ctx, args.paths);
      let findings: Finding[];
      if (args.staged) {
        const result = await lintStaged(ctx, selected, settings);
        if (result === undefined) {
          ctx.err('No staged contracts to lint.');
          return EXIT.clean;
        }
        if (result.usage) return EXIT.usage;
        findings = result.findings;
      } else {
        const result = await lintSpecs(ctx, selected, settings, args.cache);
        if (result.usage) return EXIT.usage;
        findings = result.findings;
      }
      findings = applyOverrides(findings, ctx.config);
      const baselinePath = ctx.config.lint.baseline ?? join(ctx.config.dir, '.contractkit-baseline.json');
      if (args['update-baseline']) {
        const n = writeBaseline(baselinePath, findings);
        ctx.err(`Wrote ${n} finding(s) to ${relative(ctx.cwd, baselinePath) || baselinePath}; later runs report only new ones.`);
        return EXIT.clean;
      }
      findings = applyBaseline(findings, baselinePath);
      findings = applyIgnoreFile(findings, readIgnoreFile(ctx.config.lint.ignoreFile ?? join(ctx.config.dir, '.contractkit-ignore.yaml')));
      printFindings(findings, ctx, 'lint');
      return exitCodeFor(findings, ctx.failOn);
    }),
};

type LintResult = { usage: true } | { usage: false; findings: Finding[] };

async function lintSpecs(ctx: CommandContext, specs: ContractSpec[], settings: ReturnType<typeof resolveLintSettings>, useCache: boolean): Promise<LintResult> {
  const cache = createLintCache(join(ctx.config.dir, '.contractkit-cache'), toolVersion(), [settings.preset, settings.foreign, settings.active.map((a) => [a.rule.id, a.severity, a.options])], specs);
  const cached = useCache ? cache.lookup() : undefined;
  if (cached) return { usage: false, findings: cached };
  const loaded = await loadContracts(specs, ctx.loadOptions);
  if (!loaded.usable) {
    printFindings(loaded.findings, ctx, 'lint');
    return { usage: true };
  }
  const { lintModel } = await import('../../../checks/lint/run-lint.js');
  // positions are resolved now, so a cached run does not scan the files again
  const findings: Finding[] = resolvePositions([...loaded.findings, ...(await lintModel(loaded.model, settings, ctx.loadOptions))]);
  if (useCache) {
    cache.store(findings, inputHashes(loaded.model.contracts, ctx.config.file ? [ctx.config.file] : []), watchedRoots(loaded.model.contracts));
  }
  return { usage: false, findings };
}

async function lintStaged(ctx: CommandContext, specs: ContractSpec[], settings: ReturnType<typeof resolveLintSettings>): Promise<LintResult | undefined> {
  const tree = checkoutIndex(ctx.cwd);
  try {
    // a contract is checked when a staged file is its entry file or lies in its folder (refs, proto files)
    const touched = specs.filter((s) => tree.staged.some((f) => f === s.path || foldersOf(s).some((dir) => f === dir || f.startsWith(dir + sep))));
    if (touched.length === 0) return undefined;
    const inIndex = touched.map((s) => ({ ...s, path: tree.mapPath(s.path) }));
    const loaded = await loadContracts(inIndex, { ...ctx.loadOptions, rootDir: tree.dir });
    if (!loaded.usable) {
      printFindings(mapFindingsBack(loaded.findings, tree), ctx, 'lint');
      return { usage: true };
    }
    const { lintModel } = await import('../../../checks/lint/run-lint.js');
    const findings = [...loaded.findings, ...(await lintModel(loaded.model, settings, { ...ctx.loadOptions, rootDir: tree.dir }))];
    return { usage: false, findings: mapFindingsBack(findings, tree) };
  } finally {
    tree.dispose();
  }
}

/** The folders (or proto files) whose files belong to a contract: a proto contract's, else the entry file's folder (its refs). */
function foldersOf(spec: ContractSpec): string[] {
  if (spec.kind !== 'proto') return [dirname(spec.path)];
  return spec.protoPaths?.map((p) => join(spec.path, p)) ?? [spec.path];
}
