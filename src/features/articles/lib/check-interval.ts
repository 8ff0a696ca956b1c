/**
 * How often an open list or article asks whether something was published: every minute
 * (decision 022). A reader (a newsroom's own screen, a test) may set another interval in
 * seconds under this localStorage key, from 1 s to an hour: `reader-check-every`.
 */
export const CHECK_EVERY_KEY = 'reader-check-every';

export const DEFAULT_CHECK_MS = 60_000;
const MIN_CHECK_MS = 1000;
const MAX_CHECK_MS = 3_600_000;

/** After failures, checks come further apart, up to this. */
export const MAX_BACKOFF_MS = 15 * 60_000;

/** The interval between checks, in milliseconds. */
export function checkInterval(): number {
  let stored: string | null | undefined;
  try {
    stored = globalThis.localStorage?.getItem(CHECK_EVERY_KEY);
  } catch {
    // Storage can be off (private modes): the default holds.
    return DEFAULT_CHECK_MS;
  }
  const seconds = Number(stored);
  if (stored == null || stored.trim() === '' || !Number.isFinite(seconds)) return DEFAULT_CHECK_MS;
  return Math.min(MAX_CHECK_MS, Math.max(MIN_CHECK_MS, seconds * 1000));
}

type CheckState = {
  status: 'pending' | 'error' | 'success';
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  errorUpdateCount: number;
};

/**
 * The wait before the next check: the interval while checks succeed; after a failure (the
 * host down, a captive portal) as long again as the checks have been failing, so the wait
 * doubles, up to MAX_BACKOFF_MS. A browser that knows it is offline does not check at all
 * (the query waits for the network).
 */
export function nextCheckIn(every: number, state: CheckState): number {
  if (state.status !== 'error') return every;
  const failingFor =
    state.dataUpdatedAt > 0
      ? state.errorUpdatedAt - state.dataUpdatedAt
      : every * 2 ** Math.max(0, state.errorUpdateCount - 1);
  return Math.min(MAX_BACKOFF_MS, Math.max(every, failingFor));
}
