/**
 * The `<name>_grpc.ts` file beside each `<name>_pb.ts` that declares
 * services: per service a handler interface, `register<Service>()`, a client
 * interface and `create<Service>Client()`, over @contractkit/runtime/grpc.
 */
import path from 'node:path/posix';
import type { DescFile, DescMessage, DescMethod, DescService } from '@bufbuild/protobuf';
import { MethodOptions_IdempotencyLevel } from '@bufbuild/protobuf/wkt';
import type { GeneratedFile } from '../core/registry.js';
import { GENERATED_CODE_GLOBALS, createNameScope, docComment, pascalCase, propertyKey, stringLiteral } from '../core/names.js';
import { renderTemplate } from '../core/templates.js';
import { createTsFile, type TsFile } from '../core/ts-file.js';
import type { ProtopluginNames } from './protoplugin.js';
import { relativeModule, type CodecPlan } from './codec-plan.js';

/** The runtime module generated code imports. */
export const RUNTIME_GRPC = '@contractkit/runtime/grpc';

/** Path of the service file of `file` (`orders/v1/orders_grpc.ts`). */
export function serviceFilePath(file: DescFile): string {
  return `${file.name}_grpc.ts`;
}

/** Comment text of an element: leading comment, else trailing. */
function commentOf(names: ProtopluginNames, desc: DescService | DescMethod): string | undefined {
  const c = names.getComments(desc);
  const text = (c.leading ?? c.trailing)?.replace(/^ /gm, '').trim();
  return text || undefined;
}

function methodNotes(method: DescMethod): string[] {
  const notes: string[] = [];
  const kind = { unary: 'Unary', server_streaming: 'Server streaming', client_streaming: 'Client streaming', bidi_streaming: 'Bidirectional streaming' }[
    method.methodKind
  ];
  const idempotent = method.idempotency === MethodOptions_IdempotencyLevel.NO_SIDE_EFFECTS || method.idempotency === MethodOptions_IdempotencyLevel.IDEMPOTENT;
  notes.push(`${kind} \`${method.parent.typeName}/${method.name}\`${idempotent ? ' (idempotent: retried on UNAVAILABLE)' : ''}.`);
  if (method.deprecated) notes.push('@deprecated');
  return notes;
}

/**
 * Builds the service file of `file`, whose services have passed the support
 * checks. With `codecs` (`codec: fast`) the services get the generated codecs
 * of the messages they send and receive.
 */
