/**
 * The generators' public entry: the registry (each generator module loaded
 * only when a run uses it) and the runner the CLI calls. A new generator adds
 * its module to the registry's list (generators/core/registry.ts).
 */
export {
  createGeneratorContext,
  findGenerator,
  GENERATOR_NAMES,
  loadGenerator,
  runGenerator,
  type GeneratedFile,
  type Generator,
  type GeneratorContext,
  type GeneratorDefinition,
  type GeneratorName,
  type TargetOutput,
} from './core/registry.js';
export { GeneratorOptionsError, validateGeneratorOptions } from './core/options-schema.js';
