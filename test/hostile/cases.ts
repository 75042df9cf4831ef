/**
 * The hostile corpus: contracts, configs and arguments that once crashed a
 * command, blew up its memory, wrote outside the project or produced code that
 * does not compile. Each case names its class (issue 19) and what must happen.
 */
import { aliasBombYaml, asyncapiYaml, deepArrayJson, deepSchemaBlockYaml, deepSchemaJson, openapiJson, openapiYaml, refChainJson, sagaYaml } from './builders.js';

/** The kind of input a case feeds the commands. */
export type CaseKind = 'openapi' | 'asyncapi' | 'saga' | 'config';

/** What a command must do on a case (see {@link HostileCase.expect}). */
export type Outcome = 'usage' | 'works';

/** The commands every case runs. */
export type Command = 'lint' | 'breaking' | 'generate';

/** One hostile input. */
export interface HostileCase {
  id: string;
  /** The issue-19 class it belongs to. */
  class: 'deep-nesting' | 'alias-bomb' | 'outside-writes' | 'recursion' | 'exit-codes' | 'ref-leak' | 'safe-names';
  kind: CaseKind;
  /** Files of the project (the CLI runs in it). */
  files: Record<string, string>;
  /** The contract file commands are given (config cases: none, the config is found). */
  contract?: string;
  /**
   * `usage`: every command exits 2 with a located finding in `at` and writes nothing;
   * `works`: no command fails as unusable input, and generated code type-checks.
   */
  expect: Outcome | Partial<Record<Command, Outcome>>;
  /** Where the located finding must point (`file:line` as printed, a regex over the report). */
  at?: RegExp;
  /** Commands to run instead of lint/breaking/generate on `contract` (`@ROOT@` in an argument: the sandbox). */
  runs?: [Command, string[]][];
  /** Extra environment (`@ROOT@` replaced). */
  env?: Record<string, string>;
  /** Where `generate` writes, relative to the project (default `gen`). */
  genDir?: string;
}

const D = 100; // MAX_NESTING_DEPTH

/** A small valid OpenAPI contract, for the cases about where output goes. */
const API = openapiJson('{"type":"object","properties":{"id":{"type":"string"}}}');

