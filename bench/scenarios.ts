/**
 * The benchmark scenarios: each runs contractkit and one or more peer tools
 * on the same input. Inputs come from npm packages (devDependencies), never
 * from the network at run time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../contracts/source/package-files.js';

/** A command to time. */
export interface BenchCommand {
  tool: string;
  label: string;
  cmd: string;
  args: string[];
}

/** contractkit beside its peers on one input. */
export interface Scenario {
  name: string;
  description: string;
  cwd: string;
  ours: BenchCommand;
  peers: BenchCommand[];
  /** The target ratio from the issue, printed beside the measured one. */
  target?: string;
  /** Returns a reason to skip, or undefined when ready. */
  setup?: () => string | undefined;
}

const root = packageRoot();
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const ck = join(root, 'bin', 'contractkit.js');
const github = join(root, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
const needs = (...files: string[]) => (): string | undefined => {
  const missing = files.find((f) => !existsSync(f));
  return missing ? `missing ${missing}` : undefined;
};

export const SCENARIOS: Scenario[] = [
  {
    name: 'lint-github',
    description: "Lint GitHub's REST description (13 MB, @octokit/openapi) with the recommended preset; Redocly with its recommended rules.",
    cwd: root,
    ours: { tool: 'contractkit', label: 'contractkit lint (recommended), cold', cmd: process.execPath, args: [ck, 'lint', '--no-cache', '--format', 'json', github] },
    peers: [{ tool: 'redocly', label: 'redocly lint (recommended)', cmd: bin('redocly'), args: ['lint', '--format', 'json', '--max-problems', '100000', github] }],
    target: 'wall ≤ 0.5×, memory ≤ 1×',
    setup: needs(github, bin('redocly')),
  },
  {
    name: 'lint-github-warm',
    description: "The same lint with nothing changed since the last run (content-hash cache), beside Redocly's full run.",
    cwd: root,
    ours: { tool: 'contractkit', label: 'contractkit lint, warm cache', cmd: process.execPath, args: [ck, 'lint', '--format', 'json', github] },
    peers: [{ tool: 'redocly', label: 'redocly lint (recommended)', cmd: bin('redocly'), args: ['lint', '--format', 'json', '--max-problems', '100000', github] }],
    target: 'wall ≤ 0.1×',
    setup: () => {
      const missing = needs(github, bin('redocly'))();
      if (missing) return missing;
      // fill the cache once, so the measured runs find it
      spawnSync(process.execPath, [ck, 'lint', '--format', 'json', github], { cwd: root, stdio: 'ignore' });
      return undefined;
    },
  },
];
