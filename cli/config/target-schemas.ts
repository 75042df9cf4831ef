/**
 * The `generateTarget` definition of schema/contractkit.schema.json, made
 * from the registry: the target names, and for each target its generator's
 * `optionsSchema` under `options:` (an `if target = X then options: …`
 * branch per target, so an editor completes and checks `options:` for the
 * target written beside it). Nothing of it is written by hand: a new
 * generator registered in generators/core/registry.ts appears here by
 * running `npm run schema`, and cli/config/target-schemas.test.ts fails while
 * the committed schema is out of date.
 */
import { GENERATOR_NAMES, loadGenerator, type GeneratorName, type OptionsSchema } from '../../generators/core/registry.js';
import { targetDocsPage } from '../../generators/core/options-error.js';

/** Each registered target with its generator's options schema, in registry order. */
export async function registeredOptionSchemas(): Promise<[GeneratorName, OptionsSchema][]> {
  const out: [GeneratorName, OptionsSchema][] = [];
  for (const name of GENERATOR_NAMES) {
    const generator = await loadGenerator(name);
    if (!generator) throw new Error(`The ${name} generator is not registered.`);
    out.push([name, generator.optionsSchema]);
  }
  return out;
}

/** The JSON Schema of one `generate:` entry, with the options of each target in `targets`. */
export function generateTargetSchema(targets: readonly (readonly [string, OptionsSchema])[]): Record<string, unknown> {
  return {
    description: 'One generation target: the generator, its output directory and its options. Made from the generators\' option schemas (npm run schema); do not edit by hand.',
    type: 'object',
    required: ['target', 'out'],
    additionalProperties: false,
    properties: {
      target: { description: 'Generator name.', enum: targets.map(([name]) => name) },
      out: { description: 'Output directory, relative to this file. Nothing is written outside it.', $ref: '#/definitions/path' },
      // the type is the branches' (every options schema is an object): one error for a non-object, worded by the target
      options: { description: 'Generator options; the keys depend on the target.' },
    },
    allOf: targets.map(([name, schema]) => ({
      if: { properties: { target: { const: name } }, required: ['target'] },
      then: { properties: { options: { description: `Options of the ${name} target (${targetDocsPage(name)}).`, ...schema } } },
    })),
  };
}

/**
 * `schemaText` (the committed schema, as text) with its `definitions.generateTarget`
 * replaced by `generateTarget`; the rest of the file is left as written.
 */
export function withGenerateTarget(schemaText: string, generateTarget: Record<string, unknown>): string {
  const span = definitionSpan(schemaText, 'generateTarget');
  if (!span) throw new Error('schema/contractkit.schema.json has no definitions.generateTarget to replace.');
  const indent = /[^\n]*$/.exec(schemaText.slice(0, span.keyStart))![0];
  const value = formatJson(generateTarget, indent);
  return schemaText.slice(0, span.start) + value + schemaText.slice(span.end);
}

/** Width up to which an object or array is written on one line, as the rest of the schema file is. */
const LINE_WIDTH = 120;

/** JSON in the schema file's hand-written style: a value that fits on a line stays on one (`{ "a": 1, "b": ["x", "y"] }`). */
export function formatJson(value: unknown, indent = ''): string {
  const inline = formatInline(value);
  if (indent.length + inline.length <= LINE_WIDTH || value === null || typeof value !== 'object') return inline;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function formatInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatInline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${formatInline(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/**
 * Where the value of `definitions.<name>` is written in a JSON text: a scan
 * that follows strings and nesting (a key of that name deeper down, or inside
 * a string, is not it).
 */
function definitionSpan(text: string, name: string): { keyStart: number; start: number; end: number } | undefined {
  const path: (string | undefined)[] = [];
  let lastString: { value: string; start: number } | undefined;
  let pendingKey: { value: string; start: number } | undefined;
  let target: { keyStart: number; start: number; depth: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      lastString = { value: JSON.parse(text.slice(start, i + 1)) as string, start };
    } else if (ch === ':') {
      pendingKey = lastString;
    } else if (ch === '{' || ch === '[') {
      if (!target && pendingKey?.value === name && path.length === 2 && path[1] === 'definitions') {
        target = { keyStart: pendingKey.start, start: i, depth: path.length };
      }
      path.push(ch === '{' ? pendingKey?.value : undefined);
      pendingKey = undefined;
    } else if (ch === '}' || ch === ']') {
      path.pop();
      if (target && path.length === target.depth) return { keyStart: target.keyStart, start: target.start, end: i + 1 };
    } else if (ch === ',') {
      pendingKey = undefined;
    }
  }
  return undefined;
}
