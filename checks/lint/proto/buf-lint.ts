/**
 * buf's own lint rules, run through `buf lint --error-format json` and
 * reported under buf's rule ids (`FIELD_LOWER_SNAKE_CASE`, …), so a module's
 * `buf.yaml` lint settings (`use`, `except`, `ignore`, `ignore_only`,
 * comment ignores) carry over unchanged.
 */
import type { Finding } from '../../../contracts/finding.js';
import type { ProtoContract } from '../../../contracts/model/types.js';
import { runBuf } from '../../../contracts/proto/buf.js';
import { BUF_EXIT_ANNOTATIONS, bufFailureFinding, bufIssueToFinding, bufIssuesOf, bufScopeOf } from './buf-findings.js';

/** The lint category buf applies to a plain directory of `.proto` files (buf's own default). */
export const DEFAULT_BUF_LINT_CATEGORY = 'STANDARD';

/**
 * The configuration given to buf for a directory without `buf.yaml`: buf's
 * default, spelled out so a `buf.yaml` further up the tree (a controlling
 * workspace) cannot change what runs. Without a buf.yaml buf does not honour
 * `// buf:lint:ignore` comments (checked with buf 1.75), while a v2 config
 * that says nothing does, so the default says so.
 */
export const DEFAULT_BUF_LINT_CONFIG = JSON.stringify({ version: 'v2', lint: { use: [DEFAULT_BUF_LINT_CATEGORY], disallow_comment_ignores: true } });

/** Options of {@link runBufLint}. */
export interface BufLintOptions {
  /** Kill buf after this many milliseconds (default: runBuf's). */
  timeoutMs?: number;
}

/**
 * Runs `buf lint` on the contract's module (restricted with `--path` for a
 * single `.proto` file or a directory inside a module) and returns one
 * finding per violation, severity error, at the file, line and column buf gives.
 * A failed buf run is one `load/buf-failed` finding; it never throws.
 */
export async function runBufLint(contract: ProtoContract, options: BufLintOptions = {}): Promise<Finding[]> {
  const scope = bufScopeOf(contract);
  const args = ['lint', '.', '--error-format', 'json', ...scope.pathArgs];
  if (!contract.bufModule) args.push('--config', DEFAULT_BUF_LINT_CONFIG);
  const run = await runBuf(args, { cwd: scope.cwd, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  const { issues, other } = bufIssuesOf(run);
  if (run.exitCode === 0) return [];
  if (run.exitCode !== BUF_EXIT_ANNOTATIONS || issues.length === 0) return [bufFailureFinding(contract, run, other)];
  return issues.map((issue) => bufIssueToFinding(contract, issue, hintFor(issue.type)));
}

/** A short hint per violation: where to read about the rule and how to silence it on purpose. */
function hintFor(ruleId: string): string {
  return (
    `See https://buf.build/docs/lint/rules/#${ruleId.toLowerCase()} ; to accept it, add ${ruleId} to \`lint.except\` ` +
    'or `lint.ignore_only` in buf.yaml, or a `// buf:lint:ignore ' + ruleId + '` comment above the element.'
  );
}
