/**
 * `rpc-list-pagination`: `List*` RPCs page their results the way Google's
 * AIP-158 describes: the request takes `page_size` (int32) and `page_token`
 * (string), the response returns `next_page_token` (string). Without them a
 * list grows until it times out or exhausts memory, and adding paging later
 * changes what existing clients get back.
 */
import type { ModelRule } from '../rule.js';
import { contractsOfKind, type RpcMessage, type RpcMethod } from '../../../contracts/model/types.js';
import { fieldNamed, isAllowed, messagesByName, shortName, startsWithWord } from './support.js';

/** One field AIP-158 asks for. */
interface Expected {
  side: 'request' | 'response';
  name: string;
  type: string;
}

/** The rule definition. */
export const rpcListPagination: ModelRule = {
  id: 'rpc-list-pagination',
  kind: 'proto',
  engine: 'model',
  description: '`List*` RPCs take `page_size` and `page_token` and return `next_page_token` (AIP-158).',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      prefixes: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Method-name prefixes of list methods.' },
      pageSizeField: { type: 'string', minLength: 1 },
      pageTokenField: { type: 'string', minLength: 1 },
      nextPageTokenField: { type: 'string', minLength: 1 },
      includeStreaming: { type: 'boolean', description: 'Also check streaming list methods (a stream usually replaces paging).' },
      allow: { type: 'array', items: { type: 'string' }, description: 'Methods exempt from the rule, by name or full name.' },
    },
    additionalProperties: false,
  },
  defaultOptions: {
    prefixes: ['List'],
    pageSizeField: 'page_size',
    pageTokenField: 'page_token',
    nextPageTokenField: 'next_page_token',
    includeStreaming: false,
    allow: [],
  },
  check(model, ctx) {
    const o = ctx.options;
    const prefixes = o.prefixes as string[];
    const allow = o.allow as string[];
    const expected: Expected[] = [
      { side: 'request', name: o.pageSizeField as string, type: 'int32' },
      { side: 'request', name: o.pageTokenField as string, type: 'string' },
      { side: 'response', name: o.nextPageTokenField as string, type: 'string' },
    ];
    for (const contract of contractsOfKind(model, 'proto')) {
      const messages = messagesByName(contract);
      for (const service of contract.services) {
        for (const method of service.methods) {
          if (!startsWithWord(method.name, prefixes) || isAllowed(service, method, allow)) continue;
          if (method.kind !== 'unary' && o.includeStreaming !== true) continue;
          const problems = problemsOf(method, messages, expected);
          if (problems.length === 0) continue;
          ctx.report({
            message: `List method \`${service.name}.${method.name}\` does not page its results (AIP-158): ${problems.join('; ')}.`,
            hint: hintFor(method, expected),
            file: method.location.file,
            ...position(method),
          });
        }
      }
    }
  },
};

/** What is missing or mistyped, in words; empty when the method pages properly. */
function problemsOf(method: RpcMethod, messages: Map<string, RpcMessage>, expected: Expected[]): string[] {
  const problems: string[] = [];
  for (const e of expected) {
    const typeName = e.side === 'request' ? method.input : method.output;
    const message = messages.get(typeName);
    // A message from an imported file (google.protobuf.Empty, …) has no fields of ours to check.
    if (!message) {
      if (typeName.startsWith('google.protobuf.')) problems.push(`the ${e.side} is \`${typeName}\`, which has no \`${e.name}\``);
      continue;
    }
    const field = fieldNamed(message, e.name);
    if (!field) problems.push(`${e.side} \`${shortName(typeName)}\` has no \`${e.name}\``);
    else if (field.fieldKind !== 'scalar' || field.type !== e.type) {
      problems.push(`\`${shortName(typeName)}.${e.name}\` is \`${field.fieldKind === 'list' ? `repeated ${field.type}` : field.type}\`, not \`${e.type}\``);
    }
  }
  // Two problems about one imported message say the same thing twice.
  return [...new Set(problems.map((p) => p.replace(/, which has no `[^`]+`$/, ', which has no paging fields')))];
}

function hintFor(method: RpcMethod, expected: Expected[]): string {
  const req = expected.filter((e) => e.side === 'request').map((e) => `${e.type} ${e.name}`).join(', ');
  const res = expected.filter((e) => e.side === 'response').map((e) => `${e.type} ${e.name}`).join(', ');
  return (
    `Give \`${shortName(method.input)}\` the fields ${req}, and \`${shortName(method.output)}\` the field ${res} ` +
    '(empty on the last page), each with a new field number; clients pass the returned token as page_token to get the next page.'
  );
}

function position(method: RpcMethod): { line?: number; column?: number } {
  return method.location.line ? { line: method.location.line, column: method.location.column ?? 1 } : {};
}

