/**
 * Parsing one OpenAPI source text: JSON through `JSON.parse` (fast, the 13 MB
 * GitHub description parses in well under a second), YAML through Redocly's
 * own YAML parser so values match what its lint engine sees.
 */
import { parseYaml } from '@redocly/openapi-core';

/** Where and why a source failed to parse (1-based line and column). */
export interface ParseFailure {
  format: 'json' | 'yaml';
  message: string;
  line: number;
  column: number;
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
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      if (/\.json$/i.test(file)) return { ok: false, failure: jsonFailure(text, error as Error) };
    }
  }
  try {
    return { ok: true, value: parseYaml(text, { filename: file }) };
  } catch (error) {
    return { ok: false, failure: yamlFailure(error as YamlException) };
  }
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
