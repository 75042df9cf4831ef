/**
 * `proto-breaking-needs-new-package-version`: a breaking change inside a
 * package whose version suffix (`orders.v1`) is in both the previous and the
 * current contract means clients of `orders.v1` break. The fix is a new
 * package, `orders.v2`, with v1 kept until every client has moved.
 */
import path from 'node:path';
import { fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import type { Finding } from '../../../contracts/finding.js';
import type { ProtoContract } from '../../../contracts/model/types.js';
import { isImportFile } from '../../../contracts/proto/image.js';
import { PROTO_NEEDS_NEW_PACKAGE_VERSION_ID } from './catalogue.js';

/** `FileDescriptorProto.package`, the source path of a file's `package` statement. */
const FILE_PACKAGE = 2;

/** A package version suffix as buf's PACKAGE_VERSION_SUFFIX reads it: `v1`, `v2beta1`, `v1alpha`, `v1test`. */
const VERSION_SUFFIX = /\.v(\d+)((?:alpha|beta)\d*|test\w*)?$/;

/** The module's own files of a contract's image: name → package and the span of its `package` statement. */
export interface ImageFiles {
  packageOf: Map<string, string>;
  packageLine: Map<string, { line: number; column: number }>;
}

/** Reads the own (non-import) files of a contract's image. */
export function imageFilesOf(contract: ProtoContract): ImageFiles {
  const set = fromBinary(FileDescriptorSetSchema, contract.image);
  const packageOf = new Map<string, string>();
  const packageLine = new Map<string, { line: number; column: number }>();
  for (const file of set.file) {
    if (isImportFile(file) === true) continue;
    packageOf.set(file.name, file.package);
    const loc = file.sourceCodeInfo?.location.find((l) => l.path.length === 1 && l.path[0] === FILE_PACKAGE);
    if (loc && loc.span.length >= 3) packageLine.set(file.name, { line: loc.span[0] + 1, column: loc.span[1] + 1 });
  }
  return { packageOf, packageLine };
}

/** The version of a package: its major and whether it is unstable (alpha, beta, test); undefined without a suffix. */
export function packageVersionOf(pkg: string): { major: number; unstable: boolean } | undefined {
  const m = VERSION_SUFFIX.exec(pkg);
  return m ? { major: Number(m[1]), unstable: m[2] !== undefined } : undefined;
}

/** `orders.v1` → `orders.v2`. */
export function nextPackageVersion(pkg: string): string {
  return pkg.replace(VERSION_SUFFIX, (_all, major: string) => `.v${Number(major) + 1}`);
}

/**
 * One error per stable versioned package that has buf findings and kept its
 * version, at the `package` statement of its first current file. Unstable
 * packages (`v1beta1`, `v1alpha`) are exempt: breaking them is what the
 * suffix announces (buf's `ignore_unstable_packages` makes the same call).
 */
export function checkPackageVersions(previous: ProtoContract, current: ProtoContract, bufFindings: readonly Finding[]): Finding[] {
  if (bufFindings.length === 0) return [];
  const prev = imageFilesOf(previous);
  const curr = imageFilesOf(current);
  const prevPackages = new Set(prev.packageOf.values());
  const currPackages = new Set(curr.packageOf.values());
  const nameOfAbsolute = new Map(current.files.map((f, i) => [path.resolve(f), current.protoFiles[i]]));

  const byPackage = new Map<string, Set<string>>();
  for (const f of bufFindings) {
    const pkg = packageOfFinding(f, nameOfAbsolute, curr, prev);
    if (pkg === undefined) continue;
    const ids = byPackage.get(pkg) ?? new Set<string>();
    ids.add(f.ruleId);
    byPackage.set(pkg, ids);
  }

  const out: Finding[] = [];
  for (const [pkg, ids] of [...byPackage].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const version = packageVersionOf(pkg);
    if (!version || version.unstable || !prevPackages.has(pkg) || !currPackages.has(pkg)) continue;
    const fileName = [...curr.packageOf].filter(([, p]) => p === pkg).map(([n]) => n).sort()[0];
    const index = current.protoFiles.indexOf(fileName);
    const file = index >= 0 ? current.files[index] : path.join(current.root, fileName);
    const at = curr.packageLine.get(fileName);
    const next = nextPackageVersion(pkg);
    const count = bufFindings.filter((f) => packageOfFinding(f, nameOfAbsolute, curr, prev) === pkg).length;
    out.push({
      ruleId: PROTO_NEEDS_NEW_PACKAGE_VERSION_ID,
      severity: 'error',
      kind: 'proto',
      file,
      ...(at ? { line: at.line, column: at.column } : { line: 1, column: 1 }),
      message:
        `Package \`${pkg}\` changed incompatibly (${count} breaking change${count === 1 ? '' : 's'}: ${[...ids].sort().join(', ')}) but kept its version, ` +
        `so clients built against \`${pkg}\` break.`,
      hint: `Make the change in a new package \`${next}\` (a new directory, e.g. \`${next.replace(/\./g, '/')}/\`) and keep \`${pkg}\` unchanged until every client has moved to \`${next}\`.`,
    });
  }
  return out;
}

/** The package a buf finding is about: from its file in the current tree, or from the deleted file buf names. */
function packageOfFinding(f: Finding, nameOfAbsolute: Map<string, string>, curr: ImageFiles, prev: ImageFiles): string | undefined {
  const name = nameOfAbsolute.get(path.resolve(f.file));
  if (name !== undefined) return curr.packageOf.get(name);
  // FILE_NO_DELETE has no path in the current tree; buf names the file in its message.
  const deleted = /file "([^"]+)"/.exec(f.message)?.[1];
  if (deleted !== undefined) return prev.packageOf.get(deleted) ?? curr.packageOf.get(deleted);
  return undefined;
}