/** Every case of the corpus. */
export const CASES: HostileCase[] = [
  // ---- deep nesting
  { id: 'openapi-json-schema-3000-deep', class: 'deep-nesting', kind: 'openapi', files: { 'api.json': openapiJson(deepSchemaJson(3000)) }, contract: 'api.json', expect: 'usage', at: /api\.json[\s\S]*1:\d+\s+error .*deeper than 100.*load\/too-deep/ },
  { id: 'openapi-json-example-10000-deep', class: 'deep-nesting', kind: 'openapi', files: { 'api.json': openapiJson(`{"type":"array","items":{},"example":${deepArrayJson(10_000)}}`) }, contract: 'api.json', expect: 'usage', at: /1:\d+\s+error .*load\/too-deep/ },
  { id: 'openapi-yaml-block-schema-600-deep', class: 'deep-nesting', kind: 'openapi', files: { 'api.yaml': openapiYaml(deepSchemaBlockYaml(600, 6)) }, contract: 'api.yaml', expect: 'usage', at: /\d+:\d+\s+error .*maxDepth \(100\)/ },
  { id: 'openapi-yaml-flow-schema-3000-deep', class: 'deep-nesting', kind: 'openapi', files: { 'api.yaml': openapiYaml('      ' + deepSchemaJson(3000)) }, contract: 'api.yaml', expect: 'usage', at: /17:\d+\s+error .*maxDepth \(100\)/ },
  {
    id: 'openapi-ref-to-3000-deep-file',
    class: 'deep-nesting',
    kind: 'openapi',
    files: { 'api.yaml': openapiYaml("      $ref: './deep.json'"), 'deep.json': deepSchemaJson(3000) },
    contract: 'api.yaml',
    expect: 'usage',
    at: /deep\.json/,
  },
  { id: 'asyncapi-payload-3000-deep', class: 'deep-nesting', kind: 'asyncapi', files: { 'events.yaml': asyncapiYaml(deepSchemaJson(3000)) }, contract: 'events.yaml', expect: 'usage', at: /8:\d+\s+error .*(deeper than 100|nesting is deeper)/ },
  { id: 'asyncapi-json-10000-deep', class: 'deep-nesting', kind: 'asyncapi', files: { 'events.json': `{"asyncapi":"3.0.0","info":{"title":"t","version":"1"},"x-deep":${deepArrayJson(10_000)}}` }, contract: 'events.json', expect: 'usage', at: /1:\d+\s+error .*deeper than 100/ },
  { id: 'saga-data-3000-deep', class: 'deep-nesting', kind: 'saga', files: { 'deep.saga.yaml': sagaYaml(`data: ${deepSchemaJson(3000)}`) }, contract: 'deep.saga.yaml', expect: 'usage', at: /7:\d+\s+error .*deeper than 100.*load\/too-deep/ },
  { id: 'config-10000-deep', class: 'deep-nesting', kind: 'config', files: { 'contractkit.yaml': `contracts: {}\nx: ${deepArrayJson(10_000)}\n` }, expect: 'usage', at: /contractkit\.yaml[\s\S]*2:\d+\s+error .*deeper than 100/ },
  // at the limit: deep but allowed, every command must work on it
  { id: 'openapi-json-at-the-limit', class: 'deep-nesting', kind: 'openapi', files: { 'api.json': openapiJson(deepSchemaJson((D - 9) >> 1)) }, contract: 'api.json', expect: 'works' },
  { id: 'openapi-ref-chain-3000', class: 'deep-nesting', kind: 'openapi', files: { 'api.json': openapiJson('{"$ref":"#/components/schemas/C0"}', refChainJson(3000)) }, contract: 'api.json', expect: { lint: 'works', generate: 'works', breaking: 'usage' }, at: /api\.json[\s\S]*1:\d+\s+error .*more than 500 schemas deep.*breaking\/too-deep/ },
  // ---- alias bombs
  { id: 'openapi-alias-bomb-in-schema', class: 'alias-bomb', kind: 'openapi', files: { 'api.yaml': openapiYaml('      type: array\n      items: {}\n' + aliasBombYaml(6) + '      example: *bomb\n') }, contract: 'api.yaml', expect: 'usage', at: /\d+:\d+\s+error .*alias bomb.*load\/alias-bomb/ },
  { id: 'openapi-alias-bomb-in-extension', class: 'alias-bomb', kind: 'openapi', files: { 'api.yaml': openapiYaml('      type: string\n') + 'x-bomb:\n' + aliasBombYaml(2) }, contract: 'api.yaml', expect: 'usage', at: /error .*alias bomb/ },
  {
    id: 'openapi-alias-bomb-in-referenced-file',
    class: 'alias-bomb',
    kind: 'openapi',
    files: { 'api.yaml': openapiYaml("      $ref: './bomb.yaml'"), 'bomb.yaml': 'type: array\nitems: {}\n' + aliasBombYaml(0) + 'example: *bomb\n' },
    contract: 'api.yaml',
    expect: 'usage',
    at: /bomb\.yaml/,
  },
  { id: 'asyncapi-alias-bomb', class: 'alias-bomb', kind: 'asyncapi', files: { 'events.yaml': asyncapiYaml('{ type: string }', 'x-bomb:\n' + aliasBombYaml(2)) }, contract: 'events.yaml', expect: 'usage', at: /events\.yaml[\s\S]*\d+:\d+\s+error .*alias bomb/ },
  { id: 'saga-alias-bomb', class: 'alias-bomb', kind: 'saga', files: { 'bomb.saga.yaml': sagaYaml('x-bomb:\n' + aliasBombYaml(2)) }, contract: 'bomb.saga.yaml', expect: 'usage', at: /\d+:\d+\s+error .*alias bomb/ },
  { id: 'config-alias-bomb', class: 'alias-bomb', kind: 'config', files: { 'contractkit.yaml': 'contracts: {}\nx-bomb:\n' + aliasBombYaml(2) }, expect: 'usage', at: /contractkit\.yaml[\s\S]*\d+:\d+\s+error .*alias bomb/ },
  // a few plain aliases are fine
  { id: 'openapi-modest-aliases', class: 'alias-bomb', kind: 'openapi', files: { 'api.yaml': openapiYaml('      type: object\n      x-a: &a { k: v }\n      x-b: [*a, *a, *a]\n') }, contract: 'api.yaml', expect: 'works' },
  // ---- writes outside the project
  ...outsideWrites(),
  // ---- file content leaks: refused before reading, nothing of the file in the report
  ...refLeaks(),
  // ---- wrong exit codes: a generator that cannot produce a faithful result exits 2 and writes nothing
  ...exitCodes(),
  // ---- recursion is legitimate: recursive payloads generate and type-check
  ...recursion(),
  // ---- safe names: odd channel names, message names shadowing globals
  ...safeNames(),
];


