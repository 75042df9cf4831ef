#!/usr/bin/env node
// `npm run demo`: runs contractkit's main jobs on the bundled orders example
// and prints what each did. Each step is a real CLI run, as a user would type it;
// the last one runs the generated place-order saga end to end on the example
// services (examples/orders/services), once succeeding and once compensated.
//
// Embedded by default: the in-memory transport and PGlite in a temporary
// directory. To run the saga on the local PostgreSQL and RabbitMQ or NATS:
//   DEMO_DB=postgres://127.0.0.1:5432/test DEMO_TRANSPORT=rabbitmq npm run demo
//   DEMO_DB=postgres://127.0.0.1:5432/test DEMO_TRANSPORT=nats npm run demo
// (DEMO_BROKER_URL overrides amqp://guest:guest@127.0.0.1:5672 or 127.0.0.1:4222;
// on PostgreSQL the saga tables go to the schema contractkit_demo, and the saga's
// commands go out through the transactional outbox contractkit_demo.contractkit_outbox.)
//
// `npm run demo -- diagram saga` runs only the named steps (lint, breaking,
// breaking-graphql, diagram, generate, mock-verify, saga). Headings are bold only on a terminal (NO_COLOR,
// FORCE_COLOR as for the CLI).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// the CLI's own colour decision, from the build the demo runs
import { useColor } from '../dist/cli/color.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'orders');
const cli = join(root, 'bin', 'contractkit.js');

const bold = useColor(process.stdout) ? (text) => `\u001b[1m${text}\u001b[0m` : (text) => text;

const allSteps = [
  { name: 'lint', title: 'Lint every contract of examples/orders (OpenAPI, proto, AsyncAPI, saga, GraphQL subgraphs composed) in one report', args: ['lint'] },
  {
    name: 'breaking',
    title: 'Breaking-change check: the orders API against its previous release (examples/orders/previous), as a changelog',
    args: ['breaking', 'openapi/orders.yaml', '--against', 'previous/openapi/orders.yaml', '--level', 'info'],
  },
  {
    name: 'breaking-graphql',
    title: 'Breaking-change check: the GraphQL subgraphs and their composed supergraph against the previous release, as a changelog',
    args: ['breaking', 'graphql/customers.graphql', 'graphql/orders.graphql', '--against', 'previous', '--level', 'info'],
  },
  { name: 'diagram', title: 'Mermaid diagram of the place-order saga', args: ['diagram', 'sagas/place-order.saga.yaml'] },
  {
    name: 'generate',
    title: 'Generated code is current: regenerate every configured target (REST client, gRPC, events, saga) and compare with the committed files',
    args: ['generate', '--check'],
  },
];

const names = [...allSteps.map((s) => s.name), 'mock-verify', 'saga'];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !names.includes(w));
if (unknown.length) {
  console.error(`demo: unknown step ${unknown.join(', ')}; the steps are ${names.join(', ')}.`);
  process.exit(2);
}
const chosen = (name) => wanted.length === 0 || wanted.includes(name);
const steps = allSteps.filter((s) => chosen(s.name));

let failed = 0;
// the headings' numbers, continued by the steps after the CLI ones
let numbered = steps.length;
for (const [i, step] of steps.entries()) {
  console.log(`\n${bold(`${i + 1}. ${step.title}`)}\n$ contractkit ${step.args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...step.args], { cwd: example, stdio: 'inherit' });
  console.log(`(exit code ${r.status})`);
  // exit 1 means findings were reported (expected for the breaking step); 2 means unusable input
  if (r.status === 2 || r.status === null) failed++;
}
// the provider side: the mock a consumer tests against, then verify on the mock and on the orders service
if (chosen('mock-verify')) runMockVerify();
// the generated saga on the example services (TypeScript run through a small transpiling loader)
if (chosen('saga')) runSaga();
process.exitCode = failed ? 1 : 0;

/** `contractkit mock` of the orders contract, then `contractkit verify` on the mock and on the example's orders service. */
function runMockVerify() {
  const services = join(example, 'services');
  console.log(`\n${bold(`${++numbered}. Both sides of the orders contract: a stateful mock for consumers, then verify (requests drawn from the contract, every answer checked) on the mock and on the orders service`)}`);
  console.log('$ node --import ./examples/orders/services/register-ts.js examples/orders/services/demo-mock-verify.ts');
  const r = spawnSync(process.execPath, ['--import', join(services, 'register-ts.js'), join(services, 'demo-mock-verify.ts')], { cwd: root, stdio: 'inherit' });
  console.log(`(exit code ${r.status})`);
  if (r.status !== 0) failed++;
}

/** The generated place-order saga on the example services, once succeeding and once compensated. */
function runSaga() {
  const services = join(example, 'services');
  const where = process.env.DEMO_DB ? `${process.env.DEMO_DB.replace(/\/\/[^@/]*@/, '//')}, ${process.env.DEMO_TRANSPORT || 'memory'} transport` : `PGlite in a temp dir, ${process.env.DEMO_TRANSPORT || 'in-memory'} transport`;
  console.log(`\n${bold(`${++numbered}. The place-order saga end to end on the example services (${where}): create order (REST) → charge (gRPC) → reserve stock (event + reply) → ship (REST), then the outcome pushed to the browser (WebSocket)`)}`);
  console.log('$ node --import ./examples/orders/services/register-ts.js examples/orders/services/demo-saga.ts');
  const saga = spawnSync(process.execPath, ['--import', join(services, 'register-ts.js'), join(services, 'demo-saga.ts')], { cwd: root, stdio: 'inherit' });
  console.log(`(exit code ${saga.status})`);
  if (saga.status !== 0) failed++;
}
