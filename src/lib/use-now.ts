import { startTransition, useEffect, useState } from 'react';
import { isPageHydrated } from './hydration.ts';

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

function current() {
  // A page shown again after a while starts from the real time, not the last tick.
  if (timer === undefined) now = Date.now();
  return now;
}

/**
 * The current time, updated every 30 seconds while the component is shown. A prerendered
 * page knows no "now" (it was built earlier), so it and the browser's first render use 0,
 * which shows dates; "3 hours ago" follows where that applies.
 *
 * The moves to the real time are transitions, not an external store's updates: a store
 * whose value differs from the server's forces React to re-render every reader of it at
 * once, in one task, right after hydration (about 100 ms on a phone for a list of cards).
 * As a transition, the re-render yields to the reader's taps and scrolls.
 */
export function useNow(): number {
  // While the page hydrates (in slices, some after others' dates have moved on) every date
  // is written as the markup has it; one rendered later knows the time at once.
  const [value, setValue] = useState(() => (isPageHydrated() ? current() : 0));
  useEffect(() => {
    const update = () => {
      startTransition(() => {
        setValue(now);
      });
    };
    if (value !== current()) update();
    return subscribe(update);
    // The subscription lasts the component's life; `value` is only read on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}