function outsideWrites(): HostileCase[] {
  const config = (out: string) => `contracts:\n  api:\n    openapi: api.json\n    generate:\n      - target: rest-client\n        out: ${out}\n`;
  const gen = (...args: string[]): [Command, string[]][] => [['generate', ['generate', 'rest-client', 'api.json', '--no-cache', ...args]]];
  const base = { class: 'outside-writes' as const, kind: 'openapi' as const, contract: 'api.json' };
  return [
    { ...base, id: 'config-out-parent', files: { 'api.json': API, 'contractkit.yaml': config('../escaped') }, runs: [['generate', ['generate', '--no-cache']]], expect: 'usage', at: /contractkit\.yaml[\s\S]*6:\d+\s+error .*outside the project.*config\/out-outside/ },
    { ...base, id: 'config-out-absolute', files: { 'api.json': API, 'contractkit.yaml': config('@ROOT@/abs') }, runs: [['generate', ['generate', '--no-cache']]], expect: 'usage', at: /6:\d+\s+error .*outside the project/ },
    { ...base, id: 'config-out-root', files: { 'api.json': API, 'contractkit.yaml': config('/') }, runs: [['generate', ['generate', '--no-cache', '--allow-outside-out']]], expect: 'usage', at: /6:\d+\s+error .*filesystem root/ },
    { ...base, id: 'arg-out-parent', files: { 'api.json': API }, runs: gen('--out', '../escaped'), expect: 'usage', at: /--out \.\.\/escaped: the output directory .* is outside the project/ },
    { ...base, id: 'arg-out-root', files: { 'api.json': API }, runs: gen('--out', '/', '--allow-outside-out'), expect: 'usage', at: /filesystem root/ },
    { ...base, id: 'arg-out-root-dotdot', files: { 'api.json': API }, runs: gen('--out', '../../../../../../../../../../..', '--allow-outside-out'), expect: 'usage', at: /filesystem root/ },
    { ...base, id: 'arg-out-home', files: { 'api.json': API }, env: { HOME: '@ROOT@' }, runs: gen('--out', '@ROOT@', '--allow-outside-out'), expect: 'usage', at: /home directory/ },
    { ...base, id: 'arg-out-existing-file', files: { 'api.json': API, 'taken.txt': 'mine\n' }, runs: gen('--out', 'taken.txt'), expect: 'usage', at: /taken\.txt is an existing file, not a directory/ },
    { ...base, id: 'arg-out-under-existing-file', files: { 'api.json': API, 'taken.txt': 'mine\n' }, runs: gen('--out', 'taken.txt/gen'), expect: 'usage', at: /taken\.txt is an existing file, not a directory/ },
    { ...base, id: 'arg-out-inside', files: { 'api.json': API }, runs: gen('--out', 'src/../gen'), expect: 'works' },
  ];
}

function refLeaks(): HostileCase[] {
  const base = { class: 'ref-leak' as const, expect: 'usage' as const };
  const schemaRef = (ref: string) => openapiYaml(`      $ref: '${ref}'`);
  return [
    { ...base, id: 'openapi-ref-dotdot-etc-passwd', kind: 'openapi', files: { 'api.yaml': schemaRef('../../../../../../../../etc/passwd') }, contract: 'api.yaml', at: /17:\d+\s+error .*outside the root directory.*load\/ref-outside-root/ },
    { ...base, id: 'openapi-ref-absolute-etc-passwd', kind: 'openapi', files: { 'api.yaml': schemaRef('/etc/passwd') }, contract: 'api.yaml', at: /17:\d+\s+error .*outside the root directory/ },
    { ...base, id: 'openapi-ref-absolute-etc-pointer', kind: 'openapi', files: { 'api.yaml': schemaRef('/etc/hostname#/x') }, contract: 'api.yaml', at: /17:\d+\s+error .*outside the root directory/ },
    { ...base, id: 'asyncapi-ref-etc-passwd', kind: 'asyncapi', files: { 'events.yaml': asyncapiYaml("{ $ref: '../../../../../../../../etc/passwd' }") }, contract: 'events.yaml', at: /8:\d+\s+error .*outside the repository refused/ },
    {
      ...base,
      id: 'saga-contract-etc-passwd',
      kind: 'saga',
      files: { 'leak.saga.yaml': sagaYaml('contracts:\n  orders: ../../../../../../../../etc/passwd') },
      contract: 'leak.saga.yaml',
      at: /8:\d+\s+error .*outside the project.*load\/ref-outside-root/,
    },
    { ...base, id: 'config-contract-etc-passwd', kind: 'config', files: { 'contractkit.yaml': 'contracts:\n  api:\n    openapi: ../../../../../../../../etc/passwd\n' }, at: /contractkit\.yaml[\s\S]*3:\d+\s+error .*outside the project.*config\/contract-outside/ },
  ];
}

