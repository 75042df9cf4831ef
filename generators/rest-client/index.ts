/**
 * The `rest-client` generator: a typed TypeScript client per OpenAPI 3.x
 * contract, on the resilient `@contractkit/runtime/http` runtime.
 * Output: `types.ts` (schemas), `client.ts` (operations and the factory), `index.ts`;
 * with the `js+dts` target each as `.js` + `.d.ts`.
 */
import { unusableForRestClient } from './unusable.js';
import { UsageError } from '../../contracts/errors.js';
import type { OpenApiContract } from '../../contracts/model/types.js';
import { generateEachOpenApi } from '../core/each-openapi.js';
import { createNameScope } from '../core/names.js';
import { defineGenerator, type GeneratedFile } from '../core/registry.js';
import { createTsFile } from '../core/ts-file.js';
import { emitClient } from './emit-client.js';
import { DEFAULT_OPTIONS, parseRestClientOptions, REST_CLIENT_OPTIONS_SCHEMA, type RestClientOptions } from './options.js';
import { toJsAndDeclarations } from './js-dts.js';
import { createComponentTypes } from '../core/schema-ts/declare-components.js';

// Locals of generated functions and globals generated code uses: top-level names must not shadow them.
const RESERVED_LOCALS = ['client', 'args', 'options', 'result', 'next', 'Blob', 'Record', 'Omit', 'Array', 'Promise', 'AsyncGenerator', 'Uint8Array', 'ArrayBuffer', 'Object'];

/** Generates the client files of one OpenAPI contract. Swagger 2.0 is refused with a UsageError. */
export function generateRestClient(contract: OpenApiContract, options: RestClientOptions = DEFAULT_OPTIONS): GeneratedFile[] {
  if (!/^3\./.test(contract.specVersion)) {
    throw new UsageError(
      `Cannot generate a REST client from contract "${contract.name}" (${contract.file}): it is ${/^2/.test(contract.specVersion) ? 'Swagger' : 'OpenAPI'} ${contract.specVersion}, and the rest-client generator reads OpenAPI 3.0 and 3.1. ` +
        'Convert it to OpenAPI 3 first (for example with the swagger2openapi tool); lint and breaking checks still work on it. Nothing was written.',
    );
  }
  const unusable = unusableForRestClient(contract);
  if (unusable.length > 0) throw new UsageError(`rest-client: ${contract.name} cannot be generated from as it stands; nothing was written.`, unusable);
  // one scope for every exported name (types and values share it, so `export *` never collides)
  // with `dateType: 'Date'` a schema named `Date` must not shadow the global type
  const scope = createNameScope(options.dateType === 'Date' ? [...RESERVED_LOCALS, 'Date'] : RESERVED_LOCALS);
  const schemas = createComponentTypes(contract, scope, scope, options);
  const types = createTsFile('types.ts');
  const declarations = schemas.declarations();
  types.print(declarations || 'export {};\n');
  const emitted = emitClient(contract, schemas, scope, options);
  const index = createTsFile('index.ts');
  index.print(`export * from './types.js';\nexport * from './client.js';\n`);
  const files = [types.toGeneratedFile(), ...emitted, index.toGeneratedFile()];
  return options.target === 'js+dts' ? toJsAndDeclarations(files) : files;
}

/** The registered generator: one client per OpenAPI contract of the model, under `<out>/` (or `<out>/<contract>/` when there are several). */
export const restClientGenerator = defineGenerator({
  name: 'rest-client',
  optionsSchema: REST_CLIENT_OPTIONS_SCHEMA,
  async generate(model, ctx) {
    const options = parseRestClientOptions(ctx.options);
    return generateEachOpenApi(model, 'rest-client', 'client', unusableForRestClient, (c) => generateRestClient(c, options));
  },
});
