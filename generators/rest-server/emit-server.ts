/**
 * Prints the server module: per operation its `Input` (path, query, headers,
 * body as the handler receives them), its `Result` (a union of the declared
 * statuses, each with its body and headers, so a handler cannot answer what
 * the contract does not declare) and its `Handler` type; the handlers
 * interface, the options (a hook per security scheme, required), the route
 * table as data and the `create<Api>Server` factory.
 */
import type { HttpMediaType, HttpOperation, HttpParameter, HttpResponse, JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { acceptedStatusOf } from '../../contracts/openapi/async-status.js';
import type { GeneratedFile } from '../core/registry.js';
import { camelCase, docComment, pascalCase, propertyKey, stringLiteral } from '../core/names.js';
import type { ComponentTypes } from '../core/schema-ts/declare-components.js';
import type { Scope } from '../core/schema-ts/naming.js';
import { createTsFile, type TsFile } from '../core/ts-file.js';
import { bodyEncoding, pickRequestMedia, pickResponseMedia, responseValueKind } from '../rest-client/media-types.js';
import type { RestServerGenOptions } from './options.js';
import type { UsedScheme } from './security.js';
import type { ValidatorSpec } from './validators.js';

const RUNTIME = '@contractkit/runtime/http-server';

/** The validators the server module refers to, by module. */
export interface ServerValidators {
  request: ValidatorSpec[];
  params: ValidatorSpec[];
  response: ValidatorSpec[];
}

const MODULES: Record<keyof ServerValidators, string> = { request: './request-validators.js', params: './params-validators.js', response: './response-validators.js' };

/**
 * The validator of `schema` in `kind`'s module: one per distinct schema (the
 * same `$ref` answered by twenty operations is compiled once), named after
 * its first use.
 */
function validatorOf(file: TsFile, validators: ServerValidators, seen: Map<string, string>, kind: keyof ServerValidators, name: string, schema: JsonSchema): string {
  const key = `${kind}\u0000${JSON.stringify(schema)}`;
  let exported = seen.get(key);
  if (exported === undefined) {
    exported = name;
    seen.set(key, exported);
    validators[kind].push({ name, schema });
  }
  return file.importValue(exported, MODULES[kind]);
}

interface OpNames {
  op: HttpOperation;
  /** An identifier of the operation (for its validators' names). */
  ident: string;
  /** 202-and-poll: the status operation's path and the parameter taking the job id. */
  accepted?: { statusPath: string; idParam: string };
  key: string;
  input: string;
  result: string;
  handler: string;
}

const GROUPS: [HttpParameter['in'], 'path' | 'query' | 'headers'][] = [
  ['path', 'path'],
  ['query', 'query'],
  ['header', 'headers'],
];

/** A parameter's name as the handler sees it: header names lower-case (as node:http gives them). */
const paramKey = (p: HttpParameter) => (p.in === 'header' ? p.name.toLowerCase() : p.name);

const jsonSchemaOf = (m: HttpMediaType | undefined): JsonSchema | undefined => (m && m.schema !== undefined && responseValueKind(m.mediaType) === 'json' ? m.schema : undefined);

/** Prints `server.ts` of `contract`; the validators it imports are collected in `validators`. */
export function emitServer(contract: OpenApiContract, schemas: ComponentTypes, scope: Scope, schemes: UsedScheme[], options: RestServerGenOptions): { file: GeneratedFile; validators: ServerValidators } {
  const file = createTsFile('server.ts');
  const ref = (name: string) => file.importType(name, './types.js');
  const validators: ServerValidators = { request: [], params: [], response: [] };
  const api = pascalCase(contract.title || contract.name);
  const apiValue = file.declare(scope.claim(`${camelCase(contract.title || contract.name)}Api`));
  const handlersName = file.declare(scope.claim(`${api}Handlers`));
  const securityName = schemes.length ? file.declare(scope.claim(`${api}Security`)) : undefined;
  const optionsName = file.declare(scope.claim(`${api}ServerOptions`));
  const factory = file.declare(scope.claim(`create${api}Server`));
  const keys = new Set<string>();
  const idents = new Set<string>();
  const named: OpNames[] = contract.operations.map((op) => {
    const base = op.operationId ?? `${op.method} ${op.path.replace(/[{}]/g, ' ')}`;
    const type = pascalCase(base);
    // the handler's key is the operationId as written (any string is a property key); the identifier names its validators
    let ident = camelCase(base);
    for (let i = 2; idents.has(ident); i++) ident = `${camelCase(base)}${i}`;
    idents.add(ident);
    let key = op.operationId ?? ident;
    for (let i = 2; keys.has(key); i++) key = `${op.operationId ?? ident}${i}`;
    keys.add(key);
    const n: OpNames = { op, key, ident, input: file.declare(scope.claim(`${type}Input`)), result: file.declare(scope.claim(`${type}Result`)), handler: file.declare(scope.claim(`${type}Handler`)) };
    const accepted = acceptedLink(contract, op);
    if (accepted) n.accepted = accepted;
    return n;
  });
  const jobs = named.some((n) => n.accepted);
  const ctxType = file.importType('HandlerContext', RUNTIME) + (jobs ? ` & ${file.importType('JobsContext', RUNTIME)}` : '');
  const routes: string[] = [];
  const seen = new Map<string, string>();
  const validator = (kind: keyof ServerValidators, name: string, schema: JsonSchema) => validatorOf(file, validators, seen, kind, name, schema);
  for (const n of named) {
    printOperation(file, n, schemas, ref, ctxType);
    routes.push(routeLiteral(file, contract, n, validator, options));
  }

  // the handlers, one per operation
  file.print(`${docComment([`The handlers of ${contract.title || contract.name}: one per operation, by operationId.`])}export interface ${handlersName} {\n`);
  for (const n of named) file.print(`${docComment([n.op.summary?.trim(), `\`${n.op.method.toUpperCase()} ${n.op.path}\``, n.op.deprecated ? '@deprecated' : undefined], '  ')}  ${propertyKey(n.key)}: ${n.handler};\n`);
  file.print('}\n\n');

  // the options: a hook per used security scheme (required), the idempotency store where operations declare the header
  const base = file.importType('RestServerFullOptions', RUNTIME);
  if (securityName) {
    // a type alias, not an interface: it must be assignable to the runtime's record of hooks
    file.print(`${docComment(['The security hooks the contract needs, one per scheme: a hook returns the principal (available as `ctx.auth.<scheme>`), or undefined/false to answer 401.'])}export type ${securityName} = {\n`);
    for (const s of schemes) file.print(`  ${propertyKey(s.name)}: ${file.importType(s.hook, RUNTIME)};\n`);
    file.print('};\n\n');
  }
  const idempotent = contract.operations.some((op) => op.idempotencyKey);
  let optionMembers = securityName ? `  /** One hook per security scheme. */\n  security: ${securityName};\n` : '';
  if (idempotent) optionMembers += `  /** Operations declare \`Idempotency-Key\`: where keys and first answers are kept. */\n  idempotency: ${file.importType('IdempotencyOptions', RUNTIME)};\n`;
  file.print(`${docComment([`Options of the ${contract.title || contract.name} server.`])}export interface ${optionsName} extends Omit<${base}, 'security' | 'idempotency'> {\n${optionMembers}}\n\n`);

  const restApi = file.importType('RestApi', RUNTIME);
  const specs = schemes.map((s) => `    ${propertyKey(s.name)}: ${specLiteral(s)},`).join('\n');
  file.print(`${docComment([`The routes of ${contract.title || contract.name} as data (what the runtime routes, validates and authenticates by).`])}export const ${apiValue}: ${restApi} = {\n  schemes: {${specs ? `\n${specs}\n  ` : ''}},\n  routes: [\n${routes.join('\n')}\n  ],\n};\n\n`);

  const restServer = file.importType('RestServer', RUNTIME);
  const create = file.importValue('createRestServer', RUNTIME);
  const optional = !securityName && !idempotent;
  file.print(
    `${docComment([`A server of ${contract.title || contract.name}${contract.apiVersion ? ` ${contract.apiVersion}` : ''}: \`.listen()\` on node:http, \`.listener\` for your own server, or \`.dispatcher\` for the fastify, express and hono adapters.`, '@throws when a handler or a security hook is missing.'])}` +
      `export function ${factory}(handlers: ${handlersName}, options: ${optionsName}${optional ? ' = {}' : ''}): ${restServer} {\n  return ${create}(${apiValue}, handlers, options);\n}\n`,
  );
  return { file: file.toGeneratedFile(), validators };
}

/** A 202 operation's status operation (named by `links`, else a GET one path parameter below) and its parameter that takes the job id. */
function acceptedLink(contract: OpenApiContract, op: HttpOperation): OpNames['accepted'] {
  if (!op.responses.some((r) => r.status === '202')) return undefined;
  const status = acceptedStatusOf(contract, op).statusOperation;
  const own = new Set(op.parameters.filter((p) => p.in === 'path').map((p) => p.name));
  const idParam = status?.parameters.filter((p) => p.in === 'path' && !own.has(p.name)).at(-1)?.name;
  return status && idParam ? { statusPath: status.path, idParam } : undefined;
}

function specLiteral(s: UsedScheme): string {
  const spec = s.spec;
  if (spec.type === 'apiKey') return `{ type: 'apiKey', in: ${stringLiteral(spec.in)}, name: ${stringLiteral(spec.name)} }`;
  return `{ type: ${stringLiteral(spec.type)} }`;
}

function bodyType(media: HttpMediaType | undefined, schemas: ComponentTypes, ref: (n: string) => string, dir: 'read' | 'write'): string | undefined {
  if (!media) return undefined;
  const enc = bodyEncoding(media.mediaType);
  if (enc === 'json' || enc === 'form') return schemas.typeOf(media.schema, dir, ref);
  if (enc === 'text') return 'string';
  return 'Uint8Array';
}

/** The status literal type of a response key, without the statuses declared on their own. */
function statusType(file: TsFile, key: string, explicit: number[]): string {
  if (/^\d{3}$/.test(key)) return key;
  const within = (range: string) => explicit.filter((s) => String(s)[0] === range);
  if (/^[1-5]XX$/i.test(key)) {
    const range = file.importType(`Status${key[0]}XX`, RUNTIME);
    const taken = within(key[0]!);
    return taken.length ? `Exclude<${range}, ${taken.join(' | ')}>` : range;
  }
  const all = file.importType('HttpStatus', RUNTIME);
  return explicit.length ? `Exclude<${all}, ${explicit.join(' | ')}>` : all;
}

function responseVariant(file: TsFile, r: HttpResponse, explicit: number[], schemas: ComponentTypes, ref: (n: string) => string): string {
  const status = statusType(file, r.status, explicit);
  const body = bodyType(pickResponseMedia(r.content), schemas, ref, 'read');
  const extra = file.importType('ExtraHeaders', RUNTIME);
  const declared = r.headers.filter((h) => h.name.toLowerCase() !== 'content-type');
  const members = declared.map((h) => `${propertyKey(h.name)}${h.required ? '' : '?'}: ${schemas.typeOf(h.schema, 'read', ref)}`);
  const headers = members.length ? `{ ${members.join('; ')} } & ${extra}` : extra;
  const headersRequired = declared.some((h) => h.required);
  const doc = r.description?.trim().split('\n')[0];
  return `${doc ? `  /** ${doc.replace(/\*\//g, '*\\/')} */\n` : ''}  | { status: ${status}; ${body === undefined ? 'body?: undefined' : `body: ${body.replace(/\n/g, '\n    ')}`}; headers${headersRequired ? '' : '?'}: ${headers} }`;
}

function printOperation(file: TsFile, n: OpNames, schemas: ComponentTypes, ref: (n: string) => string, ctxType: string): void {
  const { op } = n;
  const members: string[] = [];
  for (const [loc, key] of GROUPS) {
    const params = op.parameters.filter((p) => p.in === loc);
    if (params.length === 0) {
      members.push(`  ${key}: Record<never, never>;`);
      continue;
    }
    const props = params.map((p) => `${docComment([p.description?.trim(), p.deprecated ? '@deprecated' : undefined], '    ')}    ${propertyKey(paramKey(p))}${p.required ? '' : '?'}: ${schemas.typeOf(p.schema, 'write', ref).replace(/\n/g, '\n    ')};`);
    members.push(`  ${key}: {\n${props.join('\n')}\n  };`);
  }
  const media = op.requestBody ? pickRequestMedia(op.requestBody.content) : undefined;
  const body = bodyType(media, schemas, ref, 'write');
  members.push(body === undefined ? '  body: undefined;' : `${docComment([op.requestBody?.description?.trim()], '  ')}  body: ${body.replace(/\n/g, '\n  ')}${op.requestBody?.required ? '' : ' | undefined'};`);
  const explicit = op.responses.filter((r) => /^\d{3}$/.test(r.status)).map((r) => Number(r.status));
  const variants = op.responses.map((r) => responseVariant(file, r, explicit, schemas, ref));
  const title = `\`${op.method.toUpperCase()} ${op.path}\`${op.summary ? `: ${op.summary.trim()}` : ''}`;
  file.print(`${docComment([`What the handler of ${title} receives.`])}export interface ${n.input} {\n${members.join('\n')}\n}\n\n`);
  file.print(`${docComment([`What the handler of ${title} may answer: the statuses the contract declares.`])}export type ${n.result} =\n${variants.length ? variants.join('\n') : '  never'};\n\n`);
  const accepted = n.accepted ? op.responses.find((r) => r.status === '202') : undefined;
  const acceptedBody = accepted ? bodyType(pickResponseMedia(accepted.content), schemas, ref, 'read') : undefined;
  const ctx = accepted ? `${ctxType} & ${file.importType('AcceptContext', RUNTIME)}<${acceptedBody ?? 'undefined'}>` : ctxType;
  file.print(`${docComment([`The handler of ${title}.`, accepted ? '`ctx.accept(work, { body })` runs the work as a job and answers 202 with the status URL.' : undefined])}export type ${n.handler} = (req: ${n.input}, ctx: ${ctx}) => ${n.result} | Promise<${n.result}>;\n\n`);
}

