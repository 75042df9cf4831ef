/**
 * Test support for the OpenAPI rules: lint an inline document with one rule
 * through the real engine (Redocly's walker), and find a finding's line.
 */
import { positionOf } from '../../../../contracts/source/positions.js';
import type { Finding, Severity } from '../../../../contracts/finding.js';
import type { RedoclyRule } from '../../rule.js';
import { runRedoclyLint } from '../../redocly/run.js';

let counter = 0;

/** Lints `text` (YAML or JSON) with `rule` at `severity`, as a virtual file; returns the rule's findings and any internal errors. */
export async function lintWithRule(
  text: string,
  rule: RedoclyRule,
  options?: Record<string, unknown>,
  severity: Severity = rule.defaultSeverity,
): Promise<Finding[]> {
  const absoluteRef = `/virtual/${rule.id}-${++counter}.yaml`;
  return runRedoclyLint({ source: text, absoluteRef, rules: [{ rule, severity, options }] });
}

/** 1-based line of a finding, resolved from its pointer as reporters do. */
export function lineOf(finding: Finding): number {
  return positionOf(finding.file, finding.pointer, finding.onKey).line;
}

/** A minimal OpenAPI 3.1 document around `paths` (YAML, indented by the caller to sit under `paths:`). */
export function openapi(paths: string, extra = ''): string {
  return `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
servers: [{ url: 'https://api.example.com/v1' }]
paths:
${paths}
${extra}`;
}
