/**
 * End-to-end tests: real Chromium against the production bundle in `dist/`, served by
 * `scripts/serve-static.ts` as a plain file server with no rewrite rules: every page must be a
 * prerendered file (or the site's 404.html). `npm run test:e2e`
 * expects `npm run build` to have run first (`npm test` does both).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './scripts/chromium.ts';

const isCI = Boolean(process.env.CI);
// Ports can be moved (E2E_PORT, E2E_HOSTILE_PORT) to run two checkouts' suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}/`;
/** The hostile-content site (e2e/hostile/build-site.ts), built and served apart. */
const HOSTILE_PORT = Number(process.env.E2E_HOSTILE_PORT ?? 4175);
/** The site imported from real newsrooms' recorded feeds (e2e/real-feeds/build-site.ts). */
const REAL_FEEDS_PORT = Number(process.env.E2E_REAL_FEEDS_PORT ?? 4176);

const distIndex = path.join(import.meta.dirname, 'dist', 'index.html');
if (!existsSync(distIndex)) {
  throw new Error(
    'The end-to-end tests run against the production bundle, and dist/index.html is missing: run "npm run build" first.',
  );
}

export default defineConfig({
  testDir: 'e2e',
  // Two cores: one browser at a time beside the server keeps timings honest.
  fullyParallel: false,
  workers: isCI ? 1 : 2,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  reporter: isCI ? 'list' : [['list'], ['html', { open: 'never' }]],
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /(hostile|real-feeds)\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        // The service worker answers from its caches, where page.route cannot see: suites
        // that route requests get the network itself. The offline, saved-articles and
        // security suites let the worker run.
        serviceWorkers: 'block',
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      name: 'hostile',
      testMatch: /hostile\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        // The hostile site is built without the offline worker (e2e/hostile/build-site.ts).
        serviceWorkers: 'block',
        baseURL: `http://127.0.0.1:${HOSTILE_PORT}/`,
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      name: 'real-feeds',
      testMatch: /real-feeds\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        serviceWorkers: 'block',
        baseURL: `http://127.0.0.1:${REAL_FEEDS_PORT}/`,
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: [
    {
      command: `node scripts/serve-static.ts dist --port ${PORT} --host 127.0.0.1`,
      url: baseURL,
      reuseExistingServer: !isCI,
      stdout: 'pipe',
      timeout: 30_000,
    },
    {
      // Builds a whole site from hostile content first (about a minute), then serves it.
      command: `node e2e/hostile/build-site.ts --port ${HOSTILE_PORT}`,
      url: `http://127.0.0.1:${HOSTILE_PORT}/`,
      reuseExistingServer: !isCI,
      stdout: 'pipe',
      timeout: 240_000,
    },
    {
      // Imports recorded real feeds, downloads their photos and builds a whole site, then serves it.
      command: `node e2e/real-feeds/build-site.ts --port ${REAL_FEEDS_PORT}`,
      url: `http://127.0.0.1:${REAL_FEEDS_PORT}/`,
      reuseExistingServer: !isCI,
      stdout: 'pipe',
      timeout: 420_000,
    },
  ],
});
