/**
 * Request/reply modules of the events output (AsyncAPI 3.0 operations with a
 * `reply`): `requesters.ts`, a requester whose methods send a send
 * operation's request and resolve with its typed, validated reply, and
 * `replies.ts`, a `reply…()` per reply message of a receive operation, which
 * answers a request its consumer handled.
 */
import type { GeneratedFile } from '../core/registry.js';
import { createNameScope, camelCase, docComment, stringLiteral } from '../core/names.js';
import { createTsFile, type TsFile } from '../core/ts-file.js';
import type { EventGroup, EventsPlan, MessagePlan, OperationPlan } from './plan.js';

const RUNTIME = '@contractkit/runtime/events';

/** `[{ eventType, versions: [spec…] }, …]` of a reply's groups. */
function replySpecs(f: TsFile, groups: EventGroup[]): string {
  return `[${groups.map((g) => `{ eventType: ${stringLiteral(g.eventType)}, versions: [${g.versions.map((v) => f.importValue(v.specName, './events.js')).join(', ')}] }`).join(', ')}]`;
}

/** The reply's type: every version of every reply message (replies are not upcast). */
function replyType(f: TsFile, groups: EventGroup[]): string {
  return groups.flatMap((g) => g.versions.map((v) => f.importType(v.eventTypeName, './types.js'))).join(' | ');
}

/** The address expression of an operation's channel (`meta.params` fills a parameterized one). */
function addressOf(f: TsFile, op: OperationPlan, params: string): string {
  const addr = f.importValue(op.channel.addressName, './channels.js');
  return op.channel.paramsTypeName ? `${addr}(${params})` : addr;
}

/** `requesters.ts`, when a send operation has a reply. */
export function emitRequesters(plan: EventsPlan): GeneratedFile | undefined {
  const names = plan.requester;
  const requests = plan.operations.filter((o) => o.action === 'send' && o.reply);
  if (!names || requests.length === 0) return undefined;
  const f = createTsFile('requesters.ts');
  const transport = f.importType('Transport', RUNTIME);
  const requesterOptions = f.importType('RequesterOptions', RUNTIME);
  const create = f.importValue('createRequester', RUNTIME);
  const requestEvent = f.importValue('requestEvent', RUNTIME);
  const requestMeta = f.importType('RequestMeta', RUNTIME);
  const meta = f.declare(names.meta);
  const options = f.declare(names.options);
  f.print(
    docComment(['What every request takes besides the payload: envelope metadata (the correlationId replies are matched by: fresh when not given; give concurrent requests distinct ones) and the timeout.']),
    `export interface ${meta} extends ${requestMeta} {\n  headers?: Record<string, string>;\n  /** How long to wait for the reply (default: the requester's). */\n  timeoutMs?: number;\n}\n\n`,
  );
  // one reply channel with parameters for every request: the requester can name its reply queue by them
  const replyChannels = [...new Set(requests.map((o) => o.reply!.channel))];
  const named = replyChannels.length === 1 && replyChannels[0]?.paramsTypeName ? replyChannels[0] : undefined;
  const timeouts = [...new Set(requests.map((o) => o.reply!.timeoutMs))];
  const defaultTimeout = timeouts.length === 1 && timeouts[0] !== undefined ? timeouts[0] : undefined;
  const optionLines = [
    docComment(['The reply address, timeout and late-reply policy: `replyTo` (default: an address the broker chooses), `timeoutMs`', `(default ${defaultTimeout !== undefined ? `${defaultTimeout} ms, from the contract` : '30 s'}), \`onLateReply\` (told about every reply that came after its request timed out; it is dropped).`]),
    `export interface ${options} extends ${requesterOptions} {\n`,
  ];
  if (named) optionLines.push(docComment([`Names the reply queue by the parameters of channel \`${named.channel.id}\` (instead of \`replyTo\`).`], '  '), `  replyParams?: ${f.importType(named.paramsTypeName!, './channels.js')};\n`);
  optionLines.push('}\n\n');
  f.print(...optionLines);
  const methods: string[] = [];
  const methodNames = createNameScope(['replyTo', 'stats', 'close']);
  for (const op of requests) {
    const r = op.reply!;
    for (const g of op.groups) {
      const latest: MessagePlan = g.latest;
      const result = replyType(f, r.groups);
      const extras = op.channel.paramsTypeName ? ` & { params: ${f.importType(op.channel.paramsTypeName, './channels.js')} }` : '';
      const fields = [
        `address: ${addressOf(f, op, 'meta.params')}`,
        `eventType: ${stringLiteral(g.eventType)}`,
        `version: ${latest.version}`,
        'payload',
        'meta',
        `spec: ${f.importValue(latest.specName, './events.js')}`,
        `replies: ${replySpecs(f, r.groups)}`,
        'headers: meta.headers',
        'timeoutMs: meta.timeoutMs',
        ...(r.addressHeader !== undefined ? [`addressHeader: ${stringLiteral(r.addressHeader)}`] : []),
        ...(op.bindingsName ? [`bindings: ${f.importValue(op.bindingsName, './bindings.js')}`] : []),
      ];
      const doc = docComment([
        op.summary ?? `Sends ${g.eventType} v${latest.version} (operation \`${op.id}\`) and waits for its reply.`,
        `Validates the request; resolves with the reply (${r.groups.map((x) => x.eventType).join(' or ')}) once it is one the contract lists; rejects with \`RequestTimeoutError\` after the timeout, \`UnexpectedReplyError\` for another reply.`,
      ], '    ');
      const method = methodNames.claim(op.groups.length === 1 ? camelCase(op.id) : camelCase(`${op.id} ${g.eventType}`));
      methods.push(`${doc}    ${method}(payload: ${f.importType(latest.typeName, './types.js')}, meta: ${meta}${extras}): Promise<${result}> {\n      return ${requestEvent}<${result}>(requester, {\n        ${fields.join(',\n        ')},\n      });\n    },\n`);
    }
  }
  const replyTo = named ? `options.replyTo ?? (options.replyParams ? ${f.importValue(named.addressName, './channels.js')}(options.replyParams) : undefined)` : 'options.replyTo';
  const settings = [`...options`, `replyTo: ${replyTo}`, ...(defaultTimeout !== undefined ? [`timeoutMs: options.timeoutMs ?? ${defaultTimeout}`] : [])];
  f.print(
    docComment([`Requester of ${plan.contract.title}: one method per send operation with a reply, all sharing one reply inbox.`, 'RabbitMQ and NATS transports carry requests; close it when done (pending requests reject).']),
    `export async function ${f.declare(names.factory)}(transport: ${transport}, options: ${options} = {}) {\n`,
    `  const { replyTo, timeoutMs, onLateReply } = { ${settings.join(', ')} };\n`,
    `  const requester = await ${create}(transport, { ...(replyTo !== undefined ? { replyTo } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(onLateReply ? { onLateReply } : {}) });\n`,
    `  return {\n    /** The reply address requests carry. */\n    replyTo: requester.replyTo,\n    /** Requests sent, replied, timed out, and late replies. */\n    stats: requester.stats,\n${methods.join('')}    /** Closes the reply inbox; pending requests reject. */\n    close: () => requester.close(),\n  };\n}\n`,
  );
  return f.toGeneratedFile();
}