function exitCodes(): HostileCase[] {
  const base = { class: 'exit-codes' as const, expect: 'usage' as const };
  const gen = (target: string, contract: string): [Command, string[]][] => [['generate', ['generate', target, contract, '--out', 'gen', '--no-cache']]];
  const head = 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\n';
  return [
    { ...base, id: 'rest-client-no-operations', kind: 'openapi', files: { 'api.yaml': head + 'paths: {}\n' }, runs: gen('rest-client', 'api.yaml'), at: /3:\d+\s+error .*nothing to generate.*rest-client\/unusable/ },
    { ...base, id: 'rest-client-no-paths', kind: 'openapi', files: { 'api.yaml': head }, runs: gen('rest-client', 'api.yaml'), at: /1:1\s+error .*nothing to generate/ },
    { ...base, id: 'rest-client-paths-a-number', kind: 'openapi', files: { 'api.yaml': head + 'paths: 5\n' }, runs: gen('rest-client', 'api.yaml'), at: /3:\d+\s+error .*`paths` is not an object/ },
    { ...base, id: 'rest-client-operation-a-number', kind: 'openapi', files: { 'api.yaml': head + 'paths:\n  /a:\n    get: 7\n' }, runs: gen('rest-client', 'api.yaml'), at: /5:\d+\s+error .*GET operation of \/a is not an object/ },
    // structurally invalid schemas and parameters (Redocly's `struct` rule): the client would silently drop or mistype them
    ...[
      ['rest-client-schema-type-misspelt', '      type: strin\n', /17:\d+\s+error .*struct/],
      ['rest-client-schema-properties-a-number', '      type: object\n      properties: 5\n', /18:\d+\s+error .*struct/],
      ['rest-client-schema-required-a-string', '      type: object\n      properties: { x: { type: string } }\n      required: "x"\n', /19:\d+\s+error .*struct/],
      ['rest-client-schema-items-a-string', '      type: array\n      items: string\n', /18:\d+\s+error .*struct/],
    ].map(([id, body, at]) => ({ ...base, id: id as string, kind: 'openapi' as const, files: { 'api.yaml': openapiYaml(body as string) }, runs: gen('rest-client', 'api.yaml'), at: at as RegExp })),
    // a property the specification does not define is only a lint finding: the client stays faithful
    { ...base, expect: 'works' as const, id: 'rest-client-schema-unknown-keyword', kind: 'openapi', files: { 'api.yaml': openapiYaml('      type: string\n      const: x\n      x-ok: 1\n') }, runs: gen('rest-client', 'api.yaml') },
    {
      ...base,
      id: 'rest-client-parameter-unknown-in',
      kind: 'openapi',
      files: { 'api.yaml': head + 'paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - { name: q, in: body, schema: { type: string } }\n      responses:\n        "200": { description: ok }\n' },
      runs: gen('rest-client', 'api.yaml'),
      at: /8:\d+\s+error .*struct/,
    },
    {
      ...base,
      id: 'grpc-no-package',
      kind: 'openapi',
      files: { 'proto/echo.proto': 'syntax = "proto3";\nmessage Ping { string id = 1; }\nservice Echo { rpc Call(Ping) returns (Ping); }\n' },
      runs: gen('grpc', 'proto'),
      at: /echo\.proto[\s\S]*1:1\s+error .*declares no package.*grpc\/missing-package/,
    },
    {
      ...base,
      id: 'grpc-one-file-without-package',
      kind: 'openapi',
      files: { 'proto/a/v1/a.proto': 'syntax = "proto3";\npackage a.v1;\nmessage A { string id = 1; }\n', 'proto/b.proto': 'syntax = "proto3";\nmessage B { string id = 1; }\n' },
      runs: gen('grpc', 'proto'),
      at: /b\.proto[\s\S]*1:1\s+error .*declares no package/,
    },
  ];
}

