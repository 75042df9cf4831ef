/**
 * The generated modules: types, channel addresses, event specs (validators
 * wired to versions), producers, consumers, and the user-owned upcasters file.
 */
import type { GeneratedFile } from '../core/registry.js';
import { createTsFile, inlineTypeImport } from '../core/ts-file.js';
import { camelCase, createNameScope, docComment, pascalCase, propertyKey, stringLiteral } from '../core/names.js';
import { renderTemplate } from '../core/templates.js';
import type { EventGroup, EventsPlan, OperationPlan } from './plan.js';
import { createTitledTypes, type TitledTypes } from '../core/schema-ts/declare-titled.js';

const RUNTIME = '@contractkit/runtime/events';

/** `types.ts`: payload, envelope and header types per message and version. */
export function emitTypes(plan: EventsPlan): GeneratedFile {
  const f = createTsFile('types.ts');
  const reserved = plan.messages.flatMap((m) => [m.typeName, m.eventTypeName, ...(m.headersTypeName ? [m.headersTypeName] : [])]);
  const collector = createTitledTypes(reserved.concat(plan.channels.flatMap((c) => (c.paramsTypeName ? [c.paramsTypeName] : []))));
  const envelope = f.importType('EventEnvelope', RUNTIME);
  const aliases: string[] = [];
  for (const m of plan.messages) {
    const summary = m.message.title;
    // the data type takes the message's name, whatever its schema's title says
    const data = m.dataSchema && typeof m.dataSchema === 'object' ? { ...m.dataSchema, title: m.typeName } : m.dataSchema;
    collectorDeclare(collector, data, m.typeName, `${m.eventType} v${m.version} payload (message \`${m.message.id}\`).`);
    aliases.push(docComment([`${m.eventType} v${m.version} as it travels: the envelope around {@link ${m.typeName}}.`, summary]) + `export type ${m.eventTypeName} = ${envelope}<${m.typeName}, ${stringLiteral(m.eventType)}, ${m.version}>;\n`);
    if (m.headersTypeName) collectorDeclare(collector, m.message.headers, m.headersTypeName, `Headers of ${m.eventType} v${m.version}.`);
  }
  f.print(collector.declarations(), '\n', aliases.join('\n'));
  return f.toGeneratedFile();
}

function collectorDeclare(c: TitledTypes, schema: unknown, name: string, description: string) {
  const s = schema && typeof schema === 'object' ? (schema as Record<string, unknown>) : { type: 'object' };
  c.typeOf({ ...s, title: name }, name, description);
}

/** `channels.ts`: a constant per fixed address, a typed function per parameterized one. */
export function emitChannels(plan: EventsPlan): GeneratedFile {
  const f = createTsFile('channels.ts');
  for (const c of plan.channels) {
    const doc = docComment([`Address of channel \`${c.channel.id}\` (\`${c.channel.address}\`).`]);
    if (!c.paramsTypeName) {
      f.print(doc, `export const ${f.declare(c.addressName)} = ${stringLiteral(c.channel.address)};\n\n`);
      continue;
    }
    const seg = f.importValue('addressSegment', RUNTIME);
    f.print(`/** Parameters of channel \`${c.channel.id}\`. */\nexport interface ${f.declare(c.paramsTypeName)} {\n`);
    for (const p of c.channel.parameters.length ? c.channel.parameters : c.params.map((name) => ({ name, description: undefined }))) {
      f.print(docComment([p.description], '  '), `  ${propertyKey(p.name)}: string;\n`);
    }
    f.print('}\n\n');
    const parts = c.channel.address.split(/(\{[^}]+\})/).filter((x) => x !== '');
    const expr = parts.map((p) => {
      const m = /^\{([^}]+)\}$/.exec(p);
      return m ? `${seg}(params[${stringLiteral(m[1]!)}], ${stringLiteral(m[1]!)})` : stringLiteral(p);
    });
    f.print(doc, `export function ${f.declare(c.addressName)}(params: ${c.paramsTypeName}): string {\n  return ${expr.join(' + ')};\n}\n\n`);
  }
  return f.toGeneratedFile();
}

/** A JSON value as a TypeScript expression (keys and strings through the safe helpers). */
function literal(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`).join(', ')} }`;
  return 'undefined';
}

