/**
 * Runs `task` once the browser has nothing more pressing to do (at most `timeout` ms
 * later): work a first view does not need (reading the cache kept on the device,
 * registering the service worker) waits until the page has hydrated and painted, so it
 * never stands between the reader and the page.
 */
export function whenIdle(task: () => void, timeout = 2000): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(() => task(), { timeout });
  } else {
    setTimeout(task, 1);
  }
}

type Scheduler = { yield?: () => Promise<void> };

/**
 * Ends the current task and continues in a new one, ahead of other queued work where the
 * browser can (`scheduler.yield`): the app's start-up runs as several short tasks, between
 * which the browser can paint and answer a tap, instead of one long one.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
