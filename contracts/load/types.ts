/**
 * The loader interface shared by every contract kind.
 */
import type { ContractKind, Finding } from '../finding.js';
import type { Contract } from '../model/types.js';

/** One contract to load: from the config's `contracts:` map or from a path on the command line. */
export interface ContractSpec {
  /** Name from the config, or derived from the file name (`orders` for `orders.yaml`). */
  name: string;
  kind: Exclude<ContractKind, 'config'>;
  /** Absolute path: a file, or for proto a buf module / directory of `.proto` files, or for GraphQL a folder of SDL files. */
  path: string;
  /**
   * Proto only: build just these files or directories (relative to the proto
   * root) and what they import, like `buf build --path`; the rest of the tree
   * is not compiled. From the grpc target's `paths` (`--path`).
   */
  paths?: readonly string[];
  /**
   * Proto only: the directories below `path` (relative, `/`-separated) that
   * hold the contract's `.proto` files, when `path` also holds files that are
   * not part of it (buf modules of their own, `node_modules`). buf still runs
   * on `path`, as `buf lint <path>` would, restricted to these with `--path`.
   * Relative so the spec maps onto another checkout (`--staged`, `breaking`).
   */
  protoPaths?: string[];
  /** GraphQL: the subgraph's name in composition (default: the contract name). */
  subgraph?: string;
  /** GraphQL: the subgraph's routing URL. */
  url?: string;
}

/** Options every loader receives. */
export interface LoadOptions {
  /** Working directory; reports print paths relative to it. */
  cwd: string;
  /** Repository root: `$ref`s that leave it are refused. Defaults to the git top level or cwd. */
  rootDir: string;
  /** Fetch `http(s)://` `$ref`s; off by default. */
  allowRemoteRefs: boolean;
  /** `loadContracts` only: resolve saga references (default true; false leaves the sagas as their files say, for tests of that state). */
  resolveSagaReferences?: boolean;
}

/**
 * What a loader returns. `findings` holds load problems: any with severity
 * `error` means the contract is unusable (exit 2) and `contract` is undefined.
 */
export interface LoadOutcome<C extends Contract = Contract> {
  contract?: C;
  findings: Finding[];
}

/** A loader for one contract kind. */
export type ContractLoader<C extends Contract = Contract> = (spec: ContractSpec, options: LoadOptions) => Promise<LoadOutcome<C>>;