/** `bindings.ts`: per operation its bindings and retry policy (from AsyncAPI bindings, `x-` extensions and options), and the NATS stream settings. */
export function emitBindings(plan: EventsPlan): GeneratedFile {
  const f = createTsFile('bindings.ts');
  for (const op of plan.operations) {
    const s = op.settings;
    if (op.bindingsName && s.bindings) {
      const { kafkaKey, kafka, ...rest } = s.bindings;
      const parts = Object.entries(rest).map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`);
      if (kafka || kafkaKey) {
        const kp = Object.entries(kafka ?? {}).map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`);
        if (kafkaKey) kp.push('const' in kafkaKey ? `key: () => ${stringLiteral(kafkaKey.const)}` : `key: ${f.importValue('envelopeField', RUNTIME)}(${stringLiteral(kafkaKey.path)})`);
        parts.push(`kafka: { ${kp.join(', ')} }`);
      }
      const type = f.importType('EventBindings', RUNTIME);
      f.print(docComment([`How operation \`${op.id}\` travels on each broker (AsyncAPI bindings and \`x-\` extensions).`]), `export const ${f.declare(op.bindingsName)}: ${type} = {
  ${parts.join(',\n  ')},
};

`);
    }
    if (op.retryName && s.retry) {
      const type = f.importType('RetryPolicy', RUNTIME);
      f.print(docComment([`Retry policy of operation \`${op.id}\` (\`x-max-attempts\`, \`x-retry-delays\`); a consumer's \`retry\` option replaces it.`]), `export const ${f.declare(op.retryName)}: ${type} = ${literal(s.retry)};

`);
    }
  }
  const subjects = [...new Set(plan.channels.map((c) => c.channel.address).filter((a) => a !== ''))];
  const stream = { subjects, ...(plan.duplicateWindowMs !== undefined ? { duplicateWindowMs: plan.duplicateWindowMs } : {}) };
  f.print(docComment([`The NATS JetStream stream this contract's channels need: \`createNatsTransport({ servers, stream: 'ORDERS', ...${plan.natsStreamName} })\`.`]), `export const ${f.declare(plan.natsStreamName)} = ${literal(stream)};
`);
  return f.toGeneratedFile();
}

/** `events.ts`: each version's spec (validator + what it validates), grouped by event type. */
export function emitSpecs(plan: EventsPlan): GeneratedFile {
  const f = createTsFile('events.ts');
  const spec = f.importType('EventVersionSpec', RUNTIME);
  for (const m of plan.messages) {
    const v = f.importValue(m.validatorName, './validators.js');
    f.print(docComment([`${m.eventType} v${m.version} (message \`${m.message.id}\`).`]), `export const ${f.declare(m.specName)}: ${spec} = { version: ${m.version}, validate: ${v}, validates: ${stringLiteral(m.validates)} };\n\n`);
  }
  return f.toGeneratedFile();
}

function summaryOf(plan: EventsPlan, op: OperationPlan): string | undefined {
  return plan.contract.operations.find((o) => o.id === op.id)?.summary;
}

function groupMethodName(op: OperationPlan, g: EventGroup): string {
  return op.groups.length === 1 ? camelCase(op.id) : camelCase(`${op.id} ${g.eventType}`);
}

