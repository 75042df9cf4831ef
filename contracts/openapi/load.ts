/**
 * The OpenAPI loader: reads, resolves and bundles an OpenAPI 3.x or Swagger
 * 2.0 contract with `@redocly/openapi-core` and normalizes it into the model.
 */
import type { ContractLoader } from '../load/types.js';
import type { OpenApiContract } from '../model/types.js';
import { bundleForModel } from './bundle.js';
import { loadFinding } from './findings.js';
import { normalizeOpenApi } from './normalize.js';
import { readOpenApiDocument, type OpenApiDocumentRead } from './read.js';

export { readOpenApiDocument, type OpenApiDocumentRead, type ReadOutcome } from './read.js';

// The Redocly document each contract was loaded from, so lint walks it without reading the files again.
const reads = new WeakMap<OpenApiContract, OpenApiDocumentRead>();

/** The Redocly document and resolver `contract` was loaded from (for Redocly's `lintDocument`). */
export function openApiReadOf(contract: OpenApiContract): OpenApiDocumentRead | undefined {
  return reads.get(contract);
}

/**
 * Loads one OpenAPI contract. Load problems (unreadable, invalid YAML/JSON,
 * wrong version, unresolved/remote/out-of-root refs) come back as `load/*`
 * error findings and no contract; it never throws for bad input.
 */
export const loadOpenApi: ContractLoader<OpenApiContract> = async (spec, options) => {
  const { read, findings } = await readOpenApiDocument(spec, options);
  if (!read) return { findings };
  try {
    const bundled = await bundleForModel(read);
    const contract = normalizeOpenApi(spec, read, bundled);
    reads.set(contract, read);
    return { contract, findings };
  } catch (error) {
    // Reading succeeded, so this is a shape the normalizer did not expect: report it, never crash the run.
    const message = error instanceof Error ? error.message : String(error);
    return {
      findings: [
        loadFinding('load/unreadable', read.file, `The OpenAPI document could not be normalized: ${message}.`, 'Run `contractkit lint` on the file to find structural errors, and report this as a contractkit bug if it is valid.', { line: 1, column: 1 }),
      ],
    };
  }
};
