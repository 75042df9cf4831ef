/**
 * The generators contractkit knows, by target name. Each generator is a plugin
 * over the ContractModel (`defineGenerator`); targets without an
 * implementation yet are listed so the CLI can say so clearly.
 */
import type { ContractKind } from '../../contracts/finding.js';
import type { LoadOptions } from '../../contracts/load/types.js';
import type { ContractModel } from '../../contracts/model/types.js';

/** Target names, as used in `contractkit generate <target>` and the config's `generate:` lists. */
export const GENERATOR_NAMES = ['rest-client', 'grpc', 'events', 'saga'] as const;
export type GeneratorName = (typeof GENERATOR_NAMES)[number];

/** The kind of contract each target generates from: the CLI refuses any other before loading it. */
export const TARGET_INPUT: Readonly<Record<GeneratorName, Exclude<ContractKind, 'config'>>> = {
  'rest-client': 'openapi',
  grpc: 'proto',
  events: 'asyncapi',
  saga: 'saga',
};

/** One file a generator produces, relative to the output directory. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** What a generator gets besides the model. */
export interface GeneratorContext {
  /** Absolute output directory. */
  out: string;
  options: Record<string, unknown>;
  /** Reports a phase of a long generation (`messages`, `services`); the CLI shows it on stderr when the run is slow. */
  progress?: (phase: string) => void;
  /**
   * How the caller loaded the contracts (working directory, the root `$ref`s
   * may not leave, remote refs), for a generator that loads more of them (the
   * saga generator loads the contracts its steps call) to load them alike.
   */
  load?: LoadOptions;
}

/** A generator plugin. */
export interface Generator {
  name: GeneratorName;
  generate(model: ContractModel, ctx: GeneratorContext): Promise<GeneratedFile[]>;
}

const registry = new Map<GeneratorName, Generator>();

/** Defines and registers a generator. */
export function defineGenerator(generator: Generator): Generator {
  registry.set(generator.name, generator);
  return generator;
}

/** The generator for a target, or undefined when this version has none. */
export function findGenerator(name: string): Generator | undefined {
  return registry.get(name as GeneratorName);
}
