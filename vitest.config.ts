import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', '**/node_modules/**'],
    // buf builds and the 13 MB GitHub description take seconds on a 2-core machine
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
