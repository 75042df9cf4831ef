/**
 * What every command gets: the working directory, the config and the output options.
 */
import type { Severity } from '../contracts/finding.js';
import { loadConfig } from './config/load-config.js';
import type { Config } from './config/types.js';
import { gitTopLevel } from '../contracts/git/at-ref.js';
import type { LoadOptions } from '../contracts/load/types.js';
import { useColor } from './color.js';

/** Report formats every reporting command accepts. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** Global options as yargs parses them. */
export interface GlobalArgs {
  config?: string;
  format: Format;
  /** `--color` forces colours, `--no-color` turns them off; unset, they follow the terminal. */
  color?: boolean;
  quiet: boolean;
  debug: boolean;
  'fail-on'?: Severity;
  'allow-remote-refs'?: boolean;
}

/** Everything a command needs besides its own arguments. */
export interface CommandContext {
  cwd: string;
  config: Config;
  format: Format;
  color: boolean;
  quiet: boolean;
  debug: boolean;
  failOn: Severity;
  loadOptions: LoadOptions;
  /** Where reports go; a function so tests can capture it. */
  out: (text: string) => void;
  /** Where progress and notes go (stderr), so stdout stays machine-readable. */
  err: (text: string) => void;
}

/** Whether the report is coloured: stylish only, under the one colour decision ({@link useColor}) for stdout. */
export function reportColor(args: Pick<GlobalArgs, 'color' | 'format'>): boolean {
  return args.format === 'stylish' && useColor(process.stdout, args.color);
}

/** Builds the context from the global arguments. @throws ConfigError for a bad config. */
export function createContext(args: GlobalArgs, cwd = process.cwd()): CommandContext {
  const config = loadConfig(cwd, args.config);
  const color = reportColor(args);
  return {
    cwd,
    config,
    format: args.format,
    color,
    quiet: args.quiet,
    debug: args.debug,
    failOn: args['fail-on'] ?? 'error',
    loadOptions: {
      cwd,
      // asked of git only when a loader needs it (proto and AsyncAPI): a cached `generate` should not spawn git
      get rootDir() {
        const value = gitTopLevel(config.dir) ?? config.dir;
        Object.defineProperty(this, 'rootDir', { value, enumerable: true });
        return value;
      },
      allowRemoteRefs: args['allow-remote-refs'] === true || config.allowRemoteRefs,
    },
    out: (text) => process.stdout.write(text.endsWith('\n') || text === '' ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  };
}
