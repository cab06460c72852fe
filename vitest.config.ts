import { defineConfig } from 'vitest/config';

// The PostgreSQL suite: tests of several processes on one database (*.pg.test.ts) run only
// with a server to share, TEST_DATABASE_URL (CI sets it); PGlite belongs to one process.
const onServer = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
    exclude: ['e2e/**', 'node_modules/**', ...(onServer ? [] : ['src/**/*.pg.test.ts'])],
    setupFiles: ['src/testing/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
