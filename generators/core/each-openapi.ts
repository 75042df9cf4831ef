/**
 * The loop the OpenAPI generators share: every OpenAPI contract of the
 * model, each checked for structural validity first (a malformed document
 * loads, but the output would silently lack or mistype what is malformed;
 * the check runs after the generator's own unusable-shape findings, whose
 * messages say more), its files under `<contract>/` when there are several.
 */
import { UsageError } from '../../contracts/errors.js';
import type { Finding } from '../../contracts/finding.js';
import { contractsOfKind, type ContractModel, type OpenApiContract } from '../../contracts/model/types.js';
import { structuralErrors } from '../../contracts/openapi/structure.js';
import type { GeneratedFile } from './registry.js';

/** Runs `one` for each OpenAPI contract of `model`; `target` and `output` (`client`, `server`) word the refusals. */
export async function generateEachOpenApi(
  model: ContractModel,
  target: string,
  output: string,
  unusable: (c: OpenApiContract) => Finding[],
  one: (c: OpenApiContract) => GeneratedFile[],
): Promise<GeneratedFile[]> {
  const contracts = contractsOfKind(model, 'openapi');
  if (contracts.length === 0) throw new UsageError(`${target}: no OpenAPI contract to generate from; give an OpenAPI 3.x file.`);
  const files: GeneratedFile[] = [];
  for (const c of contracts) {
    const struct = /^3\./.test(c.specVersion) && unusable(c).length === 0 ? await structuralErrors(c) : [];
    if (struct.length > 0) throw new UsageError(`${target}: ${c.name} is not structurally valid OpenAPI, so no faithful ${output} can be generated; nothing was written.`, struct);
    const prefix = contracts.length > 1 ? `${c.name.replace(/[^A-Za-z0-9._-]/g, '-')}/` : '';
    for (const f of one(c)) files.push({ path: prefix + f.path, content: f.content });
  }
  return files;
}
