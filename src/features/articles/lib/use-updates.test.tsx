import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHECK_EVERY_KEY,
  checkInterval,
  DEFAULT_CHECK_MS,
  MAX_BACKOFF_MS,
  nextCheckIn,
} from './check-interval.ts';
import { useUpdates } from './use-updates.ts';

function Watcher() {
  useUpdates();
  return null;
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.removeItem(CHECK_EVERY_KEY);
  setVisibility('visible');
});

describe('checking for updates', () => {
  it("asks nothing in the first interval after the page opened: its first seconds are the page's own", async () => {
    const fetch = vi.fn(() => Promise.resolve(Response.json({ newest: [], changed: [] })));
    vi.stubGlobal('fetch', fetch);
    localStorage.setItem(CHECK_EVERY_KEY, '1');
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <Watcher />
      </QueryClientProvider>,
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(fetch).not.toHaveBeenCalled();
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1), { timeout: 5000 });
  });

  it('asks nothing while the tab is hidden, and revalidates with the host once it is shown', async () => {
    const fetch = vi.fn(() => Promise.resolve(Response.json({ newest: [], changed: [] })));
    vi.stubGlobal('fetch', fetch);
    localStorage.setItem(CHECK_EVERY_KEY, '1');
    setVisibility('hidden');
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <Watcher />
      </QueryClientProvider>,
    );
    // Long enough for a query that would run to have asked (past the first interval).
    await act(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(fetch).not.toHaveBeenCalled();

    setVisibility('visible');
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(fetch).toHaveBeenCalledWith(
      expect.stringMatching(/\/updates\.json$/),
      expect.objectContaining({ cache: 'no-cache' }),
    );
  });

  it('checks every minute, or as often as the reader set', () => {
    expect(checkInterval()).toBe(DEFAULT_CHECK_MS);
    localStorage.setItem(CHECK_EVERY_KEY, '2');
    expect(checkInterval()).toBe(2000);
    localStorage.setItem(CHECK_EVERY_KEY, '0');
    expect(checkInterval()).toBe(1000);
    localStorage.setItem(CHECK_EVERY_KEY, 'soon');
    expect(checkInterval()).toBe(DEFAULT_CHECK_MS);
  });

  it('waits longer after each failure, up to a limit, and the interval again after a success', () => {
    const every = 60_000;
    const ok = {
      status: 'success',
      dataUpdatedAt: 1000,
      errorUpdatedAt: 0,
      errorUpdateCount: 0,
    } as const;
    expect(nextCheckIn(every, ok)).toBe(every);
    const failing = (since: number) => ({
      ...ok,
      status: 'error' as const,
      errorUpdatedAt: 1000 + since,
    });
    expect(nextCheckIn(every, failing(60_000))).toBe(60_000);
    expect(nextCheckIn(every, failing(120_000))).toBe(120_000);
    expect(nextCheckIn(every, failing(240_000))).toBe(240_000);
    expect(nextCheckIn(every, failing(3_600_000))).toBe(MAX_BACKOFF_MS);
    // Never a success yet: doubling by the count of failures.
    const never = {
      status: 'error',
      dataUpdatedAt: 0,
      errorUpdatedAt: 5,
      errorUpdateCount: 3,
    } as const;
    expect(nextCheckIn(every, never)).toBe(4 * every);
  });
});
