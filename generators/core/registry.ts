/**
 * The generators contractkit knows, by target name, and the contract every
 * one of them is written to: `defineGenerator({ name, optionsSchema,
 * generate(model, ctx) })`. A generator is a pure function of the model and
 * its context; what it needs from outside (other targets' outputs, files the
 * user already has, another generator's output, a way to tell the user
 * something) comes through `ctx`, never from `cli/`, `checks/`, the config
 * file or `process.cwd()`.
 *
 * Generator modules load on first use (`loadGenerator`): a grpc run does not
 * pay for ts-morph (saga), ajv (events) or the REST client's templates.
 */
import { readFileSync, existsSync } from 'node:fs';
import type { ContractKind } from '../../contracts/finding.js';
import type { Contract, ContractModel } from '../../contracts/model/types.js';
import { confinedPath } from './writer.js';
import type { OptionsSchema } from './options-schema.js';

export type { OptionsSchema } from './options-schema.js';

/** Target names, as used in `contractkit generate <target>` and the config's `generate:` lists. */
export const GENERATOR_NAMES = ['rest-client', 'grpc', 'events', 'saga', 'rest-server', 'graphql-resolvers'] as const;
export type GeneratorName = (typeof GENERATOR_NAMES)[number];

/** The kind of contract each target generates from: the CLI refuses any other before loading it. */
export const TARGET_INPUT: Readonly<Record<GeneratorName, Exclude<ContractKind, 'config'>>> = {
  'rest-client': 'openapi',
  grpc: 'proto',
  events: 'asyncapi',
  saga: 'saga',
  'rest-server': 'openapi',
  'graphql-resolvers': 'graphql',
};

// a new generator adds its module here (and its name above)
const MODULES: Record<GeneratorName, () => Promise<unknown>> = {
  'rest-client': () => import('../rest-client/index.js'),
  grpc: () => import('../grpc/index.js'),
  events: () => import('../events/index.js'),
  saga: () => import('../saga/index.js'),
  'rest-server': () => import('../rest-server/index.js'),
  'graphql-resolvers': () => import('../graphql-resolvers/index.js'),
};

/** One file a generator produces, relative to the output directory. */
export interface GeneratedFile {
  path: string;
  content: string;
  /**
   * Created by the generator, then the user's (a saga's steps file, the events
   * upcasters): left out of the target's manifest, so it is never deleted as an orphan.
   */
  userOwned?: boolean;
}

/** Another configured target's output, found by what it generates (as hey-api plugins find each other), not by a path convention. */
export interface TargetOutput {
  target: GeneratorName;
  /** Absolute output directory. */
  out: string;
  /** The contract it generates from, as configured (`path`: the entry file or the proto root). */
  contract: { name: string; kind: Contract['kind']; path: string };
}

/** What a generator gets besides the model. */
export interface GeneratorContext {
  /** Absolute output directory. */
  out: string;
  /** The target's options, already validated against the generator's `optionsSchema`. */
  options: Record<string, unknown>;
  /** The project's configured targets (empty when no config lists the contract being generated). */
  outputs: readonly TargetOutput[];
  /** Runs another generator (through the registry) on `contracts`, into `out` (absolute; default this target's `out`). */
  generate(target: GeneratorName, contracts: Contract[], sub?: { out?: string; options?: Record<string, unknown> }): Promise<GeneratedFile[]>;
  /** The current content of `path` (relative to `out`), for merging into a user-edited file; undefined when there is none. */
  readExisting(path: string): string | undefined;
  /** Tells the user something (a new stub, a removed step); the CLI prints it on stderr. */
  note(text: string): void;
  /** Reports a phase of a long generation (`messages`, `services`); the CLI shows it on stderr when the run is slow. */
  progress(phase: string): void;
}

/** What a caller gives to run a generator: the output directory, the rest defaulted. */
export type GeneratorContextInput = Pick<GeneratorContext, 'out'> & Partial<Omit<GeneratorContext, 'out'>>;

/** What a generator module defines. */
export interface GeneratorDefinition {
  name: GeneratorName;
  /** JSON Schema of the target's `options:` (validated with ajv before the generator runs; a bad option is reported at its config line). */
  optionsSchema: OptionsSchema;
  generate(model: ContractModel, ctx: GeneratorContext): Promise<GeneratedFile[]>;
}

/** A registered generator: its definition, callable with a partial context (tests and embedding callers). */
export interface Generator {
  name: GeneratorName;
  optionsSchema: OptionsSchema;
  generate(model: ContractModel, ctx: GeneratorContextInput): Promise<GeneratedFile[]>;
}

const registry = new Map<GeneratorName, Generator>();

/** Defines and registers a generator. */
export function defineGenerator(definition: GeneratorDefinition): Generator {
  const generator: Generator = {
    name: definition.name,
    optionsSchema: definition.optionsSchema,
    generate: (model, ctx) => definition.generate(model, createGeneratorContext(definition.name, ctx)),
  };
  registry.set(definition.name, generator);
  return generator;
}

/** The generator for a target if its module is loaded, or undefined. */
export function findGenerator(name: string): Generator | undefined {
  return registry.get(name as GeneratorName);
}

/** The generator of `name`, its module loaded on first use; undefined when this version has none. */
export async function loadGenerator(name: string): Promise<Generator | undefined> {
  const load = MODULES[name as GeneratorName];
  if (!load) return undefined;
  await load();
  return findGenerator(name);
}

/** The full context of a run of `name`: what the caller gave, the rest defaulted. */
export function createGeneratorContext(name: GeneratorName, input: GeneratorContextInput): GeneratorContext {
  const ctx: GeneratorContext = {
    out: input.out,
    options: input.options ?? {},
    outputs: input.outputs ?? [],
    note: input.note ?? ((text) => process.stderr.write(`${name}: ${text}\n`)),
    progress: input.progress ?? (() => undefined),
    readExisting:
      input.readExisting ??
      ((path) => {
        const abs = confinedPath(input.out, path);
        return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
      }),
    generate:
      input.generate ??
      ((target, contracts, sub = {}) =>
        runGenerator(target, { contracts }, { out: sub.out ?? ctx.out, options: sub.options ?? {}, outputs: ctx.outputs, note: ctx.note, progress: ctx.progress })),
  };
  return ctx;
}

/**
 * Runs the generator of `target` on `model`: loads it, validates the options
 * against its `optionsSchema` (@throws GeneratorOptionsError) and generates.
 */
export async function runGenerator(target: GeneratorName, model: ContractModel, input: GeneratorContextInput): Promise<GeneratedFile[]> {
  const generator = await loadGenerator(target);
  if (!generator) throw new Error(`The ${target} generator is not registered.`);
  // ajv is imported only when a generator runs: every command imports this registry (the target names)
  const { validateGeneratorOptions } = await import('./options-schema.js');
  validateGeneratorOptions(target, generator.optionsSchema, input.options ?? {});
  return generator.generate(model, input);
}
