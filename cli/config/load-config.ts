/**
 * Finds, parses and validates `contractkit.yaml`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { ConfigError } from '../../contracts/errors.js';
import { setSourceText } from '../../contracts/source/positions.js';
import { outsideProject, projectRootOf } from '../../contracts/source/project-root.js';
import { findYamlLimitProblem, MAX_ALIAS_COUNT, parserMessage } from '../../contracts/source/yaml-limits.js';
import { schemaErrorsToFindings } from '../../contracts/source/schema-errors.js';
import { readPackageJson } from '../../contracts/source/package-files.js';
import { generatorOptionsFindings } from '../../generators/core/options-error.js';
import type { Finding, Severity } from '../../contracts/finding.js';
import type { Config, ConfiguredContract, RuleConfig } from './types.js';

/** File names looked for, in order, in each directory from cwd upward. */
export const CONFIG_FILE_NAMES = ['contractkit.yaml', 'contractkit.yml'];

type ConfigValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * The ajv options of the config validator, compiled at build time or now (they
 * must agree). `verbose` puts the schema and data into each error, so a
 * message can name the nearest allowed key or value.
 */
export const CONFIG_AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

let validator: ConfigValidator | undefined;

/**
 * The validator compiled at build time (compile-validator.ts, beside the built
 * file), or compiled now when running from sources (under vitest).
 */
function configValidator(): ConfigValidator {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  try {
    validator = require('./config-validator.cjs') as ConfigValidator;
  } catch {
    const { Ajv } = require('ajv') as typeof import('ajv');
    validator = new Ajv(CONFIG_AJV_OPTIONS).compile(readPackageJson<Record<string, unknown>>('schema', 'contractkit.schema.json'));
  }
  return validator;
}

function validate(data: unknown) {
  const v = configValidator();
  return { ok: v(data), errors: v.errors ?? [] };
}

/** Finds the nearest config file from `cwd` upward; undefined if there is none. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The configuration used when there is no config file. */
export function defaultConfig(cwd: string): Config {
  return {
    dir: cwd,
    contracts: [],
    lint: { preset: 'recommended', rules: {}, overrides: [], eventEnvelope: 'payload' },
    breaking: {},
    allowRemoteRefs: false,
  };
}

/**
 * Loads the config: `explicit` (from `--config`) or the nearest one found
 * upward from cwd; the default config when there is none.
 * @throws ConfigError with located findings when the file is unreadable, not YAML or invalid.
 */
export function loadConfig(cwd: string, explicit?: string): Config {
  const file = explicit ? resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return defaultConfig(cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`Cannot read config ${file}`, [
      {
        ruleId: 'config/unreadable',
        severity: 'error',
        kind: 'config',
        file,
        line: 1,
        column: 1,
        message: `Cannot read the config file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`,
        hint: explicit ? 'Check the path given to --config.' : undefined,
      },
    ]);
  }
  setSourceText(file, text);
  // yaml is loaded only when there is a config file to parse
  const { LineCounter, parseDocument } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const findings: Finding[] = doc.errors.map((e) => ({
      ruleId: 'config/invalid-yaml',
      severity: 'error' as Severity,
      kind: 'config' as const,
      file,
      line: lineCounter.linePos(e.pos[0]).line,
      column: lineCounter.linePos(e.pos[0]).col,
      message: `The config is not valid YAML: ${parserMessage(e.message).replace(/ at line \d+, column \d+:?$/, '')}`,
      hint: 'Fix the YAML syntax at this position.',
    }));
    throw new ConfigError(`Invalid YAML in ${file}`, findings);
  }
  // nesting and alias expansion are bounded before the schema validator walks the data
  const problem = findYamlLimitProblem(doc);
  if (problem) {
    const at = lineCounter.linePos(problem.offset);
    throw new ConfigError(`Unusable config ${file}`, [
      { ruleId: 'config/invalid-yaml', severity: 'error', kind: 'config', file, line: at.line, column: at.col, message: problem.message, hint: problem.hint },
    ]);
  }
  const data = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
  const { ok, errors } = validate(data);
  if (!ok) {
    throw new ConfigError(`Invalid config ${file}`, configErrorsToFindings(errors, data, file));
  }
  const config = normalize(data, file);
  // a contract path in the config (a pull request can change it) is never read outside the project:
  // nothing of such a file (/etc/passwd) must reach a report
  const root = projectRootOf(config.dir);
  const outside: Finding[] = config.contracts
    .filter((c) => outsideProject(root, c.path))
    .map((c) => ({
      ruleId: 'config/contract-outside',
      severity: 'error' as Severity,
      kind: 'config' as const,
      file,
      pointer: `/contracts/${c.name.replace(/~/g, '~0').replace(/\//g, '~1')}/${c.kind}`,
      message: `Contract \`${c.name}\` points outside the project (${root}); contractkit does not read it.`,
      hint: 'Keep contracts inside the repository that holds contractkit.yaml, or name the file on the command line.',
    }));
  if (outside.length > 0) throw new ConfigError(`Unusable config ${file}`, outside);
  return config;
}