/** `producers.ts`: `create<Contract>Producer(transport)` with one method per send operation (and event type). */
export function emitProducers(plan: EventsPlan): GeneratedFile {
  const f = createTsFile('producers.ts');
  const sends = plan.operations.filter((o) => o.action === 'send');
  const factory = f.declare(`create${pascalCase(plan.contract.name)}Producer`);
  const transport = f.importType('Transport', RUNTIME);
  const meta = f.declare('PublishMeta');
  const envelopeMeta = f.importType('EnvelopeMeta', RUNTIME);
  const sendOptions = f.importType('SendOptions', RUNTIME);
  f.print(`/** What every publish takes besides the payload: envelope metadata and where it goes. */\nexport interface ${meta} extends ${envelopeMeta}, ${sendOptions} {}\n\n`);
  const methods: string[] = [];
  // operation ids need not make distinct names (AsyncAPI 2.6 operations without operationId are all `publish`/`subscribe`)
  const methodNames = createNameScope();
  for (const op of sends) {
    for (const g of op.groups) {
      const latest = g.latest;
      const create = f.importValue('createEnvelope', RUNTIME);
      const send = f.importValue('sendEvent', RUNTIME);
      const dataType = f.importType(latest.typeName, './types.js');
      const eventType = f.importType(latest.eventTypeName, './types.js');
      const latestSpec = f.importValue(latest.specName, './events.js');
      const older = g.versions.filter((v) => v !== latest);
      const extras: string[] = [];
      if (op.channel.paramsTypeName) extras.push(`params: ${f.importType(op.channel.paramsTypeName, './channels.js')}`);
      if (older.length) {
        extras.push(`/** During a migration window, also publish these versions (same eventId, so idempotent consumers handle the event once). */\n      alsoAs?: { ${older.map((v) => `v${v.version}?: ${f.importType(v.typeName, './types.js')}`).join('; ')} }`);
      }
      const bindingsArg = op.bindingsName ? `, ${f.importValue(op.bindingsName, './bindings.js')}` : '';
      const addr = f.importValue(op.channel.addressName, './channels.js');
      const address = op.channel.paramsTypeName ? `${addr}(meta.params)` : addr;
      const metaType = extras.length ? `${meta} & {\n      ${extras.join(';\n      ')};\n    }` : meta;
      const body: string[] = [
        `const address = ${address};`,
        `const event = ${create}(${stringLiteral(g.eventType)}, ${latest.version}, payload, meta);`,
        `await ${send}(transport, address, event, ${latestSpec}, meta${bindingsArg});`,
      ];
      for (const v of older) {
        const s = f.importValue(v.specName, './events.js');
        body.push(
          `if (meta.alsoAs?.v${v.version} !== undefined) {`,
          `  const old = ${create}(${stringLiteral(g.eventType)}, ${v.version}, meta.alsoAs.v${v.version}, { ...meta, eventId: event.eventId, timestamp: event.timestamp });`,
          `  await ${send}(transport, address, old, ${s}, { ...meta, messageId: ${stringLiteral('')} + event.eventId + ${stringLiteral(`.v${v.version}`)} }${bindingsArg});`,
          `}`,
        );
      }
      body.push('return event;');
      const doc = docComment([summaryOf(plan, op) ?? `Publishes ${g.eventType} v${latest.version} (operation \`${op.id}\`).`, 'Validates the event, then resolves once the broker confirmed it (or once it is in the outbox).'], '    ');
      methods.push(`${doc}    async ${methodNames.claim(groupMethodName(op, g))}(payload: ${dataType}, meta: ${metaType}): Promise<${eventType}> {\n${body.map((l) => '      ' + l).join('\n')}\n    },\n`);
    }
  }
  f.print(
    docComment([`Producers of ${plan.contract.title}: one method per send operation.`]),
    `export function ${factory}(transport: ${transport}) {\n  return {\n${methods.join('')}  };\n}\n`,
  );
  return f.toGeneratedFile();
}

/** Name of the user-written upcaster from version `from`. */
export function upcasterName(g: EventGroup, from: number): string {
  return camelCase(`upcast ${g.eventType} v${from} to v${from + 1}`);
}

