/**
 * The buf configuration that selects a breaking category (`FILE`, `PACKAGE`,
 * `WIRE_JSON`, `WIRE`) for one run of `buf breaking`, given to buf as
 * `--config <data>`. It is the module's own `buf.yaml` with `breaking.use`
 * replaced, so module layout (`modules`, `deps`, excludes) and the breaking
 * `except` / `ignore` / `ignore_only` settings still apply.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** buf's breaking categories, strictest first. */
export const PROTO_BREAKING_CATEGORIES = ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'] as const;

/** One of buf's breaking categories. */
export type ProtoBreakingCategory = (typeof PROTO_BREAKING_CATEGORIES)[number];

/** True when `value` names a breaking category. */
export function isProtoBreakingCategory(value: unknown): value is ProtoBreakingCategory {
  return typeof value === 'string' && (PROTO_BREAKING_CATEGORIES as readonly string[]).includes(value);
}

/**
 * The `--config` data for `buf breaking` run in `root` with `category`.
 * Without a `buf.yaml` in `root`, a minimal v2 config. Returns undefined when
 * the `buf.yaml` cannot be read as YAML: buf then runs with it and reports
 * what is wrong in its own words.
 */
export function breakingConfigData(root: string, category: ProtoBreakingCategory): string | undefined {
  const file = path.join(root, 'buf.yaml');
  if (!existsSync(file)) return JSON.stringify({ version: 'v2', breaking: { use: [category] } });
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(doc)) return undefined;
  const config: Record<string, unknown> = { ...doc, breaking: withCategory(doc.breaking, category) };
  // v2 workspaces may configure breaking per module; the category applies to every module.
  if (Array.isArray(doc.modules)) {
    config.modules = doc.modules.map((m: unknown) => (isRecord(m) && m.breaking !== undefined ? { ...m, breaking: withCategory(m.breaking, category) } : m));
  }
  return JSON.stringify(config);
}

function withCategory(breaking: unknown, category: ProtoBreakingCategory): Record<string, unknown> {
  return { ...(isRecord(breaking) ? breaking : {}), use: [category] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
