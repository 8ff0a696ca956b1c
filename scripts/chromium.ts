/**
 * How the tests and benchmarks launch Chromium: CHROMIUM_PATH if set, else the system's
 * Chromium (Debian's package), else Playwright's own download, which it finds by itself;
 * with the flags a headless machine without a GPU or a sandbox needs.
 */
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
