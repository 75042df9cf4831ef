/**
 * `rpc-idempotency-level`: read-only RPCs (`Get*`, `List*`, `Search*`,
 * `BatchGet*`) declare `option idempotency_level = NO_SIDE_EFFECTS`.
 * Generated clients (contractkit's gRPC stubs) retry only methods marked
 * `NO_SIDE_EFFECTS` or `IDEMPOTENT`, so an unmarked read fails on the first
 * `UNAVAILABLE` instead of being retried; Connect also serves only
 * `NO_SIDE_EFFECTS` methods over cacheable HTTP GET.
 */
import type { ModelRule } from '../rule.js';
import { contractsOfKind, type RpcMethod } from '../../../contracts/model/types.js';
import { isAllowed, startsWithWord } from './support.js';

/** Method-name prefixes of read-only methods (AIP-131, 132, 231 and search methods). */
export const DEFAULT_READ_ONLY_PREFIXES = ['Get', 'List', 'Search', 'BatchGet'];

/** The rule definition. */
export const rpcIdempotencyLevel: ModelRule = {
  id: 'rpc-idempotency-level',
  kind: 'proto',
  engine: 'model',
  description: 'Read-only RPCs (Get*, List*, Search*, BatchGet*) declare `option idempotency_level = NO_SIDE_EFFECTS`.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      prefixes: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Method-name prefixes of read-only methods.' },
      acceptIdempotent: { type: 'boolean', description: 'Accept `IDEMPOTENT` on read-only methods as well.' },
      allow: { type: 'array', items: { type: 'string' }, description: 'Methods exempt from the rule, by name or full name.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { prefixes: DEFAULT_READ_ONLY_PREFIXES, acceptIdempotent: false, allow: [] },
  check(model, ctx) {
    const prefixes = ctx.options.prefixes as string[];
    const allow = ctx.options.allow as string[];
    const acceptIdempotent = ctx.options.acceptIdempotent === true;
    for (const contract of contractsOfKind(model, 'proto')) {
      for (const service of contract.services) {
        for (const method of service.methods) {
          const prefix = startsWithWord(method.name, prefixes);
          if (!prefix || isAllowed(service, method, allow)) continue;
          if (method.idempotency === 'no_side_effects') continue;
          if (method.idempotency === 'idempotent' && acceptIdempotent) continue;
          const name = `${service.name}.${method.name}`;
          ctx.report({
            message:
              method.idempotency === 'idempotent'
                ? `Read-only method \`${name}\` (\`${prefix}*\`) declares \`IDEMPOTENT\`; a read has no side effects at all, so declare \`NO_SIDE_EFFECTS\`.`
                : `Read-only method \`${name}\` (\`${prefix}*\`) declares no idempotency level, so generated clients will not retry it on \`UNAVAILABLE\`.`,
            hint: hintFor(method),
            file: method.location.file,
            ...(method.location.line ? { line: method.location.line, column: method.location.column ?? 1 } : {}),
          });
        }
      }
    }
  },
};

function hintFor(method: RpcMethod): string {
  const streamIn = method.kind === 'client_streaming' || method.kind === 'bidi_streaming' ? 'stream ' : '';
  const streamOut = method.kind === 'server_streaming' || method.kind === 'bidi_streaming' ? 'stream ' : '';
  const input = method.input.slice(method.input.lastIndexOf('.') + 1);
  const output = method.output.slice(method.output.lastIndexOf('.') + 1);
  return (
    `Declare it in the method body: \`rpc ${method.name}(${streamIn}${input}) returns (${streamOut}${output}) ` +
    '{ option idempotency_level = NO_SIDE_EFFECTS; }`. If the method does change state, rename it, or list it under `allow`.'
  );
}
