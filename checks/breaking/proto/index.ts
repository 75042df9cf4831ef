/**
 * The proto breaking-change engine: `buf breaking` of the current tree
 * against the previous contract's image, under buf's rule ids, plus
 * contractkit's package-versioning rule.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../../../contracts/finding.js';
import type { ProtoContract } from '../../../contracts/model/types.js';
import { ConfigError } from '../../../contracts/errors.js';
import { runBuf } from '../../../contracts/proto/buf.js';
import { BUF_EXIT_ANNOTATIONS, bufFailureFinding, bufIssueToFinding, bufIssuesOf, bufScopeOf } from '../../lint/proto/buf-findings.js';
import { breakingConfigData, isProtoBreakingCategory, PROTO_BREAKING_CATEGORIES, type ProtoBreakingCategory } from './category-config.js';
import { checkPackageVersions, imageFilesOf } from './package-version.js';
import { previousLocationOf } from './previous-location.js';

export { PROTO_BREAKING_CATEGORIES, type ProtoBreakingCategory } from './category-config.js';
export { PROTO_NEEDS_NEW_PACKAGE_VERSION_ID, protoBreakingRules } from './catalogue.js';

/** Options of {@link diffProto}. */
export interface DiffProtoOptions {
  /**
   * buf breaking category. Unset: the module's own `buf.yaml` breaking
   * settings, which default to `FILE` (the strictest) when it has none.
   */
  category?: ProtoBreakingCategory;
  /** Drops accepted findings before the package-versioning rule counts breaking changes (see `BreakingOptions.suppress`). */
  suppress?: (findings: Finding[]) => Finding[];
}

/**
 * Compares `current` with `previous`: writes `previous.image` to a temporary
 * file and runs `buf breaking <current root> --against <image> --error-format json`
 * (imports excluded, restricted with `--path` as the loader was). Each buf
 * violation is an error under buf's id at the file, line and column in the
 * current tree (deletions are reported at the enclosing element, a deleted
 * file at its former path); then one `proto-breaking-needs-new-package-version`
 * error per stable versioned package that broke without a new version.
 * Throws {@link ConfigError} for an unknown category; a failed buf run is a
 * `load/buf-failed` finding, never "no breaking changes".
 */
export async function diffProto(previous: ProtoContract, current: ProtoContract, options: DiffProtoOptions = {}): Promise<Finding[]> {
  const { category } = options;
  if (category !== undefined && !isProtoBreakingCategory(category)) {
    throw new ConfigError(`Unknown proto breaking category \`${String(category)}\`; use one of ${PROTO_BREAKING_CATEGORIES.join(', ')}.`);
  }
  const scope = bufScopeOf(current);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'contractkit-breaking-'));
  try {
    const against = path.join(dir, 'previous.binpb');
    await writeFile(against, previous.image);
    const args = ['breaking', '.', '--against', against, '--error-format', 'json', '--exclude-imports', ...scope.pathArgs];
    const config = category ? breakingConfigData(scope.cwd, category) : undefined;
    if (config) args.push('--config', config);
    const run = await runBuf(args, { cwd: scope.cwd });
    const { issues, other } = bufIssuesOf(run);
    if (run.exitCode === 0) return [];
    if (run.exitCode !== BUF_EXIT_ANNOTATIONS || issues.length === 0) return [bufFailureFinding(current, run, other)];
    const suppress = options.suppress ?? ((fs: Finding[]) => fs);
    const findings = suppress(
      issues.map((issue) => {
        const f = bufIssueToFinding(current, issue, hintFor(issue.type));
        const placed = issue.path ? f : placeDeletedFile(previous, current, f);
        const was = previousLocationOf(previous, issue.path, issue.message);
        return was ? { ...placed, previous: was } : placed;
      }),
    );
    // the versioning rule counts only the breaking changes nobody accepted
    return [...findings, ...suppress(checkPackageVersions(previous, current, findings))];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * buf gives no path for a deleted file: report it where the user can act, at
 * the `package` statement of a current file of the same package (else the
 * module's `buf.yaml`, else the former path); `previous` keeps the old file.
 */
function placeDeletedFile(previous: ProtoContract, current: ProtoContract, f: Finding): Finding {
  const name = /file "([^"]+)"/.exec(f.message)?.[1];
  if (!name) return f;
  const pkg = imageFilesOf(previous).packageOf.get(name);
  const curr = imageFilesOf(current);
  const sibling = [...curr.packageOf].filter(([, p]) => p === pkg).map(([n]) => n).sort()[0];
  if (pkg !== undefined && sibling !== undefined) {
    const index = current.protoFiles.indexOf(sibling);
    const at = curr.packageLine.get(sibling) ?? { line: 1, column: 1 };
    return { ...f, file: index >= 0 ? current.files[index]! : path.join(current.root, sibling), line: at.line, column: at.column, endLine: at.line, endColumn: at.column };
  }
  const bufYaml = path.join(current.root, 'buf.yaml');
  return { ...f, file: existsSync(bufYaml) ? bufYaml : path.join(current.root, name), line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** How to resolve a buf breaking violation, by the kind of change its id names. */
function hintFor(ruleId: string): string {
  const newVersion = 'or, if the change is intended, make it in a new package version (`.v2`) and keep the old one until clients have moved.';
  if (ruleId.startsWith('FILE_NO_DELETE') || ruleId.startsWith('PACKAGE_NO_DELETE')) return `Restore the file, ${newVersion}`;
  if (ruleId.startsWith('FIELD_NO_DELETE') || ruleId.startsWith('ENUM_VALUE_NO_DELETE')) {
    return `Keep it and mark it \`[deprecated = true]\`; if it must go, add its number and name to \`reserved\` so they are never reused, ${newVersion}`;
  }
  if (ruleId.includes('_NO_DELETE')) return `Keep it and mark it deprecated (\`option deprecated = true;\`) until no client calls it, ${newVersion}`;
  if (ruleId.includes('_SAME_')) return `Revert the change; add a new element (with a new field number) beside the old one and deprecate the old, ${newVersion}`;
  return `Revert the change, ${newVersion}`;
}
