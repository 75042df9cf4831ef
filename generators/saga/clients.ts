/**
 * Where the saga's participants' clients come from. With a config that lists
 * the saga, a called contract's configured `rest-client`, `grpc` or `events`
 * output is imported from where it is generated; otherwise (no config, or a
 * contract without such a target) its client is generated into
 * `<out>/clients/<name>/` by that generator, so the saga output is
 * self-contained. Generators are found through the registry.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../../contracts/finding.js';
import { findConfigFile, loadConfig } from '../../cli/config/load-config.js';
import type { Config } from '../../cli/config/types.js';
import type { Contract, SagaContract } from '../../contracts/model/types.js';
import type { GeneratedFile, GeneratorContext } from '../core/registry.js';

/** The generator target that gives the client of a contract kind. */
export const CLIENT_TARGET = { openapi: 'rest-client', proto: 'grpc', asyncapi: 'events' } as const;

/** Where one called contract's client lives, relative to the saga output. */
export interface ClientSource {
  /** The contract's name in the saga's `contracts:`. */
  alias: string;
  contract: Contract;
  target: (typeof CLIENT_TARGET)[keyof typeof CLIENT_TARGET];
  /** Module directory relative to the saga output, posix, starting with `./` or `../`. */
  dir: string;
  /** The contract name the client was generated under (names the events producer factory). */
  generatedName: string;
  /** True when the client is generated into the saga output. */
  embedded: boolean;
}

/** How the saga generator picks client sources: `ctx.options.clients` = `config` | `embedded` (default: config when one lists the saga). */
export type ClientMode = 'auto' | 'config' | 'embedded';

function posix(p: string): string {
  const s = p.split(sep).join('/');
  return s.startsWith('.') ? s : `./${s}`;
}

/** The config that lists `saga` (its file), or undefined. */
export function configListing(saga: SagaContract, ctx: GeneratorContext): Config | undefined {
  const explicit = typeof ctx.options.config === 'string' ? resolve(ctx.options.config) : undefined;
  const file = explicit ?? findConfigFile(dirname(saga.file));
  if (!file) return undefined;
  const config = loadConfig(dirname(file), file);
  return config.contracts.some((c) => c.kind === 'saga' && resolve(c.path) === saga.file) ? config : undefined;
}

function sameContract(contract: Contract, path: string): boolean {
  const p = resolve(path);
  return contract.file === p || (contract.kind === 'proto' && contract.root === p);
}

/** Picks the client source of every contract the saga calls (`contracts` by alias). */
export function clientSources(saga: SagaContract, contracts: Map<string, Contract>, ctx: GeneratorContext): { sources: Map<string, ClientSource>; findings: Finding[] } {
  const mode = (ctx.options.clients as ClientMode | undefined) ?? 'auto';
  const findings: Finding[] = [];
  let config: Config | undefined;
  if (mode !== 'embedded') {
    config = configListing(saga, ctx);
    if (!config && mode === 'config') {
      findings.push({ ruleId: 'generate/saga-clients', severity: 'error', kind: 'saga', file: saga.file, line: 1, column: 1, message: 'The saga generator was told to import the configured clients, but no contractkit.yaml lists this saga.', hint: 'List the saga under `contracts:` in contractkit.yaml, or drop `clients: config`.' });
    }
  }
  const sources = new Map<string, ClientSource>();
  for (const [alias, contract] of contracts) {
    if (contract.kind !== 'openapi' && contract.kind !== 'proto' && contract.kind !== 'asyncapi') continue;
    const target = CLIENT_TARGET[contract.kind];
    const configured = config?.contracts.find((c) => c.kind === contract.kind && sameContract(contract, c.path) && c.generate.some((g) => g.target === target));
    const out = configured?.generate.find((g) => g.target === target)?.out;
    if (configured && out) {
      sources.set(alias, { alias, contract, target, dir: posix(relative(ctx.out, out)), generatedName: configured.name, embedded: false });
    } else {
      sources.set(alias, { alias, contract, target, dir: `./clients/${clientDirName(alias)}`, generatedName: contract.name, embedded: true });
    }
  }
  return { sources, findings };
}

/** The folder of an embedded client (`clients/<name>`). */
export function clientDirName(alias: string): string {
  return alias.replace(/[^A-Za-z0-9._-]/g, '-');
}

/** Generates the embedded clients through the registry, under `clients/<name>/`. */
export async function embeddedClientFiles(sources: Iterable<ClientSource>, ctx: GeneratorContext): Promise<GeneratedFile[]> {
  // generator modules load on first use; the saga generator is one of them, so import the loader lazily
  const { loadGenerator } = await import('../index.js');
  const files: GeneratedFile[] = [];
  for (const s of sources) {
    if (!s.embedded) continue;
    const generator = await loadGenerator(s.target);
    if (!generator) throw new Error(`The ${s.target} generator is not registered.`);
    const sub = join('clients', clientDirName(s.alias));
    const out = await generator.generate({ contracts: [s.contract] }, { out: join(ctx.out, sub), options: {}, load: ctx.load });
    for (const f of out) files.push({ path: `${sub.split(sep).join('/')}/${f.path}`, content: f.content });
  }
  return files;
}
