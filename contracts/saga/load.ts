/**
 * The saga-definition loader: `*.saga.yaml` parsed with `yaml`, validated
 * against schema/saga.schema.json, normalized into a SagaContract.
 */
import type { Finding } from '../finding.js';
import { readYamlFile } from '../asyncapi/read-yaml.js';
import type { ContractLoader } from '../load/types.js';
import type { SagaContract } from '../model/types.js';
import { normalizeSaga } from './normalize.js';
import { dirname } from 'node:path';
import { outsideProject, projectRootOf } from '../source/project-root.js';
import { validateSaga } from './validate.js';

export { parseDuration } from './duration.js';

/** Loads one saga definition. Never throws: every problem is a Finding with a pointer or line. */
export const loadSaga: ContractLoader<SagaContract> = async (spec, options) => {
  const file = spec.path;
  try {
    const read = await readYamlFile(file, 'saga');
    if (read.findings.length > 0) return { findings: read.findings };
    const invalid = validateSaga(read.data, file);
    if (invalid.length > 0) return { findings: invalid };
    const { saga, findings } = normalizeSaga(read.data, file);
    if (!saga) return { findings };
    // the contracts a saga names are loaded later; one outside the project is refused before anything reads it
    // the project: the repository holding the saga file (as for contractkit.yaml), found without git;
    // outside any repository, the root directory of the run (the config's directory or the current one)
    const root = projectRootOf(dirname(file), options?.rootDir ?? dirname(file));
    const outside = Object.entries(saga.contracts).filter(([, path]) => outsideProject(root, path));
    if (outside.length > 0) {
      return {
        findings: outside.map(([name, path]) => ({
          ruleId: 'load/ref-outside-root',
          severity: 'error' as const,
          kind: 'saga' as const,
          file,
          pointer: `/contracts/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          message: `Contract \`${name}\` resolves to ${path}, outside the project (${root}); it is not read.`,
          hint: 'Keep the contracts a saga calls inside the repository (the root directory).',
        })),
      };
    }
    return { contract: { name: spec.name, kind: 'saga', file, files: [file], ...saga }, findings };
  } catch (err) {
    const finding: Finding = {
      ruleId: 'load/saga-internal',
      severity: 'error',
      kind: 'saga',
      file,
      line: 1,
      column: 1,
      message: `Loading the saga definition failed: ${(err as Error).message}`,
      hint: 'This is a bug in contractkit; please report it with the file.',
    };
    return { findings: [finding] };
  }
};
