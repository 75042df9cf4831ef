/**
 * OpenAPI documents the rest-client generator cannot produce a faithful
 * client from, though they load: parts the loader could not read and skipped
 * (`paths` or an operation that is not an object: the client would silently
 * lack them), or nothing at all to generate (no operation, no schema).
 */
import type { Finding } from '../../contracts/finding.js';
import type { OpenApiContract } from '../../contracts/model/types.js';

/** Located findings explaining why `contract` cannot be generated from, or [] when it can. */
export function unusableForRestClient(contract: OpenApiContract): Finding[] {
  const at = (pointer: string, message: string, hint: string): Finding => ({ ruleId: 'rest-client/unusable', severity: 'error', kind: 'openapi', file: contract.file, pointer, message, hint });
  // '/paths' where there is none is located at the document's start
  const findings = contract.unreadable.map((u) => at(u.pointer, u.message, u.hint));
  if (findings.length === 0 && contract.operations.length === 0 && contract.schemas.length === 0) {
    findings.push(at('/paths', 'The document has no operation and no schema: there is nothing to generate a client from.', 'Add operations under `paths` (or schemas under `components.schemas`).'));
  }
  return findings;
}
