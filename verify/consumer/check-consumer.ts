/**
 * Consumer against provider, offline: every operation the consumer calls
 * must exist in the provider's contract (same method, same path template,
 * path parameters compared by position, not name).
 */
import type { Finding } from '../../contracts/finding.js';
import type { OpenApiContract } from '../../contracts/model/types.js';
import { verifyFinding } from '../finding.js';
import type { UsedOperation } from './used-operations.js';

/** `/orders/{orderId}` and `/orders/{id}` are the same route. */
const routeKey = (method: string, path: string) => `${method.toLowerCase()} ${path.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '')}`;

/** Findings for the operations in `used` that `provider` does not have. */
export function checkConsumer(used: readonly UsedOperation[], provider: OpenApiContract): Finding[] {
  const routes = new Set(provider.operations.map((o) => routeKey(o.method, o.path)));
  const findings: Finding[] = [];
  for (const u of used) {
    if (routes.has(routeKey(u.method, u.path))) continue;
    const samePath = provider.operations.filter((o) => routeKey('x', o.path) === routeKey('x', u.path)).map((o) => o.method.toUpperCase());
    const hint = samePath.length > 0 ? `The provider has ${samePath.join(', ')} ${u.path}, not ${u.method.toUpperCase()}.` : 'Regenerate the client from the provider contract, or restore the operation in the provider.';
    findings.push(verifyFinding('verify/consumer-operation-missing', 'openapi', { file: u.file, line: u.line, column: u.column }, `The consumer calls ${u.method.toUpperCase()} ${u.path}, which the provider contract (${provider.title} ${provider.apiVersion}) does not declare.`, hint));
  }
  return findings;
}
