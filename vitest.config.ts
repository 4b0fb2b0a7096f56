import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/host/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Real PostgreSQL, FerretDB and SMTP, started once for the whole run (scripts/test-support).
    globalSetup: ['scripts/test-support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
