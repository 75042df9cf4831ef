/**
 * Reads a YAML or JSON contract file into plain data, turning an unreadable
 * file or a syntax error into one located Finding. Shared by the AsyncAPI and
 * saga loaders (it could move to `contracts/source/` if others want it).
 */
import { readFile } from 'node:fs/promises';
import { parseDocument, LineCounter } from 'yaml';
import type { ContractKind, Finding } from '../finding.js';
import { offsetToLineColumn, setSourceText } from '../source/positions.js';
import { findYamlLimitProblem, MAX_ALIAS_COUNT, parserMessage } from '../source/yaml-limits.js';
import { findTooDeep, tooDeepMessage } from '../source/depth.js';
import { locateJsonPointer } from '../source/json-locate.js';

/** What {@link readYamlFile} returns: the data, or the findings explaining why there is none. */
export interface YamlFileResult {
  /** The parsed document (undefined when unreadable or not valid YAML). */
  data?: unknown;
  text?: string;
  findings: Finding[];
}

/**
 * Reads `file` and parses it as YAML 1.2 (JSON is valid YAML). Registers the
 * text with the positions cache so later findings resolve without a re-read.
 */
export async function readYamlFile(file: string, kind: Exclude<ContractKind, 'config'>): Promise<YamlFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      findings: [
        {
          ruleId: 'load/unreadable',
          severity: 'error',
          kind,
          file,
          line: 1,
          column: 1,
          message: code === 'ENOENT' ? `File not found: ${file}` : `Cannot read ${file}: ${(err as Error).message}`,
          hint: code === 'ENOENT' ? 'Check the path in contractkit.yaml or on the command line.' : 'Check the file exists and is readable.',
        },
      ],
    };
  }
  setSourceText(file, text);
  // JSON takes any depth in JSON.parse (iterative), none in yaml's composer: bound it first
  const tooDeep = tooDeepJsonFinding(file, text, kind);
  if (tooDeep) return { text, findings: [tooDeep] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // a stack overflow in yaml's composer is one problem (the nesting), however many errors it left
    const overflow = doc.errors.find((e) => /Maximum call stack size exceeded/.test(e.message));
    const errors = overflow ? [overflow] : doc.errors;
    return {
      text,
      findings: errors.map((e) => {
        const start = lineCounter.linePos(e.pos[0]);
        const end = lineCounter.linePos(e.pos[1]);
        if (e === overflow) {
          return { ruleId: 'load/too-deep', severity: 'error' as const, kind, file, line: start.line, column: start.col, ...tooDeepMessage() };
        }
        return {
          ruleId: 'load/invalid-yaml',
          severity: 'error' as const,
          kind,
          file,
          line: start.line,
          column: start.col,
          endLine: end.line,
          endColumn: end.col,
          message: `Invalid YAML: ${parserMessage(e.message)}`,
          hint: 'Fix the YAML syntax at this position (indentation, an unclosed bracket or quote, a duplicate key).',
        };
      }),
    };
  }
  // nesting and alias expansion are bounded before anything (the AsyncAPI parser, ajv) walks the data
  const problem = findYamlLimitProblem(doc);
  if (problem) {
    const at = lineCounter.linePos(problem.offset);
    const ruleId = problem.message.startsWith('Nesting') ? 'load/too-deep' : 'load/alias-bomb';
    return { text, findings: [{ ruleId, severity: 'error', kind, file, line: at.line, column: at.col, message: problem.message, hint: problem.hint }] };
  }
  return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), text, findings: [] };
}

/** A too-deep finding at the first node past the limit when `text` is JSON nested deeper than it. */
function tooDeepJsonFinding(file: string, text: string, kind: Exclude<ContractKind, 'config'>): Finding | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // not JSON after all: YAML reports what is wrong
  }
  const path = findTooDeep(value);
  if (!path) return undefined;
  const { line, column } = offsetToLineColumn(file, locateJsonPointer(text, path)?.start ?? 0);
  return { ruleId: 'load/too-deep', severity: 'error', kind, file, line, column, ...tooDeepMessage() };
}

/** The first line of a parser message (yaml appends a code frame on later lines). */
function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
