import { defineConfig } from 'vitest/config';

const long = process.env.LONG === '1';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and server tests start processes; two cores are all this machine has.
    // `npm run test:long` (LONG=1) gives the property tests twenty times the runs.
    testTimeout: long ? 600_000 : 30_000,
    hookTimeout: 120_000,
    // A test that logs an error fails (see tests/helpers/setup.ts).
    setupFiles: ['tests/helpers/setup.ts'],
  },
});
