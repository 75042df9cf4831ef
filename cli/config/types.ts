/**
 * The validated, normalized configuration (`contractkit.yaml`).
 */
import type { Severity } from '../../contracts/finding.js';
import type { PresetName } from '../../checks/lint/rule.js';
import type { ContractSpec } from '../../contracts/load/types.js';

/** One generation target of a contract. */
export interface GenerateTarget {
  target: 'rest-client' | 'grpc' | 'events' | 'saga' | 'graphql-resolvers';
  /** Absolute output directory. */
  out: string;
  options: Record<string, unknown>;
}

/** A configured contract: what to load and what to generate from it. */
export interface ConfiguredContract extends ContractSpec {
  generate: GenerateTarget[];
  breaking: { compatibility?: string; protoCategory?: string };
}

/** Severity or options of one rule as the user wrote them. */
export interface RuleConfig {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

/** Normalized configuration. Paths are absolute. */
export interface Config {
  /** Absolute path of the config file, or undefined when running without one. */
  file?: string;
  /** Directory paths in the config are relative to (the config's directory, or cwd). */
  dir: string;
  contracts: ConfiguredContract[];
  lint: {
    preset: PresetName;
    rules: Record<string, RuleConfig>;
    overrides: { files: string[]; rules: Record<string, RuleConfig> }[];
    ignoreFile?: string;
    baseline?: string;
    eventEnvelope: 'payload' | 'headers';
  };
  breaking: {
    against?: string;
    level?: Severity;
    ignoreFile?: string;
    minSunsetDays?: number;
    compatibility?: string;
    protoCategory?: string;
  };
  allowRemoteRefs: boolean;
}
