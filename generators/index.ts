/**
 * Loads every generator so it registers itself with the registry
 * (`defineGenerator`). A new generator adds its import here.
 */
export { findGenerator, GENERATOR_NAMES } from './core/registry.js';
import './events/index.js';
import './grpc/index.js';
import './rest-client/index.js';
import './saga/index.js';
