import { defineConfig } from 'vitest/config';

// The fault suite (`npm run test:faults`), once on each database like the integration tests:
// real server processes killed with SIGKILL, and the OpenAPI fuzzer. One file at a time: each
// starts and kills servers on a 2-core machine.
const project = (name: string, testDb: string) => ({
  test: {
    name,
    include: ['faults/**/*.spec.ts'],
    env: { STEGVIS_TEST_DB: testDb },
    fileParallelism: false,
    testTimeout: 170_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: { projects: [project('faults-pglite', 'pglite'), project('faults-postgres', 'postgres')] },
});
