/**
 * The validated, normalized configuration (`contractkit.yaml`), as every
 * layer reads it. The types live here, below `checks/` and `cli/`, so lint
 * settings read the config without importing the CLI; `cli/config/` loads and
 * validates the file and narrows `target` to the registered generator names.
 */
import type { Severity } from '../finding.js';
import type { ContractSpec } from '../load/types.js';

/** Rule presets, from the smallest to the strictest. */
export type PresetName = 'minimal' | 'recommended' | 'strict';

/** One generation target of a contract. */
export interface GenerateTarget<Target extends string = string> {
  target: Target;
  /** Absolute output directory. */
  out: string;
  options: Record<string, unknown>;
}

/** A configured contract: what to load and what to generate from it. */
export interface ConfiguredContract<Target extends string = string> extends ContractSpec {
  generate: GenerateTarget<Target>[];
  breaking: { compatibility?: string; protoCategory?: string };
}

/** Severity or options of one rule as the user wrote them. */
export interface RuleConfig {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

/** Normalized configuration. Paths are absolute. */
export interface Config<Target extends string = string> {
  /** Absolute path of the config file, or undefined when running without one. */
  file?: string;
  /** Directory paths in the config are relative to (the config's directory, or cwd). */
  dir: string;
  contracts: ConfiguredContract<Target>[];
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
