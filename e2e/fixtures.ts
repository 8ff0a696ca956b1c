/**
 * The `test` every spec uses: it fails a test on any console error or uncaught page error,
 * so a journey that looks right but logs an error still fails. A test that provokes an
 * error on purpose (offline, a missing article) allows exactly that message.
 */
import { test as base, expect, type ConsoleMessage } from '@playwright/test';

type ConsoleGuard = {
  /** Allows console errors whose text or source URL matches one of the patterns. */
  allow: (...patterns: RegExp[]) => void;
};

function describe(message: ConsoleMessage): string {
  const { url } = message.location();
  return url ? `${message.text()} (at ${url})` : message.text();
}

export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  // A built page starts its app after the load event (public/boot.js). Tests act as a
  // reader who waits for that: after goto and reload the page is run by the app (or the app
  // could not start, when a test blocks its code). With JavaScript off, or on a page that is
  // not the reader's, there is no app to wait for.
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled) {
      const started = () =>
        page.waitForFunction(
          () =>
            document.querySelector('script[data-app]') === null ||
            /^(ready|failed)$/.test(document.documentElement.dataset.app ?? ''),
        );
      const thenStarted =
        <A extends unknown[], R>(navigate: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          const response = await navigate(...args);
          await started();
          return response;
        };
      page.goto = thenStarted(page.goto.bind(page));
      page.reload = thenStarted(page.reload.bind(page));
    }
    await use(page);
  },
  consoleGuard: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = describe(message);
        if (!allowed.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
      });
      page.on('pageerror', (error) => {
        problems.push(`page error: ${error.stack ?? error.message}`);
      });
      await use({ allow: (...patterns) => allowed.push(...patterns) });
      expect(problems, 'console errors or page errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A resource the browser could not fetch because the test turned the network off. */
export const OFFLINE_ERRORS = [/ERR_INTERNET_DISCONNECTED/, /failed to fetch/i];

/** The browser's own log line for a 404 response, which a not-found test expects. */
/** A missing resource: an API file, or the page itself (the host answers with 404.html). */
export const NOT_FOUND_ERRORS = [/status of 404 \(Not Found\)/];
