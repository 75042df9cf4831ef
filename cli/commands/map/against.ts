/**
 * `map --against <ref>`: both sides loaded as `breaking` loads them, each
 * mapped, diffed, and the breaking check run on the pairs; printed as a PR
 * comment (Markdown + Mermaid with classes). Exit 1 when something breaks
 * (at or above --fail-on), 2 when a side does not load or nothing pairs.
 */
import { join, relative } from 'node:path';
import { compareContracts, type ContractPair } from '../../../checks/breaking/compare.js';
import '../../../checks/breaking/engines.js';
import { createBreakingSuppressor, DEFAULT_BREAKING_IGNORE_FILE } from '../../../checks/breaking/suppress.js';
import { diffMaps } from '../../../checks/map/diff.js';
import { resolvePositions } from '../../../checks/report/resolve.js';
import { UsageError } from '../../../contracts/errors.js';
import type { Finding } from '../../../contracts/finding.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import { buildSystemMap } from '../../../contracts/system/build.js';
import { diffToMarkdown } from '../../../generators/map/diff-markdown.js';
import { EXIT, exitCodeFor, printFindings } from '../../report.js';
import type { CommandContext } from '../../context.js';
import { resolveSides } from '../breaking/previous-side.js';

/** Prints the PR comment of the change since `against`; returns the exit code. */
export async function mapAgainst(ctx: CommandContext, paths: readonly string[], against: string, title: string): Promise<number> {
  const sides = resolveSides(ctx, paths, against);
  try {
    const [cur, prev] = await Promise.all([loadContracts(sides.current, ctx.loadOptions), loadContracts(sides.previous, { ...ctx.loadOptions, rootDir: sides.root })]);
    if (!cur.usable || !prev.usable) {
      const prevFindings = sides.restore(prev.findings).map((f) => ({ ...f, message: `In the previous version (${against}): ${f.message}` }));
      printFindings([...cur.findings, ...prevFindings], ctx, 'map');
      return EXIT.usage;
    }
    if (sides.previous.length === 0) throw new UsageError(`map --against ${against}: no contract found in the previous version; point --against at the ref or folder that holds them.`);
    const pairs: ContractPair[] = sides.pairs.map((p) => ({
      name: (p.current !== undefined ? sides.current[p.current] : sides.previous[p.previous!])!.name,
      current: p.current === undefined ? undefined : cur.bySpec[p.current],
      previous: p.previous === undefined ? undefined : prev.bySpec[p.previous],
    }));
    const suppressor = createBreakingSuppressor({
      files: pairs.flatMap((p) => p.current?.files ?? []),
      ignoreFile: ctx.config.breaking.ignoreFile ?? join(ctx.config.dir, DEFAULT_BREAKING_IGNORE_FILE),
      level: 'warning',
    });
    const breaking = await compareContracts(pairs, {
      level: 'warning',
      minSunsetDays: ctx.config.breaking.minSunsetDays,
      compatibility: ctx.config.breaking.compatibility,
      protoCategory: ctx.config.breaking.protoCategory,
      suppress: (fs: Finding[]) => suppressor.filter(sides.restore(fs)),
    });
    const diff = diffMaps(buildSystemMap(prev.model), buildSystemMap(cur.model), breaking, (f) => sides.shownPath(f));
    // one at a time: resolvePositions sorts what it is given
    const where = (f: Finding) => {
      const p = resolvePositions([f])[0]!;
      return `${relative(ctx.config.dir, p.file).split('\\').join('/')}:${p.line}`;
    };
    ctx.out(
      diffToMarkdown({
        title,
        against,
        added: diff.added,
        removed: diff.removed,
        breaking: diff.breaking.map((b) => ({ ...b, where: where(b.finding) })),
        newFindings: diff.newFindings,
        merged: diff.merged,
        marks: diff.marks,
      }),
    );
    return exitCodeFor(breaking, ctx.failOn);
  } finally {
    sides.dispose();
  }
}
