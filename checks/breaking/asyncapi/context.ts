/**
 * What the AsyncAPI differ's parts share: both contracts, the level, the
 * findings, and how to report one at an element's location.
 */
import { dirname, join, relative } from 'node:path';
import type { Finding, Severity } from '../../../contracts/finding.js';
import { atOrAbove } from '../../../contracts/finding.js';
import type { AsyncApiContract, EventMessage, SourceRef } from '../../../contracts/model/types.js';
import { ASYNCAPI_OWN_RULES, type AsyncApiBreakingId, type AsyncApiOwnId } from './catalogue.js';
import { survivingPointer } from '../../../contracts/source/positions.js';

/** Options of {@link diffAsyncApi}. */
export interface DiffAsyncApiOptions {
  /** Compatibility mode for every message (config `breaking.compatibility`); default: by direction. */
  compatibility?: string;
  /** Lowest severity reported (default `warning`). */
  level?: Severity;
  /** Drops accepted findings before the versioning rule counts breaking changes (see `BreakingOptions.suppress`). */
  suppress?: (findings: Finding[]) => Finding[];
}

/** A message whose schemas changed incompatibly: the versioning rule decides once suppressions are known. */
export interface BrokenMessage {
  message: EventMessage;
  /** The incompatibility findings reported for it. */
  findings: Finding[];
}

/** The shared state of one comparison. */
export interface AsyncDiffContext {
  prev: AsyncApiContract;
  curr: AsyncApiContract;
  level: Severity;
  compatibility?: string;
  findings: Finding[];
  /** Messages that changed incompatibly, for the versioning rule. */
  broken: BrokenMessage[];
}

/** Creates the context. */
export function createAsyncDiffContext(prev: AsyncApiContract, curr: AsyncApiContract, options: DiffAsyncApiOptions): AsyncDiffContext {
  return { prev, curr, level: options.level ?? 'warning', compatibility: options.compatibility, findings: [], broken: [] };
}

/** Reports under an own rule id at `at` (plus `sub`, a pointer suffix), at the rule's default severity. */
export function report(ctx: AsyncDiffContext, id: AsyncApiOwnId, message: string, at: SourceRef, hint?: string, sub = ''): Finding | undefined {
  // typed ids make this a compile-time check; a cast id outside the catalogue is a bug, never a guessed severity
  const rule = (ASYNCAPI_OWN_RULES as Record<string, { severity: Severity } | undefined>)[id];
  if (!rule) throw new Error(`internal error: breaking id \`${id}\` is not in the AsyncAPI breaking catalogue (checks/breaking/asyncapi/catalogue.ts).`);
  const severity = rule.severity;
  return reportAs(ctx, id, severity, message, at, hint, sub);
}

/** Reports with an explicit severity (schema differences: error or info by mode). */
export function reportAs(ctx: AsyncDiffContext, id: AsyncApiBreakingId, severity: Severity, message: string, at: SourceRef, hint?: string, sub = ''): Finding | undefined {
  if (!atOrAbove(severity, ctx.level)) return undefined;
  const where = at.pointer !== undefined ? { pointer: at.pointer + sub } : { line: at.line ?? 1, column: at.column ?? 1 };
  const finding: Finding = {
    ruleId: id,
    severity,
    kind: 'asyncapi',
    file: at.file,
    ...where,
    message,
    hint: hint ?? defaultHint(severity),
  };
  ctx.findings.push(finding);
  return finding;
}

/**
 * Reports something removed where the user can act: the nearest element that
 * still exists in the current version of the file it was written in (the
 * entry document when that file is gone), keeping where it was as `previous`.
 */
export function reportRemoved(ctx: AsyncDiffContext, id: AsyncApiOwnId, message: string, was: SourceRef, hint?: string): Finding | undefined {
  const finding = report(ctx, id, message, { file: currentFileOf(ctx, was.file), pointer: was.pointer ?? '' }, hint);
  if (finding) keepReachable(finding, was);
  return finding;
}

/**
 * When `finding` points at something the current file no longer has (a
 * removed property), moves it to the nearest element that still exists and
 * records `was` (plus `sub`) as its previous location.
 */
export function keepReachable(finding: Finding, was: SourceRef, sub = ''): void {
  if (finding.pointer === undefined) return;
  const surviving = survivingPointer(finding.file, finding.pointer);
  if (surviving === finding.pointer) return;
  finding.pointer = surviving;
  finding.onKey = true;
  finding.previous = was.pointer !== undefined ? { file: was.file, pointer: was.pointer + sub } : { file: was.file, line: was.line ?? 1, column: was.column ?? 1 };
}

/** The current version of a file of the previous contract: the same path relative to the entry document, if the contract still reads it. */
function currentFileOf(ctx: AsyncDiffContext, previousFile: string): string {
  if (previousFile === ctx.prev.file) return ctx.curr.file;
  const candidate = join(dirname(ctx.curr.file), relative(dirname(ctx.prev.file), previousFile));
  return ctx.curr.files.includes(candidate) ? candidate : ctx.curr.file;
}

function defaultHint(severity: Severity): string {
  if (severity === 'error') return 'Consumers or producers built on the previous contract break: revert the change, or publish it as a new version beside the old one.';
  if (severity === 'warning') return 'Code generated from the contract changes: check who depends on it before releasing.';
  return 'Not breaking; listed for the changelog.';
}
