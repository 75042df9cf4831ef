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
import { createConfig, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import type { Finding } from '../finding.js';
import type { OpenApiContract } from '../model/types.js';
import { openApiReadOf } from './load.js';
import { lintResolvedDocument } from './lint-resolved.js';
import { locateProblem } from './problem-location.js';

/**
 * The `struct` problems that make a client unfaithful: a node of the wrong
 * type (`properties: 5`, `items: string`, `required: "x"`) or a value outside
 * its allowed set (`type: strin`, `in: body`): the generator would skip or
 * misread that node. Not refused (lint reports them): a property the
 * specification does not define (`const` in a 3.0 schema, a 3.1-only keyword),
 * which the generator ignores or reads as the newer version means it, and a
 * missing required field or minimum (a response without `description`), which
 * leaves every node the generator reads in shape. Redocly gives its problems
 * no code, so they are told apart by message.
 */
const UNFAITHFUL = [/^Expected type `/, /` can be one of the following only: /, /^`[^`]+` ".*" is not a valid value\./s];

let structConfig: Promise<Config> | undefined;

/** A config that runs Redocly's `struct` rule alone, at error. */
function structOnly(): Promise<Config> {
  return (structConfig ??= createConfig({ rules: { struct: 'error' } }));
}

/**
 * Located `struct` errors (those in {@link UNFAITHFUL}) of the document `contract` was loaded from (under
 * the rule id `struct`, with Redocly's message), or [] when it is
 * structurally valid or was not loaded from a file (nothing to walk).
 */
export async function structuralErrors(contract: OpenApiContract): Promise<Finding[]> {
  const read = openApiReadOf(contract);
  if (!read) return [];
  const config = await structOnly();
  let problems: Awaited<ReturnType<typeof lintResolvedDocument>>;
  try {
    problems = await lintResolvedDocument({ document: read.document, config, externalRefResolver: read.resolver, resolvedRefMap: await read.refs() });
  } catch (error) {
    // Redocly's walker recurses through `$ref`s: a legitimate chain thousands of schemas long (the hostile case
    // openapi-ref-chain-3000) overflows the stack. The generator's own walks are bounded and handle it, so the
    // check is skipped there rather than turning a generatable document into an internal error.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return [];
    throw error;
  }
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    if (problem.ignored || problem.ruleId !== 'struct' || !UNFAITHFUL.some((re) => re.test(problem.message))) continue;
    const finding = structFinding(problem, read.file);
    const key = `${finding.file}\0${finding.pointer}\0${finding.onKey}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

/** A `struct` problem as a finding: Redocly's message, at the problem's file and pointer (`#/` is the root, ``). */
function structFinding(problem: NormalizedProblem, file: string): Finding {
  const finding = locateProblem({ ruleId: 'struct', severity: 'error', kind: 'openapi', message: problem.message, file }, problem, file);
  finding.hint = problem.suggest?.length ? `Did you mean ${problem.suggest.map((s) => `\`${s}\``).join(' or ')}? ` : '';
  finding.hint += 'Fix the node to the shape the OpenAPI specification gives it (`contractkit lint` reports the same problem).';
  return finding;
}
