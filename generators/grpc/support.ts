/**
 * What the grpc generator cannot generate yet. Each problem is a finding at
 * the element, so generation fails with a clear message instead of writing
 * code that does not compile.
 */
import type { DescService } from '@bufbuild/protobuf';
import type { Finding } from '../../contracts/finding.js';
import type { ProtoContract, SourceRef } from '../../contracts/model/types.js';

/** Members every generated client has; a method whose local name is one of them would shadow it. */
export const CLIENT_MEMBERS = ['target', 'grpcClient', 'waitForReady', 'close'];

/** Rule id of unsupported-feature findings. */
export const GRPC_UNSUPPORTED_RULE = 'generate/grpc-unsupported';

/** Findings for the services of `services` that the generator cannot handle. */
export function checkSupport(contract: ProtoContract, services: readonly DescService[]): Finding[] {
  const findings: Finding[] = [];
  const locationOf = (service: DescService, method?: string): SourceRef => {
    const s = contract.services.find((x) => x.fullName === service.typeName);
    return (method ? s?.methods.find((m) => m.name === method)?.location : undefined) ?? s?.location ?? { file: contract.file };
  };
  const report = (where: SourceRef, message: string, hint: string) =>
    findings.push({
      ruleId: GRPC_UNSUPPORTED_RULE,
      severity: 'error',
      kind: 'proto',
      message,
      file: where.file,
      ...(where.line ? { line: where.line, column: where.column ?? 1 } : {}),
      hint,
    });
  for (const service of services) {
    const byLocal = new Map<string, string>();
    for (const method of service.methods) {
      const other = byLocal.get(method.localName);
      if (other) {
        report(
          locationOf(service, method.name),
          `${service.typeName}: methods ${other} and ${method.name} both become \`${method.localName}\` in TypeScript; the generated client and handler interfaces cannot hold both.`,
          'Rename one of the methods (a new method name is a breaking change for callers of the old one: add the new name and deprecate the old).',
        );
      }
      byLocal.set(method.localName, method.name);
      if (CLIENT_MEMBERS.includes(method.localName)) {
        report(
          locationOf(service, method.name),
          `${service.typeName}.${method.name} becomes \`${method.localName}\`, which generated clients already use (${CLIENT_MEMBERS.join(', ')}); this is not supported yet.`,
          'Rename the method, or generate this service with another tool until contractkit supports renaming methods.',
        );
      }
    }
  }
  return findings;
}
