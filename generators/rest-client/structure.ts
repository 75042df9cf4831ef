/**
 * Redocly's structural check (`struct`: every node has the shape the OpenAPI
 * specification gives it) on the document a contract was loaded from, before
 * the rest-client generator reads it. A schema with `type: strin`,
 * `properties: 5` or `items: string`, or a parameter `in: body`, loads (the
 * normalizer skips what it cannot read) but the client would silently lack or
 * mistype it: generation refuses instead.
 *
 * Only the `struct` rule runs, over the already-loaded document and its
 * already-resolved refs (no second read, no other rule's cost).
 */
import { createConfig, type Config } from '@redocly/openapi-core';
import type { Finding } from '../../contracts/finding.js';
import type { OpenApiContract } from '../../contracts/model/types.js';
import { openApiReadOf } from '../../contracts/openapi/load.js';
import { lintResolvedDocument } from '../../checks/lint/redocly/lint-resolved.js';
import { problemToFinding } from '../../checks/lint/redocly/problems.js';

let structConfig: Promise<Config> | undefined;

/** A config that runs Redocly's `struct` rule alone, at error. */
function structOnly(): Promise<Config> {
  return (structConfig ??= createConfig({ rules: { struct: 'error' } }));
}

/**
 * Located `struct` errors of the document `contract` was loaded from (under
 * the rule id `struct`, with Redocly's message), or [] when it is
 * structurally valid or was not loaded from a file (nothing to walk).
 */
export async function structuralErrors(contract: OpenApiContract): Promise<Finding[]> {
  const read = openApiReadOf(contract);
  if (!read) return [];
  const config = await structOnly();
  const problems = await lintResolvedDocument({ document: read.document, config, externalRefResolver: read.resolver, resolvedRefMap: await read.refs() });
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    if (problem.ignored || problem.severity !== 'error' || problem.ruleId !== 'struct') continue;
    const finding = problemToFinding(problem, { kind: 'openapi', file: read.file, severities: new Map() });
    finding.ruleId = 'struct';
    finding.hint ??= 'Fix the node to the shape the OpenAPI specification gives it (`contractkit lint` reports the same problem).';
    const key = `${finding.file}\0${finding.pointer}\0${finding.onKey}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}
