#!/usr/bin/env node
// Runs the built CLI; `npm install` builds it (the `prepare` script).
import { main } from '../dist/cli/index.js';

await main();
