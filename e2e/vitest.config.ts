import { defineConfig } from 'vitest/config';

// Browser tests: the real server (built web app, fresh embedded databases) and Debian's Chromium
// through playwright-core. One file at a time: each drives a whole browser on a 2-core machine.
export default defineConfig({
  test: {
    name: 'e2e',
    root: '.',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // A page that loads while CI is busy can take more than the default second to show its data.
    expect: { poll: { timeout: 10_000 } },
  },
});
