/**
 * Builds a minimal {@link OpenApiContract} from one self-contained YAML or JSON
 * file, for tests and benchmarks of the differ (which reads only `file` and
 * `document`). Real runs use the loader in contracts/openapi/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { OpenApiContract } from '../../../contracts/model/types.js';
import { MAX_ALIAS_COUNT } from '../../../contracts/source/yaml-limits.js';

/** Reads `file` and wraps its document as a contract (no bundling: internal `$ref`s only). */
export function openApiContractFromFile(file: string): OpenApiContract {
  const abs = resolve(file);
  const text = readFileSync(abs, 'utf8');
  const document = (abs.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: MAX_ALIAS_COUNT })) as Record<string, unknown>;
  return openApiContractFromDocument(document, abs);
}

/** Wraps an already parsed document as a contract. */
export function openApiContractFromDocument(document: Record<string, unknown>, file: string): OpenApiContract {
  const info = (document.info ?? {}) as Record<string, unknown>;
  return {
    name: file.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/, ''),
    kind: 'openapi',
    file,
    files: [file],
    specVersion: String(document.openapi ?? document.swagger ?? ''),
    title: String(info.title ?? ''),
    apiVersion: String(info.version ?? ''),
    servers: [],
    tags: [],
    schemas: [],
    securitySchemes: {},
    operations: [],
    unreadable: [],
    document,
  };
}
