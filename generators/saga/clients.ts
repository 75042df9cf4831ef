/**
 * Where the saga's participants' clients come from. When the project's config
 * lists the saga (the CLI passes its targets as `ctx.outputs`), a called
 * contract's configured `rest-client`, `grpc` or `events` output is imported
 * from where it is generated, found by what it generates from; otherwise (no
 * config, or a contract without such a target) its client is generated into
 * `<out>/clients/<name>/` by that generator (`ctx.generate`, backed by the
 * registry), so the saga output is self-contained.
 */
import { join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../../contracts/finding.js';
import type { Contract, SagaContract } from '../../contracts/model/types.js';
import type { GeneratedFile, GeneratorContext, TargetOutput } from '../core/registry.js';

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

/** How the saga generator picks client sources (`options.clients`). */
export const CLIENT_MODES = ['auto', 'config', 'embedded'] as const;

/** `config` | `embedded` | `auto` (the default: config when one lists the saga). */
export type ClientMode = (typeof CLIENT_MODES)[number];

function posix(p: string): string {
  const s = p.split(sep).join('/');
  return s.startsWith('.') ? s : `./${s}`;
}

function sameContract(contract: Contract, path: string): boolean {
  const p = resolve(path);
  return contract.file === p || (contract.kind === 'proto' && contract.root === p);
}

/** Picks the client source of every contract the saga calls (`contracts` by alias). */
export function clientSources(saga: SagaContract, contracts: Map<string, Contract>, ctx: GeneratorContext): { sources: Map<string, ClientSource>; findings: Finding[] } {
  const mode = (ctx.options.clients as ClientMode | undefined) ?? 'auto';
  const findings: Finding[] = [];
  // the CLI passes the configured targets only when a config lists the saga
  let outputs: readonly TargetOutput[] = [];
  if (mode !== 'embedded') {
    outputs = ctx.outputs;
    if (outputs.length === 0 && mode === 'config') {
      findings.push({ ruleId: 'generate/saga-clients', severity: 'error', kind: 'saga', file: saga.file, line: 1, column: 1, message: 'The saga generator was told to import the configured clients, but no contractkit.yaml lists this saga.', hint: 'List the saga under `contracts:` in contractkit.yaml, or drop `clients: config`.' });
    }
  }
  const sources = new Map<string, ClientSource>();
  for (const [alias, contract] of contracts) {
    if (contract.kind !== 'openapi' && contract.kind !== 'proto' && contract.kind !== 'asyncapi') continue;
    const target = CLIENT_TARGET[contract.kind];
    const configured = outputs.find((o) => o.target === target && o.contract.kind === contract.kind && sameContract(contract, o.contract.path));
    if (configured) {
      sources.set(alias, { alias, contract, target, dir: posix(relative(ctx.out, configured.out)), generatedName: configured.contract.name, embedded: false });
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

/** Generates the embedded clients through `ctx.generate` (the registry), under `clients/<name>/`. */
export async function embeddedClientFiles(sources: Iterable<ClientSource>, ctx: GeneratorContext): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const s of sources) {
    if (!s.embedded) continue;
    const sub = join('clients', clientDirName(s.alias));
    const out = await ctx.generate(s.target, [s.contract], { out: join(ctx.out, sub) });
    for (const f of out) files.push({ ...f, path: `${sub.split(sep).join('/')}/${f.path}` });
  }
  return files;
}
