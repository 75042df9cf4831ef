/**
 * Shared plumbing for running `buf lint` and `buf breaking` on a loaded
 * {@link ProtoContract}: where to run buf, which `--path` to pass, and how
 * buf's JSON annotations become {@link Finding}s.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../contracts/finding.js';
import type { ProtoContract } from '../../../contracts/model/types.js';
import { parseBufJsonLines, type BufIssue, type BufRunResult } from '../../../contracts/proto/buf.js';
import { BUF_FAILED_RULE, PROTO_COMPILE_RULE, toBufPath } from '../../../contracts/proto/load.js';

/** buf's exit code when it printed file annotations (lint or breaking violations). */
export const BUF_EXIT_ANNOTATIONS = 100;

/** Where buf runs for a contract and the arguments that restrict it to the contract's files. */
export interface BufScope {
  /** Directory buf runs in (the module, workspace or plain directory the loader built). */
  cwd: string;
  /** `--path <rel>` when the contract is a single `.proto` file or a directory inside a module. */
  pathArgs: string[];
}

/**
 * The scope of `contract`: buf runs in `contract.root`, restricted with
 * `--path` to the contract's targets (a single `.proto` file, a directory
 * inside a module, the folders of a discovered directory's loose files), the
 * same way the loader built it (see contracts/proto/module-root.ts).
 */
export function bufScopeOf(contract: ProtoContract): BufScope {
  const root = path.resolve(contract.root);
  return { cwd: root, pathArgs: contract.targets.flatMap((t) => ['--path', toBufPath(root, t)]) };
}

/** The annotations of a buf run. buf prints check violations on stdout; stderr is read too for older versions. */
export function bufIssuesOf(run: BufRunResult): { issues: BufIssue[]; other: string[] } {
  const out = parseBufJsonLines(Buffer.from(run.stdout).toString('utf8'));
  const err = parseBufJsonLines(run.stderr);
  return { issues: [...out.issues, ...err.issues], other: [...out.other, ...err.other] };
}

/**
 * The absolute path of a file buf named: relative to buf's working directory,
 * or, when that does not exist (buf picked another root), the contract file
 * with that module-relative name.
 */
export function absoluteBufPath(contract: ProtoContract, bufPath: string): string {
  if (path.isAbsolute(bufPath)) return bufPath;
  const direct = path.resolve(contract.root, bufPath);
  if (existsSync(direct)) return direct;
  const suffix = path.sep + bufPath.split('/').join(path.sep);
  return contract.files.find((f) => f.endsWith(suffix)) ?? direct;
}

/**
 * One buf annotation as a finding under buf's own rule id (`type`), severity
 * error: buf rules have no severities, a configured rule is a failing rule.
 * Compile errors (`COMPILE`) keep the loader's id.
 */
export function bufIssueToFinding(contract: ProtoContract, issue: BufIssue, hint?: string): Finding {
  const compile = issue.type === 'COMPILE' || issue.type === '';
  const finding: Finding = {
    ruleId: compile ? PROTO_COMPILE_RULE : issue.type,
    severity: 'error',
    message: issue.message,
    kind: 'proto',
    file: issue.path ? absoluteBufPath(contract, issue.path) : contract.root,
  };
  if (issue.startLine) {
    finding.line = issue.startLine;
    finding.column = issue.startColumn || 1;
    if (issue.endLine) {
      finding.endLine = issue.endLine;
      finding.endColumn = issue.endColumn || 1;
    }
  }
  const why = compile ? 'Fix the .proto source so it compiles; `buf build` in the module root shows the same error.' : hint;
  if (why) finding.hint = why;
  return finding;
}

/** A finding for a buf run that failed without annotations (missing binary, bad buf.yaml, timeout). */
export function bufFailureFinding(contract: ProtoContract, run: BufRunResult, other: readonly string[]): Finding {
  const why = run.error?.message ?? (other.join('\n') || `exit code ${run.exitCode}`);
  return {
    ruleId: BUF_FAILED_RULE,
    severity: 'error',
    message: `\`${run.commandLine}\` failed in ${contract.root}: ${why}`,
    kind: 'proto',
    file: contract.bufModule && existsSync(path.join(contract.root, 'buf.yaml')) ? path.join(contract.root, 'buf.yaml') : contract.root,
    line: 1,
    column: 1,
    hint: run.error
      ? 'Install dependencies with `npm install` so @bufbuild/buf provides the buf binary (or set CONTRACTKIT_BUF to a buf executable).'
      : 'Fix what buf reports (usually buf.yaml), then run the same buf command in that directory to check.',
  };
}