function recursion(): HostileCase[] {
  const base = { class: 'recursion' as const, kind: 'asyncapi' as const, expect: 'works' as const, contract: 'events.yaml' };
  const self = "\ncomponents:\n  schemas:\n    Self:\n      type: object\n      properties:\n        name: { type: string }\n        child: { $ref: '#/components/schemas/Self' }\n";
  const tree = "\ncomponents:\n  schemas:\n    Tree:\n      type: object\n      properties:\n        kids: { type: array, items: { $ref: '#/components/schemas/Tree' } }\n";
  return [
    { ...base, id: 'asyncapi-3-payload-refers-to-itself', files: { 'events.yaml': asyncapiYaml("{ $ref: '#/components/schemas/Self' }", self) } },
    { ...base, id: 'asyncapi-3-payload-recursive-through-array', files: { 'events.yaml': asyncapiYaml("{ $ref: '#/components/schemas/Tree' }", tree) } },
    {
      ...base,
      id: 'asyncapi-2.6-payload-refers-to-itself',
      files: { 'events.yaml': "asyncapi: 2.6.0\ninfo: { title: t, version: '1.0.0' }\nchannels:\n  things:\n    publish:\n      message:\n        payload: { $ref: '#/components/schemas/Self' }" + self },
    },
  ];
}

function safeNames(): HostileCase[] {
  const base = { class: 'safe-names' as const, expect: 'works' as const };
  // AsyncAPI 2.6 requires channel names to be URI templates: these are valid ones that are hostile to TypeScript text
  const odd = ['${injected}', 'end*/comment', 'orders.{id}', 'x%22y%60z', 'a~b', 'ünï-cödé', '${a}${b}'];
  const channels26 = odd.map((name, i) => `  ${JSON.stringify(`${name}/${i}`)}:\n    publish:\n      message:\n        name: "m${i}"\n        payload: { type: object, properties: { id: { type: string } } }\n`).join('');
  const globals = ['Promise', 'Object', 'Array', 'Map', 'Error', 'Date', 'Record', 'String', 'Uint8Array', 'Partial', 'Set', 'JSON'];
  const proto = `syntax = "proto3";\npackage shadow.v1;\n${globals.map((g) => `message ${g} { string id = 1; }`).join('\n')}\nservice Shadow {\n${globals.map((g) => `  rpc Get${g}(${g}) returns (${g});`).join('\n')}\n}\n`;
  return [
    { ...base, id: 'asyncapi-2.6-odd-channel-names', kind: 'asyncapi', contract: 'events.yaml', files: { 'events.yaml': "asyncapi: 2.6.0\ninfo: { title: t, version: '1.0.0' }\nchannels:\n" + channels26 } },
    {
      ...base,
      id: 'asyncapi-3-odd-channel-addresses-and-ids',
      kind: 'asyncapi',
      contract: 'events.yaml',
      files: {
        'events.yaml':
          "asyncapi: 3.0.0\ninfo: { title: t, version: '1.0.0' }\nchannels:\n" +
          ["it's", 'back`tick', 'quote"d', 'real\nnewline', 'end*/', 'back\\slash'].map((a, i) => `  c${i}:\n    address: ${JSON.stringify(`${a}.{id}`)}\n    parameters: { id: {} }\n    messages:\n      m${i}: { name: "ev${i}", payload: { type: object } }\n`).join('') +
          'operations:\n' +
          [0, 1, 2, 3, 4, 5].map((i) => `  "op ${i} */":\n    action: ${i % 2 ? 'send' : 'receive'}\n    channel: { $ref: '#/channels/c${i}' }\n`).join(''),
      },
    },
    {
      ...base,
      id: 'proto-messages-named-like-globals',
      kind: 'openapi',
      files: { 'proto/shadow/v1/shadow.proto': proto },
      runs: [['generate', ['generate', 'grpc', 'proto', '--out', 'gen', '--no-cache']]],
    },
    {
      ...base,
      id: 'openapi-schemas-named-like-globals-and-runtime',
      kind: 'openapi',
      contract: 'api.json',
      files: {
        'api.json': openapiJson(
          '{"$ref":"#/components/schemas/Promise"}',
          ['Promise', 'Object', 'Array', 'Map', 'Error', 'Date', 'Record', 'createClient', 'ClientOptions', 'fetch', 'Response', 'Request'].map((n) => `,"${n}":{"type":"object","properties":{"id":{"type":"string"}}}`).join(''),
        ),
      },
    },
  ];
}
