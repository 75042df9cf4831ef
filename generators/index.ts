/**
 * The generators, each loaded only when a run uses it: a grpc run does not
 * pay for ts-morph (saga), ajv (events) or the REST client's templates
 * (importing every generator took about 0.7 s of a run). Each module
 * registers itself with the registry (`defineGenerator`); a new generator
 * adds its import here.
 */
import { findGenerator, GENERATOR_NAMES, type Generator, type GeneratorName } from './core/registry.js';

export { findGenerator, GENERATOR_NAMES };

const MODULES: Record<GeneratorName, () => Promise<unknown>> = {
  'rest-client': () => import('./rest-client/index.js'),
  grpc: () => import('./grpc/index.js'),
  events: () => import('./events/index.js'),
  saga: () => import('./saga/index.js'),
};

/** The generator of `name`, its module loaded on first use; undefined when this version has none. */
export async function loadGenerator(name: string): Promise<Generator | undefined> {
  const load = MODULES[name as GeneratorName];
  if (!load) return undefined;
  await load();
  return findGenerator(name);
}
