import { QueryClient, queryOptions } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../lib/api-client.ts';
import { setDeviceCache } from '../lib/query-client.ts';
import { loadOrThrow } from './load-or-throw.ts';

const story = (fetchStory: () => Promise<string>) =>
  queryOptions({ queryKey: ['story'], queryFn: fetchStory, staleTime: 1000 });

describe('a route warming the cache', () => {
  it('waits for what the cache does not hold', async () => {
    const queryClient = new QueryClient();
    await loadOrThrow(
      queryClient,
      story(() => Promise.resolve('fresh')),
    );
    expect(queryClient.getQueryData(['story'])).toBe('fresh');
  });

  it('uses stale data at once and refreshes it behind the page', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['story'], 'old', { updatedAt: Date.now() - 60_000 });
    let answer: (text: string) => void = () => undefined;
    const refreshed = new Promise<string>((resolve) => (answer = resolve));
    await loadOrThrow(
      queryClient,
      story(() => refreshed),
    );
    expect(queryClient.getQueryData(['story'])).toBe('old');
    answer('new');
    await expect.poll(() => queryClient.getQueryData(['story'])).toBe('new');
  });

  it('keeps what it has when the refresh fails', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['story'], 'old', { updatedAt: Date.now() - 60_000 });
    await loadOrThrow(
      queryClient,
      story(() => Promise.reject(new Error('offline'))),
    );
    await expect.poll(() => queryClient.getQueryState(['story'])?.status).toBe('error');
    expect(queryClient.getQueryData(['story'])).toBe('old');
  });

  it('turns a missing resource into a 404 for the error boundary', async () => {
    const queryClient = new QueryClient();
    const error: unknown = await loadOrThrow(
      queryClient,
      story(() => Promise.reject(new NotFoundError('/api/articles/gone.json'))),
    ).catch((e: unknown) => e);
    // react-router turns this into the 404 response the route's error boundary reads.
    expect(error).toMatchObject({ init: { status: 404 } });
  });
});

describe('a route loading before the kept cache was read back', () => {
  it('reads the kept cache first, once, and takes what it holds without a request', async () => {
    const queryClient = new QueryClient();
    let reads = 0;
    setDeviceCache(async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      queryClient.setQueryData(['story'], 'kept on this device');
    });
    let requests = 0;
    const fromNetwork = story(() => {
      requests += 1;
      return Promise.reject(new Error('offline'));
    });
    await Promise.all([
      loadOrThrow(queryClient, fromNetwork),
      loadOrThrow(queryClient, fromNetwork),
    ]);
    expect(queryClient.getQueryData(['story'])).toBe('kept on this device');
    expect(reads).toBe(1);
    // The kept data is fresh to the cache's clock: nothing was asked of the network.
    expect(requests).toBe(0);
  });
});
