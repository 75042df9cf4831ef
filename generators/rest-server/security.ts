/**
 * The security schemes a server must be given hooks for: those the
 * operations' requirements name, as the runtime applies them (HTTP bearer,
 * oauth2 and openIdConnect as bearer tokens, HTTP basic, API keys). Other
 * schemes (HTTP digest, mutual TLS) cannot be checked by a hook and are
 * refused with the scheme's location.
 */
import { UsageError } from '../../contracts/errors.js';
import type { Finding } from '../../contracts/finding.js';
import type { OpenApiContract } from '../../contracts/model/types.js';
import { toPointer } from '../../contracts/source/positions.js';
import type { SecuritySchemeSpec } from '../../runtime/src/http/server/types.js';

/** A used scheme: its name, how the runtime reads it, and the hook type the options require. */
export interface UsedScheme {
  name: string;
  spec: SecuritySchemeSpec;
  hook: 'BearerHook' | 'BasicHook' | 'ApiKeyHook';
}

/** The schemes the operations of `contract` use, in the order of `components.securitySchemes`. @throws UsageError for one the runtime cannot check or the contract does not define. */
export function usedSchemes(contract: OpenApiContract): UsedScheme[] {
  const used = new Set<string>();
  for (const op of contract.operations) for (const req of op.security) for (const name of Object.keys(req)) used.add(name);
  const findings: Finding[] = [];
  const at = (name: string, message: string, hint: string): Finding => ({ ruleId: 'rest-server/security-scheme', severity: 'error', kind: 'openapi', file: contract.file, pointer: toPointer(['components', 'securitySchemes', name]), message, hint });
  const out: UsedScheme[] = [];
  const names = [...Object.keys(contract.securitySchemes).filter((n) => used.has(n)), ...[...used].filter((n) => !(n in contract.securitySchemes))];
  for (const name of names) {
    const raw = contract.securitySchemes[name];
    if (!raw) {
      findings.push(at(name, `An operation requires the security scheme "${name}", which components.securitySchemes does not define.`, `Define "${name}" under components.securitySchemes, or fix the requirement's name.`));
      continue;
    }
    const type = String(raw.type ?? '');
    const scheme = String(raw.scheme ?? '').toLowerCase();
    if ((type === 'http' && scheme === 'bearer') || type === 'oauth2' || type === 'openIdConnect') out.push({ name, spec: { type: 'bearer' }, hook: 'BearerHook' });
    else if (type === 'http' && scheme === 'basic') out.push({ name, spec: { type: 'basic' }, hook: 'BasicHook' });
    else if (type === 'apiKey' && (raw.in === 'header' || raw.in === 'query' || raw.in === 'cookie') && typeof raw.name === 'string' && raw.name) out.push({ name, spec: { type: 'apiKey', in: raw.in, name: raw.name }, hook: 'ApiKeyHook' });
    else findings.push(at(name, `The security scheme "${name}" (${type}${scheme ? ` ${scheme}` : ''}) cannot be checked by a server hook.`, 'The generated server checks HTTP bearer and basic, apiKey (header, query, cookie), oauth2 and openIdConnect (as bearer tokens). Check this scheme in front of the service (a proxy), or change the requirement.'));
  }
  if (findings.length) throw new UsageError(`rest-server: ${contract.name} uses security schemes the generated server cannot check; nothing was written.`, findings);
  return out;
}
