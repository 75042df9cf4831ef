/**
 * Names and comments exactly as protoc-gen-es prints them. The service files
 * import the message types and service descriptors that protoc-gen-es
 * generated, so they must use its identifiers (`GetOrderRequest`,
 * `GetOrderRequestSchema`, `OrderService`, `Foo$` on clashes) and its file
 * paths. `@bufbuild/protoplugin` (the library protoc-gen-es is built on, same
 * version) computes them; its naming module is not in its export map, so it is
 * loaded by file path from the copy protoc-gen-es uses.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyDesc, DescFile, DescMessage, DescService } from '@bufbuild/protobuf';

/** The protoplugin functions the grpc generator uses. */
export interface ProtopluginNames {
  /** `GetOrderRequestSchema`, `OrderService`. */
  generatedDescName(desc: DescMessage | DescService): string;
  /** `GetOrderRequest`. */
  generatedShapeName(desc: DescMessage): string;
  /** `./orders/v1/orders_pb.js` (relative to the output root) or `@bufbuild/protobuf/wkt`. */
  generateFilePath(file: DescFile, bootstrapWkt: boolean, filesToGenerate: readonly DescFile[], mapImports: readonly unknown[]): string;
  /** Leading, trailing and detached comments from source info. */
  getComments(desc: Exclude<AnyDesc, DescFile>): { leading?: string; trailing?: string; leadingDetached: string[] };
}

let loaded: Promise<ProtopluginNames> | undefined;

/** Loads protoplugin (once) from protoc-gen-es's own dependency tree. */
export function loadProtoplugin(): Promise<ProtopluginNames> {
  loaded ??= (async () => {
    const fromHere = createRequire(import.meta.url);
    const fromPlugin = createRequire(fromHere.resolve('@bufbuild/protoc-gen-es/package.json'));
    // its export map hides package.json; the main entry is <root>/dist/cjs/index.js
    const dir = path.resolve(path.dirname(fromPlugin.resolve('@bufbuild/protoplugin')), '..', '..');
    const names = (await import(pathToFileURL(path.join(dir, 'dist', 'esm', 'names.js')).href)) as Pick<
      ProtopluginNames,
      'generatedDescName' | 'generatedShapeName' | 'generateFilePath'
    >;
    const info = (await import(pathToFileURL(path.join(dir, 'dist', 'esm', 'source-code-info.js')).href)) as Pick<ProtopluginNames, 'getComments'>;
    return {
      generatedDescName: names.generatedDescName,
      generatedShapeName: names.generatedShapeName,
      generateFilePath: names.generateFilePath,
      getComments: info.getComments,
    };
  })();
  return loaded;
}

/** Path of the protoc-gen-es launcher (run with this Node by buf). */
export function protocGenEsLauncher(): string {
  const req = createRequire(import.meta.url);
  return path.join(path.dirname(req.resolve('@bufbuild/protoc-gen-es/package.json')), 'bin', 'protoc-gen-es');
}
