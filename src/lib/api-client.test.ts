import * as v from 'valibot';
import { describe, expect, inject, it, vi } from 'vitest';
import { ArticlePageSchema } from '../contract/article.ts';
import {
  ApiError,
  BODY_STALL_MS,
  getJson,
  HEADERS_DEADLINE_MS,
  MAX_BODY_BYTES,
  NotFoundError,
  RETRY_DELAYS_MS,
} from './api-client.ts';

/** A fresh id for the test server's request log. */
const newId = () => Math.random().toString(36).slice(2);

/** When the test server saw each request for `id`, in ms after the first. */
async function requestLog(id: string): Promise<number[]> {
  return getJson(`../broken/log?id=${id}`, v.array(v.number()));
}

/** The error `promise` rejects with, which must be an ApiError. */
async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('getJson against a real server', () => {
  it('returns validated data', async () => {
    const page = await getJson('latest/1.json', ArticlePageSchema);
    expect(page.page).toBe(1);
    expect(page.articles.length).toBeGreaterThan(0);
  });

  it('throws NotFoundError for a 404', async () => {
    await expect(getJson('articles/no-such-article.json', v.unknown())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('treats a host’s index.html fallback as not found', async () => {
    await expect(getJson('../broken/index.html.json', v.unknown())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('reports a server error with its status and URL', async () => {
    const error = await apiErrorOf(getJson('../broken/500.json', v.unknown()));
    expect(error.status).toBe(500);
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(
      /^HTTP 500: http:\/\/127\.0\.0\.1:\d+\/api\/\.\.\/broken\/500\.json$/,
    );
  });

  it('reports a body that is not JSON', async () => {
    await expect(getJson('../broken/not-json.json', v.unknown())).rejects.toThrow(
      /^Response is not JSON: /,
    );
  });

  it('names where data breaks the contract', async () => {
    await expect(getJson('../broken/wrong-shape.json', ArticlePageSchema)).rejects.toThrow(
      /^Unexpected data at pageSize/,
    );
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubEnv('VITE_API_BASE_URL', 'http://127.0.0.1:9/api/');
    try {
      await expect(getJson('latest/1.json', v.unknown())).rejects.toThrow(
        /^Network error: http:\/\/127\.0\.0\.1:9\/api\/latest\/1\.json$/,
      );
    } finally {
      vi.stubEnv('VITE_API_BASE_URL', inject('apiBaseUrl'));
    }
  });
});

describe('getJson tries again only what may pass', () => {
  it('asks three times on a 5xx, waiting longer each time, then reports it', async () => {
    const id = newId();
    const error = await apiErrorOf(
      getJson(`../broken/503-then-ok.json?fails=9&id=${id}`, v.unknown()),
    );
    expect(error.status).toBe(503);
    expect(error.isTransient).toBe(true);
    const log = await requestLog(id);
    expect(log).toHaveLength(3);
    const [, second = 0, third = 0] = log;
    expect(second).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0] ?? 0);
    expect(third - second).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[1] ?? 0);
    expect(third - second).toBeGreaterThan(second);
  });

  it('returns the data when a retry succeeds', async () => {
    const id = newId();
    await expect(
      getJson(`../broken/503-then-ok.json?fails=1&id=${id}`, v.object({ ok: v.boolean() })),
    ).resolves.toEqual({ ok: true });
    expect(await requestLog(id)).toHaveLength(2);
  });

  it('treats a reset connection as a network error and tries again', async () => {
    const id = newId();
    const error = await apiErrorOf(getJson(`../broken/reset.json?id=${id}`, v.unknown()));
    expect(error.kind).toBe('network');
    expect(await requestLog(id)).toHaveLength(3);
  });

  it('asks a silent server once, and gives it up when the headers deadline passes', async () => {
    const id = newId();
    const started = performance.now();
    const error = await apiErrorOf(getJson(`../broken/hang.json?id=${id}`, v.unknown()));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/^Timed out: /);
    expect(await requestLog(id)).toHaveLength(1);
    // Patience, not speed: the server had its whole deadline to answer.
    expect(performance.now() - started).toBeGreaterThanOrEqual(HEADERS_DEADLINE_MS - 1);
  });

  it(
    'waits for headers that take a 3G round trip, and asks once',
    async () => {
      const id = newId();
      await expect(
        getJson(`../broken/slow-headers.json?after=2500&id=${id}`, v.object({ ok: v.boolean() })),
      ).resolves.toEqual({ ok: true });
      expect(await requestLog(id)).toHaveLength(1);
    },
    HEADERS_DEADLINE_MS * 4,
  );

  it(
    'reads a slow body to its end while it keeps coming, longer than the stall limit in all',
    async () => {
      const id = newId();
      const every = 250;
      const pieces = Math.ceil((BODY_STALL_MS * 2.2) / every);
      const body = await getJson(
        `../broken/trickle.json?pieces=${pieces}&every=${every}&id=${id}`,
        v.object({ padding: v.string() }),
      );
      expect(body.padding).toHaveLength((pieces - 1) * 1000);
      expect(await requestLog(id)).toHaveLength(1);
    },
    BODY_STALL_MS * 6,
  );

  it(
    'gives up a body that has stopped coming, and does not ask again',
    async () => {
      const id = newId();
      const error = await apiErrorOf(getJson(`../broken/stall.json?id=${id}`, v.unknown()));
      expect(error.kind).toBe('timeout');
      expect(await requestLog(id)).toHaveLength(1);
    },
    BODY_STALL_MS * 4,
  );

  it('cuts a body of no declared size at the limit, without reading the rest', async () => {
    const id = newId();
    const error = await apiErrorOf(getJson(`../broken/endless.json?id=${id}`, v.unknown()));
    expect(error.message).toMatch(/^Response larger than 4 MB: /);
    expect(error.isTransient).toBe(false);
    expect(await requestLog(id)).toHaveLength(1);
    // The body never ends: the server stopped because the reader hung up, near the limit.
    const sent = await getJson(`../broken/log?sent&id=${id}`, v.number());
    expect(sent).toBeGreaterThan(MAX_BODY_BYTES / 2);
    expect(sent).toBeLessThan(MAX_BODY_BYTES * 8);
  });

  it('asks once for a 404', async () => {
    const id = newId();
    await expect(
      getJson(`articles/no-such-article.json?id=${id}`, v.unknown()),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await requestLog(id)).toHaveLength(1);
  });

  it.each([
    ['not-json.json', /^Response is not JSON: /],
    ['empty.json', /^Response is not JSON: /],
    ['sign-in.html.json', /^Response is an HTML page, not JSON: /],
    ['large.json', /^Response larger than 4 MB: /],
    ['large-undeclared.json', /^Response larger than 4 MB: /],
  ])('asks once for bad data (%s) and says what is wrong', async (file, message) => {
    const id = newId();
    const error = await apiErrorOf(getJson(`../broken/${file}?id=${id}`, v.unknown()));
    expect(error.message).toMatch(message);
    expect(error.kind).toBe('data');
    expect(error.isTransient).toBe(false);
    expect(await requestLog(id)).toHaveLength(1);
  });

  it('stops trying when the caller gives up', async () => {
    const id = newId();
    const controller = new AbortController();
    const request = getJson(`../broken/503-then-ok.json?fails=9&id=${id}`, v.unknown(), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('left the page')), 100);
    await expect(request).rejects.toThrow('left the page');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await requestLog(id)).toHaveLength(1);
  });
});
