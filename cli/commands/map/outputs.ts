/**
 * What `contractkit map` writes: the Markdown map (`map.md`), the Mermaid
 * flowchart and the static site, as generated files; and the check that
 * committed ones are current (stale, missing or left-over files).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolvePositions } from '../../../checks/report/resolve.js';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel, SagaContract } from '../../../contracts/model/types.js';
import type { SystemMap } from '../../../contracts/system/types.js';
import type { GeneratedFile } from '../../../generators/core/registry.js';
import { writeGeneratedFiles } from '../../../generators/core/writer.js';
import { sagaToMermaid } from '../../../generators/diagram/saga-mermaid.js';
import { mapToMarkdown } from '../../../generators/map/markdown.js';
import { MAP_MARKER } from '../../../generators/map/html/page.js';
import { renderSite } from '../../../generators/map/site.js';

/** The site of `map`, its findings shown relative to `baseDir` (so the output does not depend on the working directory). */
export async function siteFiles(map: SystemMap, model: ContractModel, title: string, baseDir: string): Promise<GeneratedFile[]> {
  const sagaMermaid: Record<string, string> = {};
  for (const c of model.contracts) if (c.kind === 'saga') sagaMermaid[`saga:${(c as SagaContract).saga}`] = sagaToMermaid(c as SagaContract);
  return renderSite(map, { title, sagaMermaid, findings: findingLines(map.findings, baseDir) });
}

/** `file:line:column message` lines, paths relative to `baseDir`, `/`-separated. */
export function findingLines(findings: readonly Finding[], baseDir: string): string[] {
  return resolvePositions([...findings]).map((f) => `${relative(baseDir, f.file).split('\\').join('/')}:${f.line}:${f.column} ${f.message}`);
}

/** Everything `--out <dir>` holds: `map.md` and the site under `site/`. */
export async function outFiles(map: SystemMap, model: ContractModel, title: string, baseDir: string): Promise<GeneratedFile[]> {
  const site = await siteFiles(map, model, title, baseDir);
  return [{ path: 'map.md', content: mapToMarkdown(map, title) }, ...site.map((f) => ({ path: `site/${f.path}`, content: f.content }))];
}

function filesUnder(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? filesUnder(abs, base) : [relative(base, abs).split('\\').join('/')];
  });
}

/** True when the file holds the marker every map output carries (`MAP_MARKER`). */
function isMapOutput(file: string): boolean {
  try {
    return readFileSync(file, 'utf8').slice(0, 2000).includes(MAP_MARKER);
  } catch {
    return false;
  }
}

/** What writing (or checking) `files` into `dir` did: files written or stale, and files there that the map no longer has. */
export interface OutputResult {
  written: string[];
  stale: string[];
  extra: string[];
}

/**
 * Writes `files` into `dir` (atomically, confined to it); when the folder is
 * the map's own (`owned`: `--out`, `--html`), removes the `.html`/`.md` files
 * it holds that the map no longer produces. With `check`, writes nothing and
 * reports them instead. A `--mermaid` file's folder is not the map's: its
 * neighbours are never touched.
 */
export function writeOutput(dir: string, files: readonly GeneratedFile[], check: boolean, owned: boolean): OutputResult {
  const result = writeGeneratedFiles(dir, files, { check });
  const produced = new Set(files.map((f) => f.path));
  // only files the map wrote itself (they carry its marker): `--html .` must never delete a user's pages
  const extra = owned ? filesUnder(dir).filter((p) => !produced.has(p) && /\.(html|md)$/.test(p) && isMapOutput(join(dir, p))).sort() : [];
  if (!check) for (const p of extra) rmSync(join(dir, p));
  return { written: result.written, stale: result.stale, extra };
}
