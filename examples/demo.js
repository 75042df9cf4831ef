#!/usr/bin/env node
// `npm run demo`: runs contractkit's main jobs on the bundled orders example
// and prints what each did. Each step is a real CLI run, as a user would type it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'orders');
const cli = join(root, 'bin', 'contractkit.js');

const steps = [
  { title: 'Lint every contract of examples/orders (OpenAPI, proto, AsyncAPI, saga) in one report', args: ['lint'] },
  {
    title: 'Breaking-change check: the orders API against its previous release (examples/orders/previous), as a changelog',
    args: ['breaking', 'openapi/orders.yaml', '--against', 'previous/openapi/orders.yaml', '--level', 'info'],
  },
  { title: 'Mermaid diagram of the place-order saga', args: ['diagram', 'sagas/place-order.saga.yaml'] },
];

let failed = 0;
for (const [i, step] of steps.entries()) {
  console.log(`\n\u001b[1m${i + 1}. ${step.title}\u001b[0m\n$ contractkit ${step.args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...step.args], { cwd: example, stdio: 'inherit' });
  console.log(`(exit code ${r.status})`);
  // exit 1 means findings were reported (expected for the breaking step); 2 means unusable input
  if (r.status === 2 || r.status === null) failed++;
}
process.exitCode = failed ? 1 : 0;
