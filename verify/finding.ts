/**
 * Findings of `verify`: what a running provider answered that its contract
 * does not allow, located at the operation (or response) of the contract
 * file, so every report format (stylish, json, sarif, github, markdown)
 * shows them like lint findings.
 */
import type { ContractKind, Finding } from '../contracts/finding.js';
import type { SourceRef } from '../contracts/model/types.js';

/** The rule ids `verify` reports, with what each one means (the docs page lists them). */
export const VERIFY_RULES = {
  'verify/undeclared-status': 'The provider answered a status the operation does not declare.',
  'verify/undeclared-content-type': 'The response has a content type the declared response does not list.',
  'verify/invalid-body': 'The response body does not match the declared schema.',
  'verify/missing-header': 'A required response header is missing or does not match its schema.',
  'verify/problem-details': 'An error response is not RFC 9457 problem details (application/problem+json with a matching status).',
  'verify/retry-after': 'A 429 or 503 response has no valid Retry-After header.',
  'verify/idempotency-replay': 'The same request with the same Idempotency-Key did not get the same response.',
  'verify/invalid-request-accepted': 'A request the contract forbids (a required field left out) did not get a 4xx.',
  'verify/read-after-create': 'What a create returned could not be read back by the operation that reads it.',
  'verify/consumer-operation-missing': 'An operation the consumer calls does not exist in the provider contract.',
  'verify/grpc-unimplemented': 'A gRPC provider answered UNIMPLEMENTED for an rpc the contract declares.',
  'verify/grpc-unknown-field': 'A gRPC answer carries a field number its declared output message does not declare.',
  'verify/grpc-undeclared-enum': 'A gRPC answer carries an enum number the enum does not declare.',
  'verify/grpc-undecodable': 'A gRPC answer does not decode as the declared output message.',
  'verify/grpc-stack-trace': 'A gRPC provider answered UNKNOWN or INTERNAL with a stack trace in the status details.',
  'verify/no-operations': 'The contract declares no operations, so nothing could be verified (exit 2).',
} as const;

/** A verify rule id. */
export type VerifyRuleId = keyof typeof VERIFY_RULES;

/** A finding about `where` in a contract file. */
export function verifyFinding(ruleId: VerifyRuleId, kind: ContractKind, where: SourceRef, message: string, hint?: string): Finding {
  const finding: Finding = { ruleId, severity: 'error', kind, file: where.file, message };
  if (where.pointer !== undefined) finding.pointer = where.pointer;
  if (where.line !== undefined) finding.line = where.line;
  if (where.column !== undefined) finding.column = where.column;
  if (hint) finding.hint = hint;
  return finding;
}

/** Findings with the same rule, place and message kept once (a property run repeats them). */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.file}\u0000${f.pointer ?? f.line}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
