/**
 * The `rest-server` generator: the provider side of an OpenAPI 3.x contract
 * on `@contractkit/runtime/http-server`. Output: `types.ts` (schemas, the
 * one schema printer), `server.ts` (typed handlers and results, the route
 * table, the factory), the ajv standalone validators (`request-`, `params-`
 * and `response-validators.ts`) and `index.ts`.
 */
import { UsageError } from '../../contracts/errors.js';
import type { OpenApiContract } from '../../contracts/model/types.js';
import { generateEachOpenApi } from '../core/each-openapi.js';
import { createNameScope } from '../core/names.js';
import { defineGenerator, type GeneratedFile } from '../core/registry.js';
import { createComponentTypes } from '../core/schema-ts/declare-components.js';
import { createTsFile } from '../core/ts-file.js';
import { unusableForRestClient } from '../rest-client/unusable.js';
import { emitServer } from './emit-server.js';
import { parseRestServerOptions, REST_SERVER_OPTIONS_SCHEMA, type RestServerGenOptions } from './options.js';
import { usedSchemes } from './security.js';
import { compileServerValidators } from './validators.js';

// globals and runtime names generated code uses: top-level names must not shadow them
const RESERVED = ['Record', 'Omit', 'Exclude', 'Promise', 'Uint8Array', 'Array', 'Object', 'undefined'];

/** Generates the server files of one OpenAPI contract. Swagger 2.0 and unusable documents are refused with a UsageError. */
export function generateRestServer(contract: OpenApiContract, options: RestServerGenOptions): GeneratedFile[] {
  if (!/^3\./.test(contract.specVersion)) {
    throw new UsageError(
      `Cannot generate a REST server from contract "${contract.name}" (${contract.file}): it is ${/^2/.test(contract.specVersion) ? 'Swagger' : 'OpenAPI'} ${contract.specVersion}, and the rest-server generator reads OpenAPI 3.0 and 3.1. ` +
        'Convert it to OpenAPI 3 first (for example with the swagger2openapi tool). Nothing was written.',
    );
  }
  const unusable = unusableForRestClient(contract).map((f) => ({ ...f, ruleId: 'rest-server/unusable' }));
  if (unusable.length > 0) throw new UsageError(`rest-server: ${contract.name} cannot be generated from as it stands; nothing was written.`, unusable);
  if (contract.operations.length === 0) {
    throw new UsageError(`rest-server: ${contract.name} has no operation: there is nothing to serve; nothing was written.`, [
      { ruleId: 'rest-server/unusable', severity: 'error', kind: 'openapi', file: contract.file, pointer: '/paths', message: 'The document has no operation: a server needs at least one.', hint: 'Add operations under `paths`.' },
    ]);
  }
  const schemes = usedSchemes(contract);
  const scope = createNameScope(RESERVED);
  const schemas = createComponentTypes(contract, scope, scope);
  const types = createTsFile('types.ts');
  types.print(schemas.declarations() || 'export {};\n');
  const { file: server, validators } = emitServer(contract, schemas, scope, schemes, options);
  const files: GeneratedFile[] = [types.toGeneratedFile(), server];
  for (const [kind, path] of [['request', 'request-validators.ts'], ['params', 'params-validators.ts'], ['response', 'response-validators.ts']] as const) {
    const content = compileServerValidators(contract, kind, path, validators[kind]);
    if (content !== undefined) files.push({ path, content });
  }
  const index = createTsFile('index.ts');
  index.print(`export * from './types.js';\nexport * from './server.js';\n`);
  files.push(index.toGeneratedFile());
  return files;
}

/** The registered generator: one server per OpenAPI contract of the model, under `<out>/` (or `<out>/<contract>/` when there are several). */
export const restServerGenerator = defineGenerator({
  name: 'rest-server',
  optionsSchema: REST_SERVER_OPTIONS_SCHEMA,
  async generate(model, ctx) {
    const options = parseRestServerOptions(ctx.options);
    return generateEachOpenApi(model, 'rest-server', 'server', unusableForRestClient, (c) => generateRestServer(c, options));
  },
});
