import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds; Node loads the CommonJS one for us and for
    // graphql-inspector and federation-composition alike, but Vite would pick `module` for our sources, and
    // two graphql-js instances reject each other's schemas. Resolve it as Node does.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', '**/node_modules/**'],
    // buf builds and the 13 MB GitHub description take seconds on a 2-core machine
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default on a 2-core machine is one worker (cores - 1), so the files ran one at a time. Most of the
    // slow files wait on child processes (buf, tsc, pre-commit, Chromium), brokers or databases, not on this
    // process's CPU, so two workers overlap them. Every test that touches shared state names it uniquely (random
    // table, queue and subject names, port 0), so files do not see each other.
    maxWorkers: 2,
  },
});
