/**
 * The version of contractkit, read from its package.json.
 */
import { readPackageJson } from '../contracts/source/package-files.js';

let version: string | undefined;

/** contractkit's own version (`0.1.0`). */
export function toolVersion(): string {
  return (version ??= readPackageJson<{ version: string }>('package.json').version);
}
