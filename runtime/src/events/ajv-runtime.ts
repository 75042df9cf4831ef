/**
 * ajv's runtime helpers, for the validators contractkit generates (ajv
 * standalone code): ajv's code calls them for some keywords (`minLength` and
 * `maxLength` count code points, `const`, `enum` and `uniqueItems` compare
 * deeply). Generated code imports them from `@contractkit/runtime/events` or
 * `/http`, so a service needs no ajv of its own.
 */
import equal from 'ajv/dist/runtime/equal.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import uri from 'ajv/dist/runtime/uri.js';
import validationError from 'ajv/dist/runtime/validation_error.js';

/**
 * The helper of one of ajv's CommonJS modules. Node's ESM gives the default
 * import as `module.exports` (flagged `__esModule`, the helper in its
 * `default`); vitest and bundlers honour the flag and give the helper itself.
 */
function helper<T>(imported: unknown): T {
  const m = imported as { __esModule?: boolean; default?: T };
  return (m.__esModule ? m.default : imported) as T;
}

/**
 * The helpers by the names ajv's standalone code gives them
 * (`require("ajv/dist/runtime/<name>").default`). Typed here, not with the
 * types of ajv's own dependencies (fast-deep-equal, fast-uri), so the
 * runtime's declarations need nothing beyond itself.
 */
export const ajvRuntime: {
  /** Deep equality (`const`, `enum`, `uniqueItems`). */
  equal: (a: unknown, b: unknown) => boolean;
  /** String length in code points (`minLength`, `maxLength`). */
  ucs2length: (text: string) => number;
  /** ajv's URI resolver (fast-uri). */
  uri: unknown;
  /** The error `$async` validators reject with. */
  validation_error: new (errors: unknown[]) => Error;
} = {
  equal: helper(equal),
  ucs2length: helper(ucs2length),
  uri: helper(uri),
  validation_error: helper(validationError),
};
