import { defineConfig } from 'vitest/config';

// Integration tests run twice: on the embedded database and on the PostgreSQL server.
const intProject = (name: string, testDb: string) => ({
  test: {
    name,
    // bench/: the benchmark suite's smoke test at the tiny scale (no timing asserted).
    include: ['src/**/*.int.test.ts', 'bench/**/*.int.test.ts'],
    env: { STEGVIS_TEST_DB: testDb },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], exclude: ['**/*.int.test.ts'] } },
      intProject('int-pglite', 'pglite'),
      intProject('int-postgres', 'postgres'),
    ],
  },
});
