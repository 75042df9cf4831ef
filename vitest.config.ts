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
  },
});
