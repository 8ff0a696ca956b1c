#!/usr/bin/env node
// Runs before `playwright test`: makes sure there is a Chromium for the end-to-end tests.
// The same order as playwright.config.ts picks one: CHROMIUM_PATH, then the system's
// /usr/bin/chromium, then Playwright's own download (installed here if it is missing).
// Plain JavaScript so that it runs without a TypeScript step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const HELP =
  'No browser for the end-to-end tests: run "sudo apt-get install -y chromium" (Debian/Ubuntu) or "npx playwright install chromium"';

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const executable = chromium.executablePath();
    return executable && existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

const fromEnv = process.env.CHROMIUM_PATH;
if ((fromEnv && existsSync(fromEnv)) || existsSync(SYSTEM_CHROMIUM)) process.exit(0);
if (await playwrightChromium()) process.exit(0);

// Quiet on purpose: when it fails (no network, no permission), the one line below says what to do.
const install = spawnSync('npx', ['playwright', 'install', 'chromium'], {
  stdio: 'ignore',
  shell: process.platform === 'win32',
});
if (install.status === 0 && (await playwrightChromium())) process.exit(0);

console.error(HELP);
process.exit(1);
