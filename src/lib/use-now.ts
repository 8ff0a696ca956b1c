import { useSyncExternalStore } from 'react';

/** How often relative times ("3 minutes ago") move on while a page is open. */
const TICK_MS = 30_000;

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  // One clock for the whole page, running only while something shows a relative time.
  timer ??= setInterval(() => {
    now = Date.now();
    for (const each of listeners) each();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function getNow() {
  // A page shown again after a while starts from the real time, not the last tick.
  if (timer === undefined) now = Date.now();
  return now;
}

/**
 * The current time, updated every 30 seconds while the component is shown. A prerendered
 * page knows no "now" (it was built earlier), so it and the browser's hydrating render use
 * 0, which shows dates; the next render shows "3 hours ago" where that applies.
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow, () => 0);
}
