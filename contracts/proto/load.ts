/**
 * The Protocol Buffers loader: `buf build` into an image, decoded with
 * protobuf-es and normalized into a {@link ProtoContract}.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DescFile } from '@bufbuild/protobuf';
import type { Finding } from '../finding.js';
import type { ContractLoader, ContractSpec, LoadOutcome } from '../load/types.js';
import type { ProtoContract } from '../model/types.js';
import { parseBufJsonLines, runBuf, type BufRunResult } from './buf.js';
import { decodeImage, isImportFile, type DecodedImage } from './image.js';
import { absoluteProtoPath, resolveProtoInput, type ProtoInput } from './module-root.js';
import { createLocate, normalizeFiles } from './normalize.js';

/** Rule id of a compile error reported by buf. */
export const PROTO_COMPILE_RULE = 'load/proto-compile';
/** Rule id when buf is missing, crashes, or its output cannot be decoded. */
export const BUF_FAILED_RULE = 'load/buf-failed';
/** Rule id when the contract path does not exist or is not proto. */
export const PROTO_NOT_FOUND_RULE = 'load/not-found';

/**
 * Loads a buf module (v1 or v2 `buf.yaml`), a buf workspace, a plain
 * directory of `.proto` files, or a single `.proto` file. Problems come back
 * as findings; it never throws.
 */
export const loadProto: ContractLoader<ProtoContract> = async (spec, options) => {
  const specPath = path.resolve(options.cwd, spec.path);
  try {
    return await loadFrom(spec, specPath, options.rootDir);
  } catch (e) {
    // Defensive: a loader reports, it does not crash the run.
    const message = `Loading the proto contract failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`;
    return { findings: [finding(BUF_FAILED_RULE, message, specPath, 'Run with --debug and report this as a contractkit bug.')] };
  }
};

async function loadFrom(spec: ContractSpec, specPath: string, rootDir: string): Promise<LoadOutcome<ProtoContract>> {
  const input = resolveProtoInput(specPath, rootDir, spec.protoPaths);
  if ('problem' in input) {
    return { findings: [finding(PROTO_NOT_FOUND_RULE, input.problem, specPath, input.hint)] };
  }
  // buf reports paths relative to its working directory; running it in the
  // root keeps `--path` and reported paths simple.
  const args = ['build', '.', '-o', '-', '--error-format', 'json'];
  // selected paths replace the contract's own restriction (they are relative to the same root)
  const paths = spec.paths?.length ? spec.paths : input.targets.map((t) => toBufPath(input.root, t));
  for (const p of paths) args.push('--path', p);
  const run = await runBuf(args, { cwd: input.root });
  if (run.exitCode !== 0) return { findings: failureFindings(run, input) };

  let image: DecodedImage;
  try {
    image = decodeImage(run.stdout);
  } catch (e) {
    const message = `The image built by buf could not be decoded: ${e instanceof Error ? e.message : String(e)}`;
    return { findings: [finding(BUF_FAILED_RULE, message, input.root, 'Check that @bufbuild/buf and @bufbuild/protobuf are installed in matching, recent versions.')] };
  }
  return { contract: toContract(spec, specPath, input, image, run.stdout), findings: [] };
}

function toContract(spec: ContractSpec, specPath: string, input: ProtoInput, image: DecodedImage, bytes: Uint8Array): ProtoContract {
  const ownNames = new Set(image.set.file.filter((f) => isImportFile(f) !== true).map((f) => f.name));
  const importFiles = image.set.file
    .filter((f) => isImportFile(f) === true)
    .map((f) => absoluteProtoPath(input, f.name))
    .filter((f) => existsSync(f));
  const own: DescFile[] = [];
  for (const file of image.registry.files) if (ownNames.has(file.proto.name)) own.push(file);
  own.sort((a, b) => (a.proto.name < b.proto.name ? -1 : a.proto.name > b.proto.name ? 1 : 0));

  const absolute = new Map(own.map((f) => [f.proto.name, absoluteProtoPath(input, f.proto.name)]));
  const locate = createLocate((file) => absolute.get(file.proto.name) ?? path.join(input.root, file.proto.name));
  const { services, messages, enums } = normalizeFiles(own, locate);
  return {
    name: spec.name,
    kind: 'proto',
    file: specPath,
    files: own.map((f) => absolute.get(f.proto.name)!),
    root: input.root,
    targets: input.targets,
    bufModule: input.bufModule,
    image: bytes,
    protoFiles: own.map((f) => f.proto.name),
    ...(spec.paths?.length ? { paths: spec.paths } : {}),
    importFiles,
    services,
    messages,
    enums,
  };
}

/** Findings for a failed buf run: one per compile error, or one `load/buf-failed`. */
function failureFindings(run: BufRunResult, input: ProtoInput): Finding[] {
  if (run.error || run.exitCode === null) {
    const why = run.error?.message ?? 'buf was killed';
    const stderr = run.stderr.trim();
    return [
      finding(
        BUF_FAILED_RULE,
        `Could not run \`${run.commandLine}\`: ${why}${stderr ? `\n${stderr}` : ''}`,
        input.root,
        'Install dependencies with `npm install` so @bufbuild/buf provides the buf binary (or set CONTRACTKIT_BUF to a buf executable).',
      ),
    ];
  }
  const { issues, other } = parseBufJsonLines(run.stderr);
  if (issues.length === 0) {
    const stderr = other.join('\n') || `exit code ${run.exitCode}`;
    return [
      finding(
        BUF_FAILED_RULE,
        `\`${run.commandLine}\` failed in ${input.root}: ${stderr}`,
        input.targets[0] ?? input.root,
        'Fix the problem buf reports (buf.yaml, missing .proto files or dependencies), then run `buf build` in that directory to check.',
      ),
    ];
  }
  return issues.map((issue) => ({
    ruleId: PROTO_COMPILE_RULE,
    severity: 'error' as const,
    message: issue.message,
    kind: 'proto' as const,
    file: issue.path ? path.resolve(input.root, issue.path) : input.root,
    ...(issue.startLine ? { line: issue.startLine, column: issue.startColumn || 1 } : {}),
    ...(issue.endLine ? { endLine: issue.endLine, endColumn: issue.endColumn || 1 } : {}),
    hint: compileHint(issue.message, input),
  }));
}

/** What to do about a compile error; a missing import in a folder without buf config is usually a root one level too high. */
function compileHint(message: string, input: ProtoInput): string {
  if (!input.bufModule && /imported file does not exist/i.test(message)) {
    return `Without buf.yaml, import paths are relative to the folder buf builds from (${input.root}), as \`buf build\` there resolves them. ` +
      'Lint the folder the import paths start from instead, or put a buf.yaml (`version: v2`) in it.';
  }
  return 'Fix the .proto source so it compiles; `buf build` in the module root shows the same error.';
}

/** `target` relative to `root`, `/`-separated, as buf's `--path` takes it. */
export function toBufPath(root: string, target: string): string {
  return path.relative(root, target).split(path.sep).join('/');
}

function finding(ruleId: string, message: string, file: string, hint: string): Finding {
  return { ruleId, severity: 'error', message, kind: 'proto', file, hint };
}
