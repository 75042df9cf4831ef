/**
 * `contractkit map [paths..]`: the system map of every contract — services,
 * what each offers, the events each sends and receives, the sagas and what
 * they call, and what nobody produces or consumes. Mermaid on stdout by
 * default; `--mermaid <file>`, `--html <dir>` (a static site), `--out <dir>`
 * (`map.md` + `site/`, checked with `--check`); `--against <ref>` gives what
 * a change adds, removes and breaks, as a PR comment.
 */
import { basename, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../../contracts/errors.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import { buildSystemMap } from '../../../contracts/system/build.js';
import type { GeneratedFile } from '../../../generators/core/registry.js';
import { mapToMermaid } from '../../../generators/map/mermaid.js';
import { runAction } from '../../run.js';
import { EXIT, exitCodeFor, printFindings } from '../../report.js';
import { selectContracts } from '../../select-contracts.js';
import type { CommandContext, Format, GlobalArgs } from '../../context.js';
import { mapAgainst } from './against.js';
import { outFiles, siteFiles, writeOutput } from './outputs.js';

interface MapArgs extends Omit<GlobalArgs, 'format'> {
  format: Format | 'mermaid';
  paths: string[];
  mermaid?: string;
  html?: string;
  out?: string;
  check: boolean;
  against?: string;
  title?: string;
}

/** The `map` command. */
export const mapCommand: CommandModule<GlobalArgs, MapArgs> = {
  command: 'map [paths..]',
  describe: 'Map the system: services, operations, events, sagas (Mermaid, static HTML site, PR diff)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'Contracts to map (default: the config\'s contracts)' })
      .option('mermaid', { type: 'string', describe: 'Write the Mermaid flowchart to this file (default without other outputs: stdout)' })
      .option('html', { type: 'string', describe: 'Write the self-contained static site into this folder' })
      .option('out', { type: 'string', describe: 'Write map.md and site/ into this folder (what a repository commits)' })
      .option('check', { type: 'boolean', default: false, describe: 'With --out/--html/--mermaid: write nothing, exit 1 when the committed map is stale' })
      .option('against', { type: 'string', describe: 'Git ref, directory or file with the previous contracts: print what the change adds, removes and breaks (Markdown + Mermaid)' })
      // `--format mermaid` is the default output named; the report formats give the findings in that format
      // yargs adds these choices to the global ones
      .option('format', { choices: ['mermaid'] as const, default: 'stylish' as const, describe: 'Findings report format, or mermaid: the map on stdout, findings on stderr' })
      .option('title', { type: 'string', describe: 'Title of the map (default: "System map: <config folder>")' }) as Argv<MapArgs>,
  handler: (args) => {
    // the map itself is the output: findings are reported as stylish text (on stderr)
    const mermaid = args.format === 'mermaid';
    const global = { ...args, format: mermaid ? ('stylish' as const) : (args.format as Format) };
    return runAction(global, (ctx) => runMap(ctx, { ...global, mermaidOut: mermaid }));
  },
};

async function runMap(ctx: CommandContext, args: Omit<MapArgs, 'format'> & { mermaidOut: boolean }): Promise<number> {
  if (args.mermaidOut && (args.out || args.html || args.mermaid || args.against)) {
    throw new UsageError('map: --format mermaid prints the map on stdout; leave out --out, --html, --mermaid and --against, or --format.');
  }
  if (args.against && (args.out || args.html || args.mermaid || args.check)) {
    throw new UsageError('map --against prints the PR comment of a change on stdout; run --out, --html, --mermaid and --check without --against.');
  }
  if (args.check && !args.out && !args.html && !args.mermaid) throw new UsageError('map --check: name the committed map to check: --out <dir> (or --html <dir>, --mermaid <file>).');
  const specs = selectSpecs(ctx, args.paths);
  if (specs.length === 0) throw new UsageError(`map: nothing to map: no contracts in ${ctx.config.file ?? ctx.cwd}. List them under \`contracts\` in contractkit.yaml or name contract files or folders.`);
  const title = args.title ?? `System map: ${basename(ctx.config.dir)}`;
  if (args.against) return mapAgainst(ctx, args.paths, args.against, title);
  const loaded = await loadContracts(specs, ctx.loadOptions);
  if (!loaded.usable) {
    printFindings(loaded.findings, ctx, 'map');
    return EXIT.usage;
  }
  const map = buildSystemMap(loaded.model);
  if (map.services.length === 0 && map.sagas.length === 0) throw new UsageError('map: nothing to map: the contracts describe no service and no saga.');
  const outputs: { dir: string; files: GeneratedFile[]; owned: boolean }[] = [];
  if (args.out) outputs.push({ dir: resolve(ctx.cwd, args.out), files: await outFiles(map, loaded.model, title, ctx.config.dir), owned: true });
  if (args.html) outputs.push({ dir: resolve(ctx.cwd, args.html), files: await siteFiles(map, loaded.model, title, ctx.config.dir), owned: true });
  if (args.mermaid) {
    const file = resolve(ctx.cwd, args.mermaid);
    outputs.push({ dir: resolve(file, '..'), files: [{ path: basename(file), content: mapToMermaid(map) }], owned: false });
  }
  const findings = [...loaded.findings.filter((f) => f.severity !== 'info'), ...map.findings];
  if (outputs.length === 0) {
    ctx.out(mapToMermaid(map));
    // stdout holds the map: the findings go to stderr
    if (findings.length) printFindings(findings, { ...ctx, out: ctx.err }, 'map');
    return exitCodeFor(findings, ctx.failOn);
  }
  let stale = 0;
  for (const o of outputs) {
    const r = writeOutput(o.dir, o.files, args.check, o.owned);
    if (args.check) {
      for (const p of r.stale) ctx.err(`stale: ${resolve(o.dir, p)}`);
      for (const p of r.extra) ctx.err(`no longer part of the map: ${resolve(o.dir, p)}`);
      stale += r.stale.length + r.extra.length;
    } else {
      ctx.err(`map: ${r.written.length} file(s) written, ${o.files.length - r.written.length} unchanged in ${o.dir}${r.extra.length ? `, ${r.extra.length} removed` : ''}`);
    }
  }
  printFindings(findings, ctx, 'map');
  if (args.check && stale > 0) {
    ctx.err(`map --check: the committed map is stale (${stale} file(s)); run the same command without --check and commit the result.`);
    return EXIT.findings;
  }
  return exitCodeFor(findings, ctx.failOn);
}

/** The contracts to map; "no contracts found" is said the map's way (exit 2, "nothing to map"). */
function selectSpecs(ctx: CommandContext, paths: readonly string[]) {
  try {
    return selectContracts(ctx, paths);
  } catch (err) {
    if (err instanceof UsageError && err.findings.length > 0 && err.findings.every((f) => f.ruleId === 'load/no-contracts')) {
      throw new UsageError(`map: nothing to map: ${err.findings.map((f) => f.message.replace(/\.$/, '')).join('; ')}. List contracts under \`contracts\` in contractkit.yaml or name contract files or folders.`);
    }
    throw err;
  }
}