/** `consumers.ts`: one `consume<Operation>(transport, options)` per receive operation. */
export function emitConsumers(plan: EventsPlan): GeneratedFile {
  const f = createTsFile('consumers.ts');
  // distinct names even when operation ids collide (see emitProducers)
  const consumerNames = createNameScope();
  for (const op of plan.operations.filter((o) => o.action === 'receive')) {
    const transport = f.importType('Transport', RUNTIME);
    const options = f.importType('ConsumeOptions', RUNTIME);
    const consumer = f.importType('Consumer', RUNTIME);
    const create = f.importValue('createConsumer', RUNTIME);
    const latestTypes = op.groups.map((g) => f.importType(g.latest.eventTypeName, './types.js'));
    const eventType = latestTypes.join(' | ');
    const events = op.groups.map((g) => {
      const versions = g.versions.map((v) => f.importValue(v.specName, './events.js'));
      const steps = g.versions.filter((v) => v !== g.latest).map((v) => `${v.version}: ${f.importValue(upcasterName(g, v.version), './upcasters.js')}`);
      return `{ eventType: ${stringLiteral(g.eventType)}, versions: [${versions.join(', ')}]${steps.length ? `, upcasters: { ${steps.join(', ')} }` : ''} }`;
    });
    const name = f.declare(consumerNames.claim(camelCase(`consume ${op.id}`)));
    const extra: string[] = [];
    if (op.bindingsName) extra.push(`bindings: ${f.importValue(op.bindingsName, './bindings.js')},`);
    if (op.retryName) extra.push(`retry: options.retry ?? ${f.importValue(op.retryName, './bindings.js')},`);
    const group = op.settings.group ?? `${plan.contract.name}.${op.id}`;
    const versions = op.groups.map((g) => `${g.eventType} v${g.versions.map((v) => v.version).join('/v')}`).join(', ');
    // a queue named at run time (an RPC reply queue `{queue}`): the consumer reads the one queue its parameters name
    const named = op.channel.queueNamedAtRunTime && op.channel.paramsTypeName;
    const optionsType = named ? `${options}<${eventType}, Tx> & { params: ${f.importType(op.channel.paramsTypeName!, './channels.js')} }` : `${options}<${eventType}, Tx>`;
    const address = named ? `${f.importValue(op.channel.addressName, './channels.js')}(options.params)` : stringLiteral(op.channel.channel.address);
    f.print(
      docComment([summaryOf(plan, op) ?? `Consumes operation \`${op.id}\`.`, `Accepts ${versions}; handlers see the latest version (older ones are upcast). Invalid, unknown or newer versions are dead-lettered with the reason.`, ...(named ? [`Channel \`${op.channel.channel.id}\` is a queue named at run time: \`params\` names the one queue this consumer reads.`] : []), ...(op.reply ? [`A request: answer it with ${op.reply.functionNames.map((n) => `\`${n}()\``).join(' or ')} (replies.ts).`] : [])]),
      `export function ${name}<Tx = undefined>(transport: ${transport}, options: ${optionsType}): Promise<${consumer}> {\n`,
      `  return ${create}<${eventType}, Tx>({\n    ...options,\n    transport,\n    address: ${address},\n    group: options.group ?? ${stringLiteral(group)},\n${extra.map((x) => `    ${x}\n`).join('')}    events: [\n      ${events.join(',\n      ')},\n    ],\n  });\n}\n\n`,
    );
  }
  return f.toGeneratedFile();
}

/** Upcaster steps the consumers need, as `{ name, skeleton }`. */
export function upcasterSteps(plan: EventsPlan): { name: string; skeleton: string }[] {
  const out = new Map<string, string>();
  for (const op of plan.operations.filter((o) => o.action === 'receive')) {
    for (const g of op.groups) {
      for (let i = 0; i < g.versions.length - 1; i++) {
        const from = g.versions[i]!;
        const to = g.versions[i + 1]!;
        const name = upcasterName(g, from.version);
        if (out.has(name)) continue;
        // upcasters.ts is the user's: a skeleton appended to it brings its types inline, leaving the user's import block alone
        out.set(name, renderTemplate('events', 'upcaster', { name, eventType: g.eventType, from: from.version, to: to.version, latest: g.latest.version, fromType: inlineTypeImport(from.typeName, './types.js'), toType: inlineTypeImport(to.typeName, './types.js'), notImplemented: `not implemented: upcast ${g.eventType} v${from.version} → v${to.version} (upcasters.ts)` }));
      }
    }
  }
  return [...out].map(([name, skeleton]) => ({ name, skeleton }));
}

/** The user-owned `upcasters.ts`: created with skeletons, later only appended to (existing code is kept byte for byte). */
export function emitUpcasters(plan: EventsPlan, existing: string | undefined): GeneratedFile | undefined {
  const steps = upcasterSteps(plan);
  if (steps.length === 0) return undefined;
  if (existing === undefined) {
    const head = `// Upcasters of ${plan.contract.title.replace(/[\r\n]/g, ' ')}: yours to edit. contractkit created this file once and only appends\n// a skeleton when a new event version needs a step; it never changes what is here.\n`;
    return { path: 'upcasters.ts', content: head + steps.map((s) => s.skeleton).join('') };
  }
  const missing = steps.filter((s) => !new RegExp(`\\b${s.name}\\b`).test(existing));
  if (missing.length === 0) return undefined;
  return { path: 'upcasters.ts', content: existing.replace(/\n*$/, '\n') + missing.map((s) => s.skeleton).join('') };
}

/** `index.ts`: everything but the validators' internals. */
export function emitIndex(hasUpcasters: boolean, extra: string[] = []): GeneratedFile {
  const lines = ['types', 'channels', 'events', 'bindings', 'producers', 'consumers', ...extra].map((m) => `export * from './${m}.js';`);
  if (hasUpcasters) lines.push("export * from './upcasters.js';");
  return { path: 'index.ts', content: `// Generated by contractkit. Do not edit: regenerate instead.\n\n${lines.join('\n')}\n` };
}
