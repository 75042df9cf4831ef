/**
 * Test support: builds the hostile corpus's large fixtures by code (a
 * 10,000-deep array is 20 kB of brackets, not a file to review), plus the small
 * contracts the cases wrap them in.
 */

/** `depth` object schemas nested through `properties.p`, as JSON text. */
export function deepSchemaJson(depth: number): string {
  return '{"type":"object","properties":{"p":'.repeat(depth) + '{"type":"string"}' + '}}'.repeat(depth);
}

/** `depth` arrays nested in each other, as JSON text. */
export function deepArrayJson(depth: number): string {
  return '['.repeat(depth) + '0' + ']'.repeat(depth);
}

/** `depth` object schemas nested through `properties.p` in YAML block style, indented from `indent`. */
export function deepSchemaBlockYaml(depth: number, indent: number): string {
  let out = '';
  for (let i = 0; i < depth; i++) {
    const pad = ' '.repeat(indent + 4 * i);
    out += `${pad}type: object\n${pad}properties:\n${pad}  p:\n`;
  }
  return out + ' '.repeat(indent + 4 * depth) + 'type: string\n';
}

/**
 * A YAML "billion laughs" alias bomb as block-mapping entries at `indent`:
 * `levels` anchors, each a list of `width` aliases of the one before
 * (width^levels nodes once expanded). The last anchor is `bomb`.
 */
export function aliasBombYaml(indent: number, levels = 9, width = 9): string {
  const pad = ' '.repeat(indent);
  let out = `${pad}x-l0: &l0 [${Array(width).fill('"lol"').join(', ')}]\n`;
  for (let i = 1; i < levels; i++) out += `${pad}x-l${i}: &${i === levels - 1 ? 'bomb' : `l${i}`} [${Array(width).fill(`*l${i - 1}`).join(', ')}]\n`;
  return out;
}

/** An OpenAPI 3.0 JSON document whose one operation returns `schemaJson`. */
export function openapiJson(schemaJson: string, extraComponents = ''): string {
  return (
    '{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"operationId":"getA","responses":{"200":{"description":"ok",' +
    '"content":{"application/json":{"schema":{"$ref":"#/components/schemas/D"}}}}}}}},"components":{"schemas":{"D":' +
    schemaJson +
    extraComponents +
    '}}}'
  );
}

/** An OpenAPI 3.0 YAML document whose one operation returns schema `D`; `schemaBody` is D's block (indented 6). */
export function openapiYaml(schemaBody: string): string {
  return [
    'openapi: 3.0.3',
    'info: { title: t, version: "1" }',
    'paths:',
    '  /a:',
    '    get:',
    '      operationId: getA',
    '      responses:',
    "        '200':",
    '          description: ok',
    '          content:',
    '            application/json:',
    '              schema:',
    "                $ref: '#/components/schemas/D'",
    'components:',
    '  schemas:',
    '    D:',
    schemaBody,
  ].join('\n');
}

/** `count` component schemas, each holding the next through a `$ref` (shallow text, deep once resolved), as JSON members. */
export function refChainJson(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += `,"C${i}":{"type":"object","properties":{"next":${i + 1 < count ? `{"$ref":"#/components/schemas/C${i + 1}"}` : '{"type":"string"}'}}}`;
  }
  return out;
}

/** An AsyncAPI 3.0 YAML document with one channel whose message payload is `payloadYaml` (a flow value). */
export function asyncapiYaml(payloadYaml: string, extra = ''): string {
  return [
    'asyncapi: 3.0.0',
    'info: { title: t, version: "1.0.0" }',
    'channels:',
    '  things:',
    '    address: things',
    '    messages:',
    '      thing:',
    `        payload: ${payloadYaml}`,
    'operations:',
    '  sendThing:',
    '    action: send',
    "    channel: { $ref: '#/channels/things' }",
    extra,
  ].join('\n');
}

/** A saga definition with one local step; `extra` is appended at the top level. */
export function sagaYaml(extra = ''): string {
  return ['saga: hostile', 'version: 1', 'steps:', '  - name: only', '    call: { local: only }', '    pivot: true', extra].join('\n');
}