export function buildServiceFile(file: DescFile, names: ProtopluginNames, filesToGenerate: readonly DescFile[], codecs?: CodecPlan): GeneratedFile {
  const out = createTsFile(serviceFilePath(file));
  // a message named Promise (or any global the file uses) is imported under an alias, never shadowing the global
  for (const g of GENERATED_CODE_GLOBALS) out.declare(g);
  const dir = path.dirname(out.path);
  const scope = createNameScope();

  // Modules of the protoc-gen-es output, relative to this file.
  const moduleOf = (f: DescFile): string => {
    const target = names.generateFilePath(f, false, filesToGenerate, []);
    if (!target.startsWith('./')) return target;
    const rel = path.relative(dir, target.slice(2));
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const shape = (m: DescMessage) => out.importType(names.generatedShapeName(m), moduleOf(m.file));
  const init = (m: DescMessage) =>
    `${out.importType('MessageInitShape', '@bufbuild/protobuf')}<typeof ${out.importType(names.generatedDescName(m), moduleOf(m.file))}>`;

  // Declare every name first, so imported names that clash get aliased instead.
  const declared = file.services.map((service) => {
    const base = pascalCase(service.name);
    return {
      handlersName: out.declare(scope.claim(`${base}Handlers`)),
      clientName: out.declare(scope.claim(`${base}Client`)),
      registerName: out.declare(scope.claim(`register${base}`)),
      createName: out.declare(scope.claim(`create${base}Client`)),
    };
  });
  const parts: string[] = [];
  const codecMap = codecs ? out.declare(scope.claim('codecs')) : undefined;
  if (codecs && codecMap) parts.push(codecMapCode(out, file, codecs, codecMap));
  for (const [i, service] of file.services.entries()) {
    const view = {
      ...declared[i]!,
      handlersDoc: docComment([commentOf(names, service), `Handlers of \`${service.typeName}\`: implement each method.`]),
      clientDoc: docComment([commentOf(names, service), `Client of \`${service.typeName}\`.`]),
      registerDoc: docComment([
        `Registers an implementation of \`${service.typeName}\` on a grpc-js server.`,
        'Handlers may return plain objects; throw a GrpcError to send a status with rich details.',
      ]),
      createDoc: docComment([
        `Creates a client of \`${service.typeName}\` at \`target\` (\`host:port\`, \`dns:///host:port\`).`,
        'Calls have deadlines, idempotent methods are retried on UNAVAILABLE, and calls share a circuit breaker per target.',
      ]),
      serviceRef: out.importValue(names.generatedDescName(service), moduleOf(file)),
      grpcClient: out.importType('GrpcClient', RUNTIME_GRPC),
      grpcServer: out.importType('Server', '@grpc/grpc-js'),
      registerOptions: out.importType('RegisterOptions', RUNTIME_GRPC),
      clientOptions: out.importType('ClientOptions', RUNTIME_GRPC),
      registerService: out.importValue('registerService', RUNTIME_GRPC),
      createClient: out.importValue('createClient', RUNTIME_GRPC),
      registerArgs: codecMap ? `{ ...options, codecs: ${codecMap} }` : 'options',
      clientArgs: codecMap ? `{ ...options, codecs: ${codecMap} }` : 'options',
      methods: service.methods.map((m) => methodView(m, out, shape, init, names)),
    };
    parts.push(renderTemplate('grpc', 'service', view));
  }
  out.print(parts.join('\n'));
  return out.toGeneratedFile();
}

/** The map of generated codecs by message name that the services of `file` hand to the runtime. */
function codecMapCode(out: TsFile, file: DescFile, codecs: CodecPlan, name: string): string {
  const messages = new Map<string, DescMessage>();
  for (const m of file.services.flatMap((s) => s.methods)) {
    messages.set(m.input.typeName, m.input);
    messages.set(m.output.typeName, m.output);
  }
  const entries = [...messages.keys()].sort().map((typeName) => {
    const p = codecs.message(messages.get(typeName)!);
    return `  ${stringLiteral(typeName)}: ${out.importValue(p.codec, relativeModule(out.path, p.file))},
`;
  });
  return `${docComment(['Generated codecs (`codec: fast`) of the messages these services send and receive.'])}const ${name} = {\n${entries.join('')}};\n`;
}

function methodView(
  m: DescMethod,
  out: TsFile,
  shape: (m: DescMessage) => string,
  init: (m: DescMessage) => string,
  names: ProtopluginNames,
) {
  const ctx = out.importType('ServerCallContext', RUNTIME_GRPC);
  const callOptions = out.importType('CallOptions', RUNTIME_GRPC);
  const inStream = m.methodKind === 'client_streaming' || m.methodKind === 'bidi_streaming';
  const outStream = m.methodKind === 'server_streaming' || m.methodKind === 'bidi_streaming';
  const req = shape(m.input);
  const reqInit = init(m.input);
  const res = shape(m.output);
  const resInit = init(m.output);
  return {
    prop: propertyKey(m.localName),
    methodDoc: docComment([commentOf(names, m), ...methodNotes(m)], '  '),
    handlerParams: inStream ? `requests: AsyncIterable<${req}>, context: ${ctx}` : `request: ${req}, context: ${ctx}`,
    handlerResult: outStream ? `AsyncIterable<${resInit}>` : `Promise<${resInit}>`,
    clientParams: inStream ? `requests: AsyncIterable<${reqInit}>, options?: ${callOptions}` : `request: ${reqInit}, options?: ${callOptions}`,
    clientResult: outStream ? `AsyncIterable<${res}>` : `Promise<${res}>`,
  };
}