function routeLiteral(file: TsFile, contract: OpenApiContract, n: OpNames, validator: (kind: keyof ServerValidators, name: string, schema: JsonSchema) => string, options: RestServerGenOptions): string {
  const { op } = n;
  const parts: string[] = [`operationId: ${stringLiteral(op.operationId ?? `${op.method.toUpperCase()} ${op.path}`)}`];
  if (n.key !== op.operationId) parts.push(`handler: ${stringLiteral(n.key)}`);
  parts.push(`method: ${stringLiteral(op.method.toUpperCase())}`, `path: ${stringLiteral(op.path)}`);
  const headers = op.parameters.filter((p) => p.in === 'header');
  if (headers.length) parts.push(`headers: [${headers.map((h) => stringLiteral(h.name.toLowerCase())).join(', ')}]`);
  const params = op.parameters.filter((p) => p.in !== 'cookie');
  if (params.length) {
    const group = (loc: HttpParameter['in']) => {
      const ps = params.filter((p) => p.in === loc);
      const required = ps.filter((p) => p.required).map(paramKey);
      return { type: 'object', properties: Object.fromEntries(ps.map((p) => [paramKey(p), p.schema ?? {}])), ...(required.length ? { required } : {}) };
    };
    parts.push(`params: ${validator('params', `${n.ident}Params`, { type: 'object', properties: { path: group('path'), query: group('query'), headers: group('header') } })}`);
  }
  const media = op.requestBody ? pickRequestMedia(op.requestBody.content) : undefined;
  if (op.requestBody && media) {
    const enc = bodyEncoding(media.mediaType);
    const kind = enc === 'multipart' ? 'binary' : enc;
    const body = [`required: ${op.requestBody.required}`, `kind: ${stringLiteral(kind)}`, `mediaTypes: [${op.requestBody.content.map((m) => stringLiteral(m.mediaType)).join(', ')}]`];
    if ((kind === 'json' || kind === 'form') && media.schema !== undefined) {
      body.push(`validate: ${validator('request', `${n.ident}Body`, media.schema)}`);
    }
    parts.push(`body: { ${body.join(', ')} }`);
  }
  const responses = op.responses.map((r) => {
    const m = pickResponseMedia(r.content);
    const members: string[] = [];
    if (m) members.push(`mediaType: ${stringLiteral(m.mediaType)}`);
    const schema = jsonSchemaOf(m);
    if (options.responseValidators && schema !== undefined) {
      members.push(`validate: ${validator('response', `${n.ident}Response${r.status.replace(/[^A-Za-z0-9]/g, '')}`, schema)}`);
    }
    return `${stringLiteral(r.status)}: { ${members.join(', ')} }`.replace('{  }', '{}');
  });
  if (responses.length) parts.push(`responses: { ${responses.join(', ')} }`);
  if (op.security.length) parts.push(`security: [${op.security.map((req) => `{ ${Object.entries(req).map(([k, scopes]) => `${propertyKey(k)}: [${scopes.map(stringLiteral).join(', ')}]`).join(', ')} }`).join(', ')}]`);
  if (op.idempotencyKey) parts.push(`idempotencyHeader: ${stringLiteral(op.idempotencyKey.name.toLowerCase())}`);
  if (n.accepted) parts.push(`accepted: { statusPath: ${stringLiteral(n.accepted.statusPath)}, idParam: ${stringLiteral(n.accepted.idParam)} }`);
  return `    { ${parts.join(', ')} },`;
}
