/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pageStartPlugin } from './scripts/build/page-start-plugin.ts';
import { contentPlugin } from './scripts/content/content-plugin.ts';
import { HostileTallyReporter } from './scripts/testing/hostile-tally-reporter.ts';

export default defineConfig(({ isSsrBuild }) => ({
  // The server build (src/entry-server.tsx, for prerendering) needs the app only: the
  // content and search index are the browser build's.
  plugins: [
    react(),
    ...(isSsrBuild
      ? []
      : [
          contentPlugin({ contentDir: process.env.READER_CONTENT_DIR ?? 'content' }),
          pageStartPlugin(),
        ]),
  ],
  build: {
    target: 'es2022',
  },
  test: {
    // The tally prints how many hostile sources and files the suites fed the reader.
    reporters: ['default', new HostileTallyReporter()],
    // Vitest's default 5 s per test is a figure of speed: on a 2-core machine busy with other
    // builds, rendering a route in jsdom took 7 s. The limit only bounds a test that hangs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'content',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          globalSetup: ['src/test/global-setup.ts'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
}));
