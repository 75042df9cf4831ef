/**
 * Prints the client module: per operation its `Args`, `Result` and `Error`
 * types and a standalone function (tree-shakable), plus the
 * `create<Api>Client(options)` factory grouping them by tag.
 */
import type { HttpMediaType, JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import type { CompletionRule } from '../../runtime/src/http/completion.js';
import { acceptedFinal } from './accepted-final.js';
import { createOpExtras } from './op-extras.js';
import { DEFAULT_OPTIONS, type RestClientOptions } from './options.js';
import { camelCase, createNameScope, docComment, pascalCase, propertyKey, stringLiteral } from '../core/names.js';
import { renderTemplate } from '../core/templates.js';
import { createTsFile, type TsFile } from '../core/ts-file.js';
import type { GeneratedFile } from '../core/registry.js';
import { responseValueKind } from './media-types.js';
import { operationView, type OperationView } from './operation-view.js';
import type { ComponentTypes } from '../core/schema-ts/declare-components.js';
import type { Scope } from '../core/schema-ts/naming.js';

const RUNTIME = '@contractkit/runtime/http';

interface Named {
  view: OperationView;
  fn: string;
  allFn?: string;
  args: string;
  result: string;
  error: string;
  item?: string;
  /** 202 operations whose status resource is known: the name and schema of the final result. */
  final?: { name: string; schema: JsonSchema };
  /** 202 operations: how the polls end, when the contract says. */
  completion?: CompletionRule;
  namespace: string;
  member: string;
}

/** Names every operation and prints `client.ts`. */
export function emitClient(contract: OpenApiContract, schemas: ComponentTypes, scope: Scope, options: RestClientOptions = DEFAULT_OPTIONS): GeneratedFile[] {
  const file = createTsFile('client.ts');
  const extras = createOpExtras(contract, options, file, scope);
  const factory = scope.claim(`create${pascalCase(contract.title || contract.name)}Client`);
  file.declare(factory);
  const groupsName = file.declare(scope.claim('operationGroups'));
  const namespaces = new Map<string, { key: string; members: ReturnType<typeof createNameScope>; ops: Named[] }>();
  const nsScope = createNameScope(['client']);
  const named: Named[] = contract.operations.map((op) => {
    const view = operationView(op, schemas);
    const base = op.operationId ?? `${op.method} ${op.path.replace(/[{}]/g, ' ')}`;
    const fn = file.declare(scope.claim(camelCase(base)));
    const tag = op.tags[0] ?? 'default';
    let ns = namespaces.get(tag);
    if (!ns) namespaces.set(tag, (ns = { key: nsScope.claim(camelCase(tag)), members: createNameScope(), ops: [] }));
    const type = pascalCase(base);
    const n: Named = {
      view,
      fn,
      args: file.declare(scope.claim(`${type}Args`)),
      result: file.declare(scope.claim(`${type}Result`)),
      error: file.declare(scope.claim(`${type}Error`)),
      namespace: ns.key,
      member: ns.members.claim(camelCase(base)),
    };
    if (view.kind === 'accepted') {
      const final = acceptedFinal(contract, op, options.completion);
      if (final.schema !== undefined) n.final = { name: file.declare(scope.claim(`${type}Final`)), schema: final.schema };
      if (final.completion) n.completion = final.completion;
    }
    if (view.pagination) {
      n.allFn = file.declare(scope.claim(`${fn}All`));
      n.item = file.declare(scope.claim(`${type}Item`));
    }
    ns.ops.push(n);
    return n;
  });

  const ref = (name: string) => file.importType(name, './types.js');
  for (const n of named) printOperation(file, n, schemas, ref, extras.of(n.fn, n.view, n.final?.schema));
  printFactory(file, contract, factory, groupsName, [...namespaces.entries()], options.target === 'js+dts' ? file.declare(scope.claim('ClientOperationGroups')) : undefined);
  extras.finish();
  return [file.toGeneratedFile(), ...extras.files()];
}

function mediaType(media: HttpMediaType | undefined, schemas: ComponentTypes, ref: (n: string) => string, dir: 'read' | 'write'): string {
  if (!media) return 'void';
  const m = media.mediaType.toLowerCase();
  if (m === 'text/event-stream') return media.schema === undefined ? 'string' : schemas.typeOf(media.schema, dir, ref);
  const kind = responseValueKind(media.mediaType);
  if (kind === 'json') return schemas.typeOf(media.schema, dir, ref);
  if (kind === 'text') return 'string';
  return 'Blob';
}

function unionOf(types: string[], empty: string): string {
  const unique = [...new Set(types)];
  if (unique.length === 0) return empty;
  if (unique.includes('unknown')) return 'unknown';
  return unique.map((t) => (/[|&]/.test(t) && !t.startsWith('{') ? `(${t})` : t)).join(' | ');
}

function printOperation(file: TsFile, n: Named, schemas: ComponentTypes, ref: (n: string) => string, typedExtras: string[]): void {
  const { view } = n;
  const { op } = view;
  const members: string[] = [];
  for (const g of view.groups) {
    const props = g.params.map((p) => {
      const doc = docComment([p.description?.trim(), p.deprecated ? '@deprecated' : undefined], '    ');
      return `${doc}    ${propertyKey(p.name)}${p.required ? '' : '?'}: ${schemas.typeOf(p.schema, 'write', ref).replace(/\n/g, '\n    ')};`;
    });
    members.push(`  ${g.key}${g.required ? '' : '?'}: {\n${props.join('\n')}\n  };`);
  }
  if (view.body) {
    const t = view.body.encoding === 'binary' ? 'Blob | ArrayBuffer | Uint8Array | string' : mediaType(view.body.media, schemas, ref, 'write');
    members.push(`${docComment([op.requestBody?.description?.trim()], '  ')}  body${view.body.required ? '' : '?'}: ${t.replace(/\n/g, '\n  ')};`);
  }
  const argsInterface = members.length > 0;
  const argsType = argsInterface ? `{\n${members.join('\n')}\n}` : 'Record<string, never>';
  const argsOptional = !view.groups.some((g) => g.required) && !view.body?.required;
  const result = unionOf(view.success.map((m) => mediaType(m, schemas, ref, 'read')), 'void');
  const error = unionOf(view.errors.map((m) => mediaType(m, schemas, ref, 'read')).filter((t) => t !== 'void'), 'unknown');

  const client = file.importType('HttpClient', RUNTIME);
  const callOptions = file.importType('CallOptions', RUNTIME);
  const problem = file.importType('HttpProblemError', RUNTIME);
  // the operation as data (method, path and a flat literal of extras): the runtime assembles the request from it and `args`
  const opArgs = (extra: string[] = []) => {
    const parts: string[] = [];
    if (view.body) parts.push(`body: ${stringLiteral(view.body.encoding)}`, `mediaType: ${stringLiteral(view.body.media.mediaType)}`);
    if (view.idempotencyHeader) parts.push(`idempotencyHeader: ${stringLiteral(view.idempotencyHeader)}`);
    parts.push(...extra, ...typedExtras);
    return `${stringLiteral(op.method.toUpperCase())}, ${stringLiteral(op.path)}, args, options${parts.length ? `, { ${parts.join(', ')} }` : ''}`;
  };
  let returns: string;
  let call: string;
  const extra: string[] = [];
  if (view.kind === 'accepted') {
    const typeArgs = n.final ? `${n.result}, ${n.final.name}` : n.result;
    if (n.completion) extra.push(`completion: ${completionLiteral(n.completion)}`);
    returns = `Promise<${file.importType('AcceptedHandle', RUNTIME)}<${typeArgs}>>`;
    call = `${file.importValue('callAccepted', RUNTIME)}<${typeArgs}>`;
  } else if (view.kind === 'sse') {
    returns = `AsyncGenerator<${file.importType('ServerSentEvent', RUNTIME)}<${n.result}>, void, undefined>`;
    call = `${file.importValue('streamOperation', RUNTIME)}<${n.result}>`;
    if (n.result === 'string') extra.push('text: true');
  } else {
    returns = `Promise<${n.result}>`;
    call = `${file.importValue('callOperation', RUNTIME)}<${n.result}>`;
  }
  const doc = docComment([
    op.summary?.trim(),
    op.description !== op.summary ? op.description?.trim() : undefined,
    `\`${op.method.toUpperCase()} ${op.path}\``,
    op.deprecated ? '@deprecated' : undefined,
    `@throws {${problem}<${n.error}>} on an error status; HttpTimeoutError, CircuitOpenError on transport failures.`,
  ]);
  const pg = view.pagination;
  const view_ = {
    jsdoc: doc,
    args: n.args,
    argsInterface,
    argsType,
    argsOptional,
    result: n.result,
    resultType: result,
    error: n.error,
    errorType: error,
    final: n.final ? { name: n.final.name, type: schemas.typeOf(n.final.schema, 'read', ref) } : undefined,
    fn: n.fn,
    client,
    callOptions,
    returns,
    call,
    callArgs: opArgs(extra),
    all:
      n.allFn && pg
        ? {
            fn: n.allFn,
            item: n.item,
            itemType: schemas.typeOf(pg.itemSchema, 'read', ref),
            paginate: file.importValue('paginateOperation', RUNTIME),
            callArgs: opArgs((['cursorParam', 'offsetParam', 'pageParam', 'limitParam', 'itemsKey'] as const).flatMap((k) => (pg[k] !== undefined ? [`${k}: ${stringLiteral(pg[k])}`] : []))),
          }
        : undefined,
  };
  file.print(renderTemplate('rest-client', 'operation', view_));
}

/** A completion rule as a literal (strings through the safe literal helper). */
function completionLiteral(spec: CompletionRule): string {
  if (typeof spec === 'string') return stringLiteral(spec);
  const value = (v: string | boolean) => (typeof v === 'string' ? stringLiteral(v) : String(v));
  const parts = [`field: ${stringLiteral(spec.field)}`, `done: [${spec.done.map(value).join(', ')}]`];
  if (spec.failed) parts.push(`failed: [${spec.failed.map(value).join(', ')}]`);
  if (spec.result !== undefined) parts.push(`result: ${stringLiteral(spec.result)}`);
  if (spec.error !== undefined) parts.push(`error: ${stringLiteral(spec.error)}`);
  return `{ ${parts.join(', ')} }`;
}

/** The first server's URL with its variables' defaults filled in. */
function serverUrl(contract: OpenApiContract): string | undefined {
  const first = contract.servers[0];
  if (!first) return undefined;
  return first.url.replace(/\{([^}]+)\}/g, (m, name: string) => first.variables?.[name]?.default ?? m);
}

