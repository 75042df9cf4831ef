/**
 * The report formats, by name. The CLI's `--format` takes one of
 * {@link REPORT_FORMATS}; `stylish` is the default.
 */
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { stylishReporter } from './stylish.js';
import type { Reporter } from './types.js';
import { UsageError } from '../../contracts/errors.js';

export type { Reporter, ReportContext, RuleDocs } from './types.js';
export { resolvePositions } from './resolve.js';

/** Every report format, in the order `--help` lists them. */
export const REPORT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;

/** A report format's name. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format used when none is asked for. */
export const DEFAULT_REPORT_FORMAT: ReportFormat = 'stylish';

const REPORTERS: Record<ReportFormat, Reporter> = {
  stylish: stylishReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  github: githubReporter,
  markdown: markdownReporter,
};

/** True when `name` is one of {@link REPORT_FORMATS}. */
export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}

/** The reporter for `name`; an unknown name is a {@link UsageError} (exit code 2). */
export function getReporter(name: string): Reporter {
  if (!isReportFormat(name)) {
    throw new UsageError(`Unknown report format "${name}"; expected one of ${REPORT_FORMATS.join(', ')}.`);
  }
  return REPORTERS[name];
}
