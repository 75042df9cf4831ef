/**
 * Telling a contract file from any other YAML or JSON in a folder: by name for
 * sagas and proto, by a top-level `openapi`/`swagger`/`asyncapi` key for the
 * rest, and never for the configuration files of contractkit and the tools
 * around it (which name contracts under nested `openapi:` keys).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ContractSpec } from './types.js';

/** Bytes read first; the kind key is nearly always in them. */
const HEAD_BYTES = 4096;

/** Top-level keys that say what a document is. */
const KIND_KEYS: Record<string, ContractSpec['kind']> = { openapi: 'openapi', swagger: 'openapi', asyncapi: 'asyncapi' };

/** Configuration files by exact name, with the tool they configure. */
const CONFIG_NAMES: Record<string, string> = {
  'contractkit.yaml': 'contractkit',
  'contractkit.yml': 'contractkit',
  'contractkit.json': 'contractkit',
  'buf.yaml': 'buf',
  'buf.lock': 'buf',
  'redocly.yaml': 'Redocly',
  'redocly.yml': 'Redocly',
  '.redocly.yaml': 'Redocly',
  '.redocly.lint-ignore.yaml': 'Redocly',
  '.spectral.yaml': 'Spectral',
  '.spectral.yml': 'Spectral',
  '.spectral.json': 'Spectral',
  'openapitools.json': 'OpenAPI Generator',
  'package.json': 'npm',
  'package-lock.json': 'npm',
  'pnpm-lock.yaml': 'pnpm',
  'pnpm-workspace.yaml': 'pnpm',
  'docker-compose.yaml': 'Docker Compose',
  'docker-compose.yml': 'Docker Compose',
  'compose.yaml': 'Docker Compose',
  'compose.yml': 'Docker Compose',
};

/** Configuration files by name pattern (families such as `buf.gen.yaml`, `.contractkit-ignore.yaml`). */
const CONFIG_PATTERNS: [RegExp, string][] = [
  [/^\.contractkit-.*\.(ya?ml|json)$/, 'contractkit'],
  [/^buf\.[\w-]+\.ya?ml$/, 'buf'],
  [/^\.pre-commit-.*\.ya?ml$/, 'pre-commit'],
  [/^tsconfig(\.[\w-]+)?\.json$/, 'TypeScript'],
];

/**
 * The tool whose configuration `file` is by its name (`contractkit` for
 * `contractkit.yaml`, `buf` for `buf.gen.yaml`), or undefined for any other file.
 */
export function configFileTool(file: string): string | undefined {
  const name = basename(file);
  return CONFIG_NAMES[name] ?? CONFIG_PATTERNS.find(([re]) => re.test(name))?.[1];
}

/**
 * The contract kind of `file`: `saga` for `*.saga.yaml`, `proto` for `.proto`,
 * `graphql` for `.graphql`/`.gql`,
 * else the kind a top-level `openapi`, `swagger` or `asyncapi` key names in a
 * YAML or JSON file. Reads the first bytes, and the whole file only when they
 * do not decide (a key after a long `info`, or key-sorted JSON). Config files
 * ({@link configFileTool}) and files that cannot be read are not contracts.
 */
export function sniffKind(file: string): ContractSpec['kind'] | undefined {
  if (file.endsWith('.saga.yaml') || file.endsWith('.saga.yml')) return 'saga';
  if (extname(file) === '.proto') return 'proto';
  if (['.graphql', '.gql'].includes(extname(file))) return 'graphql';
  if (!['.yaml', '.yml', '.json'].includes(extname(file)) || configFileTool(file)) return undefined;
  try {
    const { text, complete } = readHead(file);
    const kind = topLevelKind(text);
    if (kind || complete) return kind;
    return topLevelKind(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function readHead(file: string): { text: string; complete: boolean } {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return { text: buf.subarray(0, n).toString('utf8'), complete: n < buf.length };
  } finally {
    closeSync(fd);
  }
}

/** The kind named by a top-level key of a YAML (block or flow) or JSON text, which may be cut short. */
export function topLevelKind(text: string): ContractSpec['kind'] | undefined {
  const start = /^(?:\uFEFF)?(?:\s|#[^\n]*|---[^\n]*|%[^\n]*)*/.exec(text)![0].length;
  if (text[start] === '{') return flowTopLevelKind(text, start);
  // block YAML: a top-level key starts at column 0; deeper keys are indented
  const key = /^(["']?)(openapi|swagger|asyncapi)\1[ \t]*:/m.exec(text);
  return key ? KIND_KEYS[key[2]!] : undefined;
}

/**
 * Keys at depth 1 of a JSON object or YAML flow mapping starting at `start`,
 * skipping strings and nested collections.
 */
function flowTopLevelKind(text: string, start: number): ContractSpec['kind'] | undefined {
  let depth = 0;
  let expectKey = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      if (depth === 1 && expectKey) {
        const kind = kindIfKey(text, text.slice(i + 1, end), end + 1);
        if (kind) return kind;
      }
      expectKey = false;
      i = end;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = c === '{' && depth === 1;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return undefined;
    } else if (c === ',') {
      expectKey = depth === 1;
    } else if (depth === 1 && expectKey && /[A-Za-z_]/.test(c)) {
      const word = /^[\w$-]+/.exec(text.slice(i, i + 64))![0];
      const kind = kindIfKey(text, word, i + word.length);
      if (kind) return kind;
      expectKey = false;
      i += word.length - 1;
    } else if (!/\s/.test(c)) {
      expectKey = false;
    }
  }
  return undefined;
}

/** The kind when `key` names one and is followed (after blanks) by a colon at `after`. */
function kindIfKey(text: string, key: string, after: number): ContractSpec['kind'] | undefined {
  const kind = KIND_KEYS[key];
  return kind && /^\s*:/.test(text.slice(after, after + 16)) ? kind : undefined;
}

/** Index of the quote closing the string that opens at `open` (JSON `\` escapes, YAML `''`). */
function stringEnd(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}
