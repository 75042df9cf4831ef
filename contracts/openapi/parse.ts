/**
 * Parsing one OpenAPI source text: JSON through `JSON.parse` (fast, the 13 MB
 * GitHub description parses in well under a second), YAML through Redocly's
 * own YAML parser so values match what its lint engine sees.
 */
import { parseYaml } from '@redocly/openapi-core';
import { findTooDeep, tooDeepMessage } from '../source/depth.js';
import { locateJsonPointer } from '../source/json-locate.js';
import { checkYamlAliases } from '../source/yaml-limits.js';

/** Where and why a source failed to parse (1-based line and column). */
export interface ParseFailure {
  format: 'json' | 'yaml';
  message: string;
  line: number;
  column: number;
  /** Set when the text parsed but crosses a documented limit (nesting depth, alias expansion). */
  limit?: { ruleId: 'load/too-deep' | 'load/alias-bomb'; hint: string };
}

/** Outcome of {@link parseSource}: the value, or where parsing failed. */
export type ParseResult = { ok: true; value: unknown } | { ok: false; failure: ParseFailure };

/** True when the file should be read as JSON: a `.json` name, or a body that opens with `{`/`[` (checked by the caller). */
export function looksLikeJson(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/**
 * Parses `text` as JSON or YAML. A `.json` file that is not valid JSON fails
 * as JSON; a YAML-named file that merely starts with `{` falls back to YAML.
 */
export function parseSource(file: string, text: string): ParseResult {
  if (looksLikeJson(file, text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (/\.json$/i.test(file)) return { ok: false, failure: jsonFailure(text, error as Error) };
    }
    // JSON.parse takes any depth: bound it before a recursive walker sees the value
    if (value !== undefined) return tooDeepJson(text, value) ?? { ok: true, value };
  }
  // js-yaml shares one object per anchor; the expansion is counted before anything walks it
  const bomb = checkYamlAliases(text);
  if (bomb) return { ok: false, failure: { format: 'yaml', message: bomb.message, line: bomb.line, column: bomb.column, limit: { ruleId: 'load/alias-bomb', hint: bomb.hint } } };
  let value: unknown;
  try {
    // js-yaml stops at its own maxDepth (100, the same as MAX_NESTING_DEPTH) with a located error
    value = parseYaml(text, { filename: file });
  } catch (error) {
    return { ok: false, failure: yamlFailure(error as YamlException) };
  }
  const deep = findTooDeep(value);
  if (deep) return { ok: false, failure: { format: 'yaml', ...tooDeepMessage(), line: 1, column: 1, limit: { ruleId: 'load/too-deep', hint: tooDeepMessage().hint } } };
  return { ok: true, value };
}

/** A too-deep failure at the first node past the limit, or undefined when `value` is within it. */
function tooDeepJson(text: string, value: unknown): ParseResult | undefined {
  const path = findTooDeep(value);
  if (!path) return undefined;
  const range = locateJsonPointer(text, path);
  const { line, column } = offsetToLineColumn(text, range?.start ?? 0);
  const { message, hint } = tooDeepMessage();
  return { ok: false, failure: { format: 'json', message, line, column, limit: { ruleId: 'load/too-deep', hint } } };
}

interface YamlException extends Error {
  reason?: string;
  mark?: { line: number; column: number };
}

function yamlFailure(error: YamlException): ParseFailure {
  const line = (error.mark?.line ?? 0) + 1;
  const column = (error.mark?.column ?? 0) + 1;
  const message = error.reason ?? error.message.split('\n')[0]!;
  return { format: 'yaml', message, line, column };
}

/** Turns V8's `… in JSON at position N` (or `Unexpected end of JSON input`) into line and column. */
function jsonFailure(text: string, error: Error): ParseFailure {
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(error.message);
  let line = 1;
  let column = 1;
  if (lineCol) {
    line = Number(lineCol[1]);
    column = Number(lineCol[2]);
  } else {
    const position = /at position (\d+)/.exec(error.message);
    const offset = position ? Number(position[1]) : text.length;
    ({ line, column } = offsetToLineColumn(text, offset));
  }
  // Keep V8's wording but drop the position suffix: we report line:column instead.
  const message = error.message.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '');
  return { format: 'json', message, line, column };
}

function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