type Raw = Record<string, any>;

// a target's options are checked by the `then` branch of its target (schema generated from the generators' optionsSchema)
const TARGET_OPTIONS = /^(\/contracts\/[^/]+\/generate\/\d+)\/options(?=\/|$)/;

/**
 * Located findings for the config validator's errors. A target's option
 * problems are worded as the generator's own check words them
 * (`rest-client: \`dateType\` must be one of …`, rule
 * `config/invalid-generator-options`); the `if` of the branch that matched
 * the target is noise beside them and is dropped.
 */
function configErrorsToFindings(errors: readonly ErrorObject[], data: Raw, file: string): Finding[] {
  const rest: ErrorObject[] = [];
  const byTarget = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const at = TARGET_OPTIONS.exec(e.instancePath);
    if (at && e.schemaPath.includes('/then/properties/options')) {
      const list = byTarget.get(at[1]!) ?? [];
      list.push({ ...e, instancePath: e.instancePath.slice(at[0].length) });
      byTarget.set(at[1]!, list);
    } else if (e.keyword !== 'if') {
      rest.push(e);
    }
  }
  const findings = schemaErrorsToFindings(rest, file, 'config', 'config/invalid', 'config');
  for (const [at, list] of byTarget) {
    const [, , contract, , index] = at.split('/');
    const target = String(data.contracts?.[unescapePointer(contract!)]?.generate?.[Number(index)]?.target);
    findings.push(...generatorOptionsFindings(target, list).map((f) => ({ ...f, file, pointer: `${at}/options${f.pointer ?? ''}` })));
  }
  return findings;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function normalize(data: Raw, file: string): Config {
  const dir = dirname(file);
  const contracts: ConfiguredContract[] = Object.entries((data.contracts ?? {}) as Record<string, Raw>).map(([name, c]) => {
    const kind = (['openapi', 'proto', 'asyncapi', 'saga', 'graphql'] as const).find((k) => typeof c[k] === 'string')!;
    return {
      name,
      kind,
      path: resolve(dir, c[kind] as string),
      ...(kind === 'graphql' ? { subgraph: (c.subgraph as string | undefined) ?? name, ...(c.url ? { url: c.url as string } : {}) } : {}),
      generate: ((c.generate ?? []) as Raw[]).map((g) => ({ target: g.target, out: resolve(dir, g.out), options: g.options ?? {} })),
      breaking: c.breaking ?? {},
    };
  });
  const lint = (data.lint ?? {}) as Raw;
  const breaking = (data.breaking ?? {}) as Raw;
  return {
    file,
    dir,
    contracts,
    lint: {
      preset: lint.preset ?? 'recommended',
      rules: normalizeRules(lint.rules),
      overrides: ((lint.overrides ?? []) as Raw[]).map((o) => ({ files: o.files, rules: normalizeRules(o.rules) })),
      ignoreFile: lint.ignoreFile ? resolve(dir, lint.ignoreFile) : undefined,
      baseline: lint.baseline ? resolve(dir, lint.baseline) : undefined,
      eventEnvelope: lint.eventEnvelope ?? 'payload',
    },
    breaking: {
      against: breaking.against,
      level: breaking.level,
      ignoreFile: breaking.ignoreFile ? resolve(dir, breaking.ignoreFile) : undefined,
      minSunsetDays: breaking.minSunsetDays,
      compatibility: breaking.compatibility,
      protoCategory: breaking.protoCategory,
    },
    allowRemoteRefs: data.allowRemoteRefs === true,
  };
}

function normalizeRules(rules: Raw | undefined): Record<string, RuleConfig> {
  const out: Record<string, RuleConfig> = {};
  for (const [id, setting] of Object.entries(rules ?? {})) {
    out[id] = typeof setting === 'string' ? { severity: setting as RuleConfig['severity'] } : { severity: setting.severity, options: setting.options };
  }
  return out;
}
