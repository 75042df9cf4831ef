/**
 * The engine that runs Redocly-visitor rules (ours and Redocly's own) over one
 * OpenAPI or AsyncAPI document and returns Findings.
 *
 * Fast on purpose: JSON is parsed with `JSON.parse` (not Redocly's YAML
 * parser), positions are not resolved here (reporters resolve them from the
 * pointer, only for findings they print), and the config is built once per
 * rule set.
 */
import { BaseResolver, Source, makeDocumentFromString, type Document, type ResolvedRefMap } from '@redocly/openapi-core';
import { setSourceText } from '../../../contracts/source/positions.js';
import type { Finding } from '../../../contracts/finding.js';
import { buildRedoclyConfig, type RedoclyConfigInput } from './config.js';
import { lintResolvedDocument } from '../../../contracts/openapi/lint-resolved.js';
import { problemToFinding } from './problems.js';

/** Input of {@link runRedoclyLint}: a loaded document, or its text and absolute path. */
export interface RedoclyLintInput extends RedoclyConfigInput {
  /** A document already loaded (e.g. by `readOpenApiDocument`), so lint reuses the load. */
  document?: Document;
  /** The document's text, when no `document` is given. */
  source?: string;
  /** Absolute path of the document (required with `source`). */
  absoluteRef?: string;
  /** The resolver that loaded `document` (its cache holds the referenced files). */
  externalRefResolver?: BaseResolver;
  /** The `$ref`s of `document` as its loader resolved them with `externalRefResolver` (skips a second ref pass). */
  resolvedRefMap?: ResolvedRefMap;
  /** Kind of the findings; detected from the document (`asyncapi` key) when omitted. */
  kind?: 'openapi' | 'asyncapi';
}

/**
 * Lints one document with our rules (`rules`, reported under their ids) and
 * Redocly's own (`redoclyExtends`/`redoclyRules`/`redoclyConfigPath`, under
 * Redocly's ids). Never throws for a problem in the document: an engine
 * failure comes back as an `internal-error` finding.
 */
export async function runRedoclyLint(input: RedoclyLintInput): Promise<Finding[]> {
  const document = input.document ?? documentFromText(input);
  const file = document.source.absoluteRef;
  const kind = input.kind ?? detectKind(document.parsed);
  const severities = new Map(input.rules.map((r) => [r.rule.id, r.severity]));
  try {
    const config = await buildRedoclyConfig(input);
    const problems = await lintResolvedDocument({
      document,
      config,
      externalRefResolver: input.externalRefResolver ?? new BaseResolver(config.resolve),
      ...(input.resolvedRefMap && input.externalRefResolver ? { resolvedRefMap: input.resolvedRefMap } : {}),
    });
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const problem of problems) {
      if (problem.ignored) continue;
      const finding = problemToFinding(problem, { kind, file, severities });
      const key = `${finding.ruleId}\0${finding.file}\0${finding.pointer}\0${finding.onKey}\0${finding.line}\0${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
    return findings;
  } catch (error) {
    return [
      {
        ruleId: 'internal-error',
        severity: 'error',
        kind,
        file,
        pointer: '',
        message: `Linting stopped: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'Check that the document is a supported OpenAPI or AsyncAPI version and that the redocly.yaml (if any) is valid; otherwise this is a contractkit bug.',
      },
    ];
  }
}

/** Builds a document from text: `JSON.parse` for JSON (far faster than a YAML parser), Redocly's parser for YAML. */
export function documentFromText(input: { source?: string; absoluteRef?: string }): Document {
  if (input.source === undefined || !input.absoluteRef) {
    throw new TypeError('runRedoclyLint needs either `document`, or `source` with `absoluteRef`.');
  }
  setSourceText(input.absoluteRef, input.source);
  const first = input.source.trimStart()[0];
  if (first === '{') {
    try {
      return { source: new Source(input.absoluteRef, input.source), parsed: JSON.parse(input.source) };
    } catch {
      // Not strict JSON (comments, YAML flow style): fall through to the YAML parser.
    }
  }
  return makeDocumentFromString(input.source, input.absoluteRef);
}

function detectKind(parsed: unknown): 'openapi' | 'asyncapi' {
  return parsed && typeof parsed === 'object' && 'asyncapi' in parsed ? 'asyncapi' : 'openapi';
}
