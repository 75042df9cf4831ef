/**
 * `npm run schema`: writes the generated part of schema/contractkit.schema.json
 * (`definitions.generateTarget`, from the registered generators' option
 * schemas; see target-schemas.ts). `--check` writes nothing and exits 1 when
 * the committed schema is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../../contracts/source/package-files.js';
import { generateTargetSchema, registeredOptionSchemas, withGenerateTarget } from './target-schemas.js';

/** The config schema's text as it should be committed. */
export async function expectedConfigSchemaText(): Promise<string> {
  const current = readFileSync(packageFile('schema', 'contractkit.schema.json'), 'utf8');
  return withGenerateTarget(current, generateTargetSchema(await registeredOptionSchemas()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = packageFile('schema', 'contractkit.schema.json');
  const want = await expectedConfigSchemaText();
  const same = readFileSync(file, 'utf8') === want;
  if (process.argv.includes('--check')) {
    process.stdout.write(same ? 'schema/contractkit.schema.json is up to date.\n' : 'schema/contractkit.schema.json is out of date: run `npm run schema`.\n');
    process.exitCode = same ? 0 : 1;
  } else {
    if (!same) writeFileSync(file, want);
    process.stdout.write(same ? 'schema/contractkit.schema.json is up to date.\n' : 'schema/contractkit.schema.json: generateTarget rewritten from the generators\' option schemas.\n');
  }
}
