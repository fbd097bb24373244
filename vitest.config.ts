import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Index builds and the browser are slow on a 2-core machine; these are generous
    // ceilings against hangs, not performance assertions (those live in `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
  },
});
