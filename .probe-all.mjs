import { join } from 'node:path';
const root = process.cwd();
const { diffOpenApi } = await import(join(root, 'dist/checks/breaking/openapi/index.js'));
const { openApiContractFromFile } = await import(join(root, 'dist/checks/breaking/openapi/contract-from-file.js'));
const F = join(root, 'test/fixtures/breaking/openapi', process.argv[2]);
const fs = diffOpenApi(openApiContractFromFile(join(F, 'previous.yaml')), openApiContractFromFile(join(F, 'current.yaml')), { now: new Date('2025-06-01T00:00:00Z') });
for (const f of fs) console.log(f.ruleId.padEnd(50), f.severity.padEnd(7), (f.previous ? '<' + f.previous.pointer : f.pointer).replace(/.*\/(properties|paths)\//, ''));
