/**
 * Builds the Redocly `Config` for a lint run: our `ck` plugin, Redocly's own
 * rules, and a repository's `redocly.yaml` (and its ignore file) when given.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { BaseResolver, createConfig, loadIgnoreConfig, type Config } from '@redocly/openapi-core';
import { buildPlugin, type ConfiguredRedoclyRule } from './plugin.js';
import type { RedoclySeverity } from './presets.js';

/** What decides which rules run. */
export interface RedoclyConfigInput {
  rules: readonly ConfiguredRedoclyRule[];
  /** Redocly presets to extend when there is no `redocly.yaml` (default none). */
  redoclyExtends?: string[];
  /** Severities of Redocly's own rules, under Redocly's ids. Without a `redocly.yaml` they are the whole selection; with one they override it. */
  redoclyRules?: Record<string, RedoclySeverity>;
  /** A `redocly.yaml` in the repository: it decides Redocly's own rules, as `redocly lint` would. */
  redoclyConfigPath?: string;
}

// Building a config costs a few milliseconds; pre-commit runs lint many files with one setup.
const cache = new Map<string, Promise<Config>>();

/** Builds (or reuses) the Redocly config for these rules. Throws on an unreadable or invalid `redocly.yaml`. */
export function buildRedoclyConfig(input: RedoclyConfigInput): Promise<Config> {
  const key = JSON.stringify([
    input.rules.map((r) => [r.rule.id, ruleIdentity(r.rule), r.severity, r.options ?? null]),
    input.redoclyExtends ?? [],
    input.redoclyRules ?? {},
    input.redoclyConfigPath ?? null,
  ]);
  let hit = cache.get(key);
  if (!hit) {
    hit = createRedoclyConfig(input);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

// Rule objects with the same id may differ (tests build their own), so the cache key holds each rule's identity.
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function ruleIdentity(rule: object): number {
  let id = identities.get(rule);
  if (id === undefined) identities.set(rule, (id = nextIdentity++));
  return id;
}

async function createRedoclyConfig(input: RedoclyConfigInput): Promise<Config> {
  const { plugin, ruleSettings } = buildPlugin(input.rules);
  if (!input.redoclyConfigPath) {
    const raw = { extends: input.redoclyExtends ?? [], rules: { ...(input.redoclyRules ?? {}), ...ruleSettings } };
    return createConfig(raw as never, { plugins: [plugin] });
  }
  const configPath = input.redoclyConfigPath;
  const fileRaw = (parseYaml(readFileSync(configPath, 'utf8')) ?? {}) as Record<string, unknown>;
  const raw = {
    ...fileRaw,
    // `redocly lint` extends `recommended` when the file names no preset.
    extends: (fileRaw.extends as string[] | undefined) ?? ['recommended'],
    rules: { ...((fileRaw.rules as Record<string, unknown>) ?? {}), ...(input.redoclyRules ?? {}), ...ruleSettings },
  };
  const ignore = await loadIgnoreConfig(configPath, new BaseResolver());
  return createConfig(raw as never, { configPath, plugins: [plugin], ignore });
}
