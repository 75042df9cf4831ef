/**
 * The AsyncAPI loader: 2.x and 3.x documents through @asyncapi/parser, its
 * diagnostics as Findings, the result normalized into an AsyncApiContract.
 */
import { basename } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import type { Finding } from '../finding.js';
import type { ContractLoader, ContractSpec, LoadOptions, LoadOutcome } from '../load/types.js';
import type { AsyncApiContract } from '../model/types.js';
import { getSourceText, offsetToLineColumn, toPointer } from '../source/positions.js';
import { diagnosticToFinding } from './diagnostics.js';
import { createSourceLocator, normalizeAsyncApi } from './normalize.js';
import { readYamlFile } from './read-yaml.js';
import { createRefGuard, type RefusedRef } from './ref-guard.js';

/** AsyncAPI versions the loader accepts (the parser's range: 2.0–2.6, 3.0, 3.1). */
const SUPPORTED = /^(2\.[0-6]|3\.[01])\.\d+$/;

/** Loads one AsyncAPI document. Never throws: every problem is a Finding. */
export const loadAsyncApi: ContractLoader<AsyncApiContract> = async (spec, options) => {
  try {
    return await load(spec, options);
  } catch (err) {
    // The parser catches its own errors; this is a last resort so a bug never crashes a run.
    return { findings: [fail(spec.path, 'load/asyncapi-internal', `The AsyncAPI parser failed: ${(err as Error).message}`, 'This is a bug in contractkit or the parser; please report it with the document.')] };
  }
};

async function load(spec: ContractSpec, options: LoadOptions): Promise<LoadOutcome<AsyncApiContract>> {
  const file = spec.path;
  const read = await readYamlFile(file, 'asyncapi');
  if (read.findings.length > 0) return { findings: read.findings };

  const pre = precheck(file, read.data, options);
  if (pre.length > 0) return { findings: pre };

  const guard = createRefGuard({ allowRemoteRefs: options.allowRemoteRefs, rootDir: options.rootDir });
  const parser = new Parser({
    // Only the validity rules: the recommended style rules (info.contact, servers, tags…) belong to `contractkit lint`.
    // `asyncapi-latest-version` would nag about every 2.x/3.0 document we explicitly support.
    ruleset: { core: true, recommended: false, rules: { 'asyncapi-latest-version': 'off' } },
    __unstable: { resolver: guard.resolver },
  });
  const { document, diagnostics, extras } = await fromFile(parser, file).parse();

  const searched = [file, ...guard.filesRead];
  const findings: Finding[] = guard.refused.map((r) => locateRefused(refusedFinding(file, r), r, searched));
  for (const d of diagnostics) {
    // The placeholder we answered a refused ref with makes the parser complain about it; that is already reported.
    if (String(d.code) === 'invalid-ref' && guard.refused.some((r) => d.message.includes(r.uri))) continue;
    const f = diagnosticToFinding(d, file);
    if (f) findings.push(f);
  }
  const hasError = findings.some((f) => f.severity === 'error');
  if (!document || hasError) {
    if (!hasError) findings.push(fail(file, 'load/invalid-asyncapi', 'The AsyncAPI document could not be parsed.', 'Run the document through the AsyncAPI Studio or CLI to see what is wrong.'));
    return { findings };
  }

  const inventory = (extras?.document as { __documentInventory?: unknown } | undefined)?.__documentInventory;
  const normalized = normalizeAsyncApi(document, createSourceLocator(file, inventory));
  const contract: AsyncApiContract = {
    name: spec.name,
    kind: 'asyncapi',
    file,
    files: [file, ...[...guard.filesRead].filter((f) => f !== file).sort()],
    ...normalized,
  };
  return { contract, findings };
}

/** Checks made before the parser runs, so these cases get one clear finding each. */
function precheck(file: string, data: unknown, options: LoadOptions): Finding[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [fail(file, 'load/not-asyncapi', 'Not an AsyncAPI document: the file does not hold a mapping.', 'An AsyncAPI document is a YAML or JSON object starting with `asyncapi: 3.0.0`.')];
  }
  const doc = data as Record<string, unknown>;
  if (typeof doc.asyncapi !== 'string') {
    const other = typeof doc.openapi === 'string' || typeof doc.swagger === 'string' ? ' It looks like an OpenAPI document.' : '';
    const hint = other ? 'Declare it as an OpenAPI contract (kind `openapi`) instead.' : 'Add `asyncapi: 3.0.0` (or the 2.x version it follows) at the top.';
    const message = `Not an AsyncAPI document: the \`asyncapi\` field (a version string) is missing.${other}`;
    return [fail(file, 'load/not-asyncapi', message, hint, doc.asyncapi !== undefined ? '/asyncapi' : undefined)];
  }
  if (!SUPPORTED.test(doc.asyncapi)) {
    const message = `AsyncAPI version "${doc.asyncapi}" is not supported (supported: 2.0–2.6, 3.0 and 3.1).`;
    return [fail(file, 'load/unsupported-version', message, 'Convert it to 3.0.0 (the AsyncAPI CLI has `asyncapi convert`).', '/asyncapi')];
  }
  if (options.allowRemoteRefs) return [];
  // Remote refs in the entry file are found here, with their position, before anything is fetched;
  // those in referenced files are caught by the ref guard.
  return remoteRefs(doc).map((segments) => ({
    ruleId: 'load/remote-ref',
    severity: 'error' as const,
    kind: 'asyncapi' as const,
    file,
    pointer: toPointer(segments),
    message: `Remote \`$ref\` refused: ${String(refAt(doc, segments))}.`,
    hint: 'Vendor the referenced document into the repository and refer to it by a relative path, or pass --allow-remote-refs.',
  }));
}

/** Paths (to the `$ref` value) of every `http(s)://` `$ref` in `value`. */
function remoteRefs(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((v, i) => remoteRefs(v, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && /^https?:\/\//i.test(v)) out.push([...path, k]);
      else remoteRefs(v, [...path, k], out);
    }
  }
  return out;
}

function refAt(doc: unknown, segments: (string | number)[]): unknown {
  return segments.reduce<unknown>((node, s) => (node as Record<string | number, unknown>)?.[s], doc);
}

function refusedFinding(file: string, r: RefusedRef): Finding {
  return r.reason === 'remote'
    ? fail(file, 'load/remote-ref', `Remote \`$ref\` refused: ${r.uri} (referenced from a file this document includes).`, 'Vendor the referenced document into the repository, or pass --allow-remote-refs.')
    : fail(file, 'load/ref-outside-root', `\`$ref\` to a file outside the repository refused: ${r.uri}.`, 'Move the referenced file into the repository, or run from a directory that contains it.');
}

/**
 * The guard only knows the URI of a refused ref, not who referred to it: find
 * the referring text in the files read so far so the finding has a line.
 */
function locateRefused(finding: Finding, r: RefusedRef, files: string[]): Finding {
  const needle = r.reason === 'remote' ? r.uri.split('#')[0]! : basename(r.uri);
  for (const f of files) {
    const offset = getSourceText(f)?.indexOf(needle) ?? -1;
    if (offset >= 0) return { ...finding, file: f, ...offsetToLineColumn(f, offset) };
  }
  return finding;
}

/** An error finding at `pointer`, or at the top of the file when there is none. */
function fail(file: string, ruleId: string, message: string, hint: string, pointer?: string): Finding {
  const at = pointer !== undefined ? { pointer } : { line: 1, column: 1 };
  return { ruleId, severity: 'error', kind: 'asyncapi', file, ...at, message, hint };
}
