/**
 * Media type names of OpenAPI contracts, as the checks read them.
 */

/**
 * True for JSON media types: `application/json` and its structured-syntax
 * forms (`application/problem+json`, `application/vnd.acme.v1+json`), with or
 * without parameters (`; charset=utf-8`). `application/json-seq` and
 * `application/jsonl` are not JSON documents and are not matched.
 */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(mediaType.trim());
}