/**
 * Prints the grouped factory. With `groupsType` (the `js+dts` target) the groups and the factory get explicit
 * types, so each file's declarations can be emitted on their own (TypeScript's isolated declarations).
 */
function printFactory(file: TsFile, contract: OpenApiContract, factory: string, groupsName: string, namespaces: [string, { key: string; ops: Named[] }][], groupsType?: string): void {
  const options = file.importType('HttpClientOptions', RUNTIME);
  const create = file.importValue('createHttpClient', RUNTIME);
  const bind = file.importValue('bindOperations', RUNTIME);
  const url = serverUrl(contract);
  const tags = new Map<string, string>();
  for (const t of contract.tags) if (t.description !== undefined) tags.set(t.name, t.description);
  const groups = namespaces.map(([tag, ns]) => ({
    jsdoc: docComment([tags.get(tag)?.trim()], '  '),
    prop: ns.key,
    ops: ns.ops.map((n) => ({
      jsdoc: docComment([n.view.op.summary?.trim(), n.allFn ? '`.all(args)` iterates every item of every page.' : undefined, n.view.op.deprecated ? '@deprecated' : undefined], '    '),
      prop: n.member,
      fn: n.fn,
      allFn: n.allFn,
    })),
  }));
  file.print(
    renderTemplate('rest-client', 'factory', {
      jsdoc: docComment([`A client of ${contract.title || contract.name}${contract.apiVersion ? ` ${contract.apiVersion}` : ''}, its operations grouped by tag.`, 'Options: baseUrl, auth, timeoutMs, retry, circuitBreaker, middleware, headers, fetch (see @contractkit/runtime/http).']),
      factory,
      groupsName,
      optionsType: url === undefined ? options : `Omit<${options}, 'baseUrl'> & { baseUrl?: string }`,
      optionsDefault: url === undefined ? '' : ' = {}',
      create,
      bind,
      baseUrl: url === undefined ? 'options.baseUrl' : `options.baseUrl ?? ${stringLiteral(url)}`,
      groups,
      groupsType,
      returnType: groupsType ? `${file.importType('BoundGroups', RUNTIME)}<${groupsType}> & { client: ${file.importType('HttpClient', RUNTIME)} }` : undefined,
    }),
  );
}