/** `replies.ts`, when a receive operation has a reply. */
export function emitReplies(plan: EventsPlan): GeneratedFile | undefined {
  const ops = plan.operations.filter((o) => o.action === 'receive' && o.reply);
  if (ops.length === 0) return undefined;
  const f = createTsFile('replies.ts');
  const transport = f.importType('Transport', RUNTIME);
  const received = f.importType('RequestReceived', RUNTIME);
  const envelopeMeta = f.importType('EnvelopeMeta', RUNTIME);
  const replyEvent = f.importValue('replyEvent', RUNTIME);
  for (const op of ops) {
    const r = op.reply!;
    const requestType = op.groups.map((g) => f.importType(g.latest.eventTypeName, './types.js')).join(' | ');
    const fixed = r.channel && !r.channel.paramsTypeName && r.channel.channel.address !== '' ? f.importValue(r.channel.addressName, './channels.js') : undefined;
    r.groups.forEach((g, i) => {
      const latest = g.latest;
      const eventType = f.importType(latest.eventTypeName, './types.js');
      const fields = [
        `eventType: ${stringLiteral(g.eventType)}`,
        `version: ${latest.version}`,
        'payload',
        'meta',
        `spec: ${f.importValue(latest.specName, './events.js')}`,
        'headers: meta?.headers',
        ...(r.addressHeader !== undefined ? [`addressHeader: ${stringLiteral(r.addressHeader)}`] : []),
        ...(fixed ? [`fallbackAddress: ${fixed}`] : []),
      ];
      const where = r.addressHeader !== undefined ? `the request's \`${r.addressHeader}\` header (or reply-to)` : 'the request\'s reply-to';
      f.print(
        docComment([
          `Replies ${g.eventType} v${latest.version} to a request of operation \`${op.id}\` (pass \`{ event, headers: ctx.headers }\` from its consumer's handler).`,
          `Validates the reply and sends it to ${where}${fixed ? ', else to the reply channel\'s address' : ''}; its correlationId is the request's, its causationId the request's eventId.`,
        ]),
        `export function ${f.declare(r.functionNames[i]!)}(transport: ${transport}, request: ${received}<${requestType}>, payload: ${f.importType(latest.typeName, './types.js')}, meta?: Partial<Omit<${envelopeMeta}, 'correlationId'>> & { headers?: Record<string, string> }): Promise<${eventType}> {\n`,
        `  return ${replyEvent}<${eventType}>(transport, request, {\n    ${fields.join(',\n    ')},\n  });\n}\n\n`,
      );
    });
  }
  return f.toGeneratedFile();
}
