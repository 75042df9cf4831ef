/**
 * The configuration types of the CLI: those of `contracts/config/types.ts`
 * with `target` narrowed to the registered generator names (a new generator
 * adds its name to `GENERATOR_NAMES`, nothing here).
 */
import type * as Base from '../../contracts/config/types.js';
import type { GeneratorName } from '../../generators/core/registry.js';

export type { PresetName, RuleConfig } from '../../contracts/config/types.js';

/** One generation target of a contract. */
export type GenerateTarget = Base.GenerateTarget<GeneratorName>;

/** A configured contract: what to load and what to generate from it. */
export type ConfiguredContract = Base.ConfiguredContract<GeneratorName>;

/** Normalized configuration. Paths are absolute. */
export type Config = Base.Config<GeneratorName>;
