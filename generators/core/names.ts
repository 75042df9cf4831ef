/**
 * Safe names and literals for generated TypeScript. Every identifier, string
 * literal and doc comment a generator emits goes through these, so generated
 * code compiles whatever names, descriptions and strings a contract holds
 * (reserved words, quotes, `*\/`, unicode, names that differ only in case).
 */

/** Words that cannot be identifiers (or are confusing as such) in TypeScript. */
export const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private ' +
    'protected public static yield any boolean constructor declare get module require number set string symbol type from of await async ' +
    'undefined never unknown object bigint keyof readonly infer is asserts satisfies accessor arguments eval NaN Infinity'
  ).split(' '),
);

/**
 * Global types and values generated code refers to by name (`Promise<T>`,
 * `AsyncIterable<T>`, `Record<K, V>`…). A contract may name a message or schema
 * after any of them (a proto `message Promise`): a generator reserves these in
 * each file (`TsFile.declare`), so an import of such a name is aliased and the
 * global stays reachable.
 */
export const GENERATED_CODE_GLOBALS: readonly string[] = [
  'Promise', 'AsyncIterable', 'AsyncIterator', 'Iterable', 'Array', 'ReadonlyArray', 'Record', 'Partial', 'Readonly', 'Required', 'Pick', 'Omit',
  'Object', 'Error', 'Date', 'Map', 'Set', 'Uint8Array', 'JSON', 'String', 'Number', 'Boolean', 'BigInt', 'Symbol', 'AbortSignal',
];

/** Splits a name into words: `getOrderById`, `get-order_by id`, `HTTPServer2` → words. */
export function words(name: string): string[] {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .match(/[A-Za-z0-9]+/g) ?? []
  );
}

/** `PascalCase` identifier from any string; never empty, never starts with a digit, never reserved. */
export function pascalCase(name: string): string {
  const w = words(name).map((x) => x.charAt(0).toUpperCase() + x.slice(1));
  return guard(w.join('') || 'Unnamed');
}

/** `camelCase` identifier from any string; never empty, never starts with a digit, never reserved. */
export function camelCase(name: string): string {
  const p = words(name)
    .map((x, i) => (i === 0 ? (x === x.toUpperCase() ? x.toLowerCase() : x.charAt(0).toLowerCase() + x.slice(1)) : x.charAt(0).toUpperCase() + x.slice(1)))
    .join('');
  return guard(p || 'unnamed');
}

function guard(id: string): string {
  if (/^[0-9]/.test(id)) id = '_' + id;
  return RESERVED_WORDS.has(id) ? id + '_' : id;
}

/** True when `name` can be written as a bare property key / identifier. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A property key: bare when it is an identifier, else a quoted string literal. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** A single-quoted TypeScript string literal of any text (escapes quotes, backslashes, line terminators, control characters). */
export function stringLiteral(text: string): string {
  return (
    "'" +
    text.replace(/[\\'\u0000-\u001f\u2028\u2029\u007f]/g, (c) => {
      if (c === '\\') return '\\\\';
      if (c === "'") return "\\'";
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    }) +
    "'"
  );
}

/** A JSDoc block (`/** ... *\/`) with `indent`, or '' when there is nothing to say. `*\/` in the text cannot end the comment. */
export function docComment(lines: readonly (string | undefined)[], indent = ''): string {
  const joined = lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '').join('\n');
  if (joined === '') return '';
  const body = joined
    .replace(/\*\//g, '*\\/')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ' ' + l : ''}`).join('\n')}\n${indent} */\n`;
}

/**
 * Hands out unique names within one scope: a second `Order` becomes `Order2`;
 * names differing only in case are kept apart too, because file systems and
 * some consumers fold case.
 */
export function createNameScope(taken: Iterable<string> = []) {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toLowerCase());
  return {
    /** A unique version of `base`. */
    claim(base: string): string {
      let name = base;
      for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}${i}`;
      used.add(name.toLowerCase());
      return name;
    },
  };
}
