import { defineConfig } from 'vitest/config';

const long = process.env.LONG === '1';

// Projects by what a test needs (docs/decisions/182): `engine` and `api` need no browser and
// no site build, and are the inner loop (`npm run test:fast`); `site` builds Astro and drives
// Chromium; `e2e` starts `npm start` as a user would.
const TEMPLATE_DB = 'tests/setup/template-db.ts';

export default defineConfig({
  test: {
    // Browser and server tests start processes; two cores are all this machine has.
    // `npm run test:long` (LONG=1) gives the property tests twenty times the runs.
    testTimeout: long ? 600_000 : 30_000,
    hookTimeout: 120_000,
    // A poll waits for what a person would wait for (a list re-read after a search, a focus
    // move): vitest's 1 s default failed such steps on a machine busy with the whole suite.
    // Polls that succeed return as soon as they do, so this costs nothing when all is well.
    expect: { poll: { timeout: 15_000 } },
    // A test that logs an error fails (see tests/helpers/setup.ts).
    setupFiles: ['tests/helpers/setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'engine', include: ['tests/sla/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/*.test.ts'],
          globalSetup: [TEMPLATE_DB],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: [TEMPLATE_DB, 'tests/setup/demo-site.ts', 'tests/setup/browser-server.ts'],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
