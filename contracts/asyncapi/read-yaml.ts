/**
 * Reads a YAML or JSON contract file into plain data, turning an unreadable
 * file or a syntax error into one located Finding. Shared by the AsyncAPI and
 * saga loaders (it could move to `contracts/source/` if others want it).
 */
import { readFile } from 'node:fs/promises';
import { parseDocument, LineCounter } from 'yaml';
import type { ContractKind, Finding } from '../finding.js';
import { setSourceText } from '../source/positions.js';

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      text,
      findings: doc.errors.map((e) => {
        const start = lineCounter.linePos(e.pos[0]);
        const end = lineCounter.linePos(e.pos[1]);
        return {
          ruleId: 'load/invalid-yaml',
          severity: 'error' as const,
          kind,
          file,
          line: start.line,
          column: start.col,
          endLine: end.line,
          endColumn: end.col,
          message: `Invalid YAML: ${firstLine(e.message)}`,
          hint: 'Fix the YAML syntax at this position (indentation, an unclosed bracket or quote, a duplicate key).',
        };
      }),
    };
  }
  return { data: doc.toJS({ maxAliasCount: 1000 }), text, findings: [] };
}

/** The first line of a parser message (yaml appends a code frame on later lines). */
function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
