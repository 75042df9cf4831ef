import type { Finding } from './finding.js';

/**
 * Input that cannot be used: a contract that does not load, a bad config, a
 * bad argument. Carries findings with locations; only the CLI wrapper prints
 * them and turns them into exit code 2.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Located findings explaining the error (may be empty for argument errors). */
    readonly findings: Finding[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A contract that could not be loaded (unreadable, not YAML/JSON, unresolved refs, compile errors). */
export class ContractLoadError extends UsageError {}

/** An invalid `contractkit.yaml` or rule option. */
export class ConfigError extends UsageError {}
